package com.workplace.calendar.examples.admin;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.ThrottledException;
import com.workplace.calendar.csv.CsvException;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;

/**
 * Turns failures into a message that says what went wrong and what to do, and an exit code (see
 * {@link ExitCodes}). Stack traces only with {@code --verbose}.
 */
final class ErrorReporter {
  /** Error codes of the identity platform and Graph that mean the app or its consent is not in order. */
  private static final Set<String> AUTHORIZATION_CODES =
      Set.of(
          "invalid_client", "unauthorized_client", "invalid_request", "invalid_grant",
          "invalidauthenticationtoken", "authorization_requestdenied", "erroraccessdenied");

  private ErrorReporter() {}

  /** A problem with the command line: exit code 2. */
  static int usage(CommandLine.ParameterException e, PrintWriter err) {
    err.println("calendar-admin: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Try: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
    err.flush();
    return ExitCodes.USAGE;
  }

  /** A failure while a command ran. */
  static int report(Exception e, PrintWriter err, boolean verbose) {
    Classified c = classify(e);
    err.println("calendar-admin: " + c.message());
    if (c.hint() != null) {
      err.println("  What to do: " + c.hint());
    }
    if (verbose) {
      e.printStackTrace(err);
    } else if (c.exitCode() == ExitCodes.FAILED && c.unexpected()) {
      err.println("  Run again with --verbose to see the details.");
    }
    err.flush();
    return c.exitCode();
  }

  private record Classified(int exitCode, String message, String hint, boolean unexpected) {}

  private static Classified classify(Exception e) {
    if (e instanceof AdminException a) {
      return new Classified(a.exitCode(), a.getMessage(), a.hint().orElse(null), false);
    }
    if (e instanceof IllegalArgumentException) {
      return new Classified(ExitCodes.USAGE, e.getMessage(), "check the value and try again", false);
    }
    if (e instanceof InvalidConsentStateException) {
      return new Classified(
          ExitCodes.CONFIGURATION, e.getMessage(), "run: calendar-admin tenant authorize <tenant>", false);
    }
    if (e instanceof CsvException csv) {
      String where = csv.line().isPresent() ? " (line " + csv.line().getAsLong() + ")" : "";
      return new Classified(
          ExitCodes.FAILED, e.getMessage() + where, "fix the file; nothing was imported", false);
    }
    if (e instanceof ResourceNotFoundException || e instanceof ConflictException) {
      return new Classified(ExitCodes.FAILED, e.getMessage(), null, false);
    }
    if (e instanceof ThrottledException) {
      return new Classified(
          ExitCodes.FAILED,
          e.getMessage(),
          "Microsoft 365 kept throttling the requests; try again in a few minutes",
          false);
    }
    if (e instanceof CalendarServiceException service) {
      String code = service.errorCode().orElse("").toLowerCase(Locale.ROOT);
      String request = service.requestId().map(id -> " [request id " + id + "]").orElse("");
      if (service.statusCode() == 401 || AUTHORIZATION_CODES.contains(code) || code.startsWith("aadsts")) {
        return new Classified(
            ExitCodes.CONFIGURATION,
            e.getMessage() + request,
            "check the app registration (client ID, secret or certificate) and the tenant's consent:"
                + " calendar-admin tenant verify",
            false);
      }
      if (service.statusCode() == 0) {
        return new Classified(
            ExitCodes.FAILED,
            e.getMessage(),
            "Microsoft 365 could not be reached; check the network, proxy and --graph-endpoint",
            false);
      }
      return new Classified(ExitCodes.FAILED, e.getMessage() + request, null, false);
    }
    if (e instanceof CalendarClientException) {
      return new Classified(ExitCodes.FAILED, e.getMessage(), null, false);
    }
    return new Classified(
        ExitCodes.FAILED, "unexpected error: " + e, "if it persists, report it with the --verbose output", true);
  }
}
