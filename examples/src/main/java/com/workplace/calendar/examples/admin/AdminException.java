package com.workplace.calendar.examples.admin;

import java.util.Optional;

/** A failure the tool reports to the person at the terminal: what went wrong, what to do, which exit code. */
final class AdminException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final String hint;

  private AdminException(int exitCode, String message, String hint, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
    this.hint = hint;
  }

  /** The operation failed (exit code 1). */
  static AdminException failed(String message, String hint) {
    return new AdminException(ExitCodes.FAILED, message, hint, null);
  }

  /** The command line is wrong (exit code 2). */
  static AdminException usage(String message, String hint) {
    return new AdminException(ExitCodes.USAGE, message, hint, null);
  }

  /** The configuration or authorization is not in order (exit code 3). */
  static AdminException configuration(String message, String hint) {
    return new AdminException(ExitCodes.CONFIGURATION, message, hint, null);
  }

  /** The configuration or authorization is not in order (exit code 3), with the cause for --verbose. */
  static AdminException configuration(String message, String hint, Throwable cause) {
    return new AdminException(ExitCodes.CONFIGURATION, message, hint, cause);
  }

  int exitCode() {
    return exitCode;
  }

  Optional<String> hint() {
    return Optional.ofNullable(hint);
  }
}
