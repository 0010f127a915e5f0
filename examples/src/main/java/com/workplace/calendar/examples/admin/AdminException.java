package com.workplace.calendar.examples.admin;

import java.util.Objects;

/**
 * A failure the tool reports to the person at the terminal: what went wrong, what to do (always),
 * which exit code.
 */
final class AdminException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String whatToDo;

  private AdminException(int exitCode, String message, String whatToDo, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.exitCode = exitCode;
    this.whatToDo = Objects.requireNonNull(whatToDo, "whatToDo");
  }

  /** The operation failed (exit code 1). */
  static AdminException failed(String message, String whatToDo) {
    return new AdminException(ExitCodes.FAILED, message, whatToDo, null);
  }

  /** The operation failed (exit code 1), with the cause for --verbose. */
  static AdminException failed(String message, String whatToDo, Throwable cause) {
    return new AdminException(ExitCodes.FAILED, message, whatToDo, cause);
  }

  /** The command line is wrong (exit code 2). */
  static AdminException usage(String message, String whatToDo) {
    return new AdminException(ExitCodes.USAGE, message, whatToDo, null);
  }

  /** The configuration or authorization is not in order (exit code 3). */
  static AdminException configuration(String message, String whatToDo) {
    return new AdminException(ExitCodes.CONFIGURATION, message, whatToDo, null);
  }

  /** The configuration or authorization is not in order (exit code 3), with the cause for --verbose. */
  static AdminException configuration(String message, String whatToDo, Throwable cause) {
    return new AdminException(ExitCodes.CONFIGURATION, message, whatToDo, cause);
  }

  int exitCode() {
    return exitCode;
  }

  /** The sentence that says what to do about it. */
  String whatToDo() {
    return whatToDo;
  }
}
