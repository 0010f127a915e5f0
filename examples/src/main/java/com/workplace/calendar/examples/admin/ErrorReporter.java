package com.workplace.calendar.examples.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.ThrottledException;
import com.workplace.calendar.csv.CsvException;
import com.workplace.calendar.csv.CsvLimitExceededException;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * Turns failures into a message that says what went wrong and what to do, and an exit code (see
 * {@link ExitCodes}). On standard error for people; with {@code --json} also as one JSON document
 * on standard output ({@code error}, {@code message}, {@code whatToDo}, {@code exitCode}). Stack
 * traces only with {@code --verbose}.
 */
final class ErrorReporter {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Error codes of the identity platform and Graph that mean the app or its consent is not in order. */
  private static final Set<String> AUTHORIZATION_CODES =
      Set.of(
          "invalid_client", "unauthorized_client", "invalid_request", "invalid_grant",
          "invalidauthenticationtoken", "authorization_requestdenied", "erroraccessdenied");

  /** The SDK's names of settings as they may appear in its messages, and the tool's options for them. */
  private static final Map<String, String> TOOL_WORDS = toolWords();

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean verbose;

  /**
   * Creates a reporter.
   *
   * @param out standard output, for the JSON document
   * @param err standard error, for people
   * @param json whether {@code --json} was asked for
   * @param verbose whether to print stack traces
   */
  ErrorReporter(PrintWriter out, PrintWriter err, boolean json, boolean verbose) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.verbose = verbose;
  }

  private static Map<String, String> toolWords() {
    Map<String, String> words = new LinkedHashMap<>();
    words.put("LinkMode.MOVE", "--move");
    words.put("authorityHost", "--authority-host");
    words.put("graphEndpoint", "--graph-endpoint");
    words.put("redirectUri", "--redirect-uri");
    words.put("clientCertificate", "--certificate");
    words.put("federatedTokenFile", "--federated-token-file");
    words.put("clientSecret", "--client-secret");
    words.put("clientId", "--client-id");
    return words;
  }

  /** A problem with the command line: exit code 2. */
  int usage(CommandLine.ParameterException e) {
    String help = e.getCommandLine().getCommandSpec().qualifiedName() + " --help";
    err.println("calendar-admin: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("  What to do: correct the command line; " + help + " lists the commands and options");
    err.flush();
    json("usage", e.getMessage(), "correct the command line; " + help + " lists the commands and options",
        ExitCodes.USAGE);
    return ExitCodes.USAGE;
  }

  /** A failure while a command ran. */
  int report(Exception e) {
    Classified c = classify(e);
    String message = inToolWords(c.message());
    String whatToDo = inToolWords(c.whatToDo());
    err.println("calendar-admin: " + message);
    err.println("  What to do: " + whatToDo);
    if (verbose) {
      e.printStackTrace(err);
    } else if (c.unexpected()) {
      err.println("  Run again with --verbose to see the details.");
    }
    err.flush();
    json(kind(c), message, whatToDo, c.exitCode());
    return c.exitCode();
  }

  private void json(String kind, String message, String whatToDo, int exitCode) {
    if (!json) {
      return;
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("error", kind);
    document.put("message", message);
    document.put("whatToDo", whatToDo);
    document.put("exitCode", exitCode);
    try {
      out.println(MAPPER.writeValueAsString(document));
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException("a map of strings cannot be written as JSON", impossible);
    }
    out.flush();
  }

  private static String kind(Classified c) {
    if (c.unexpected()) {
      return "unexpected";
    }
    return switch (c.exitCode()) {
      case ExitCodes.USAGE -> "usage";
      case ExitCodes.CONFIGURATION -> "configuration";
      default -> "failed";
    };
  }

  /** Replaces the SDK's names of settings with the tool's options. */
  static String inToolWords(String text) {
    String result = text;
    for (Map.Entry<String, String> word : TOOL_WORDS.entrySet()) {
      result = result.replace(word.getKey(), word.getValue());
    }
    return result;
  }

  private record Classified(int exitCode, String message, String whatToDo, boolean unexpected) {
    static Classified of(int exitCode, String message, String whatToDo) {
      return new Classified(exitCode, message, whatToDo, false);
    }
  }

  private static Classified classify(Exception e) {
    if (e instanceof AdminException a) {
      return Classified.of(a.exitCode(), a.getMessage(), a.whatToDo());
    }
    if (e instanceof IllegalArgumentException) {
      return Classified.of(ExitCodes.USAGE, e.getMessage(),
          "check the values given on the command line; the command's --help describes them");
    }
    if (e instanceof InvalidConsentStateException) {
      return Classified.of(ExitCodes.CONFIGURATION, e.getMessage(), "run: calendar-admin tenant authorize <tenant>");
    }
    if (e instanceof CsvException csv) {
      return csv(csv);
    }
    if (e instanceof ResourceNotFoundException) {
      return Classified.of(ExitCodes.FAILED, e.getMessage(),
          "check the address, space or key; 'calendar-admin calendars list' and 'calendar-admin spaces search'"
              + " show what is registered and linked");
    }
    if (e instanceof ConflictException) {
      return Classified.of(ExitCodes.FAILED, e.getMessage(),
          "'calendar-admin calendars list' shows the current state; change what the message names and try again");
    }
    if (e instanceof ThrottledException) {
      return Classified.of(ExitCodes.FAILED, e.getMessage(),
          "Microsoft 365 kept throttling the requests; try again in a few minutes");
    }
    if (e instanceof CalendarServiceException service) {
      return service(service);
    }
    if (e instanceof CalendarClientException) {
      return Classified.of(ExitCodes.FAILED, e.getMessage(),
          "try again; if it persists, run with --verbose and check the store and the network");
    }
    if (e instanceof IOException || e instanceof UncheckedIOException) {
      IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      return Classified.of(ExitCodes.FAILED, "a file could not be read or written: " + describe(io),
          "check the path, the folder's permissions and the free space, then run the command again");
    }
    return new Classified(
        ExitCodes.FAILED, "unexpected error: " + e, "if it persists, report it with the --verbose output", true);
  }

  private static Classified service(CalendarServiceException service) {
    String code = service.errorCode().orElse("").toLowerCase(Locale.ROOT);
    String request = service.requestId().map(id -> " [request id " + id + "]").orElse("");
    if (service.statusCode() == 401 || AUTHORIZATION_CODES.contains(code) || code.startsWith("aadsts")) {
      return Classified.of(
          ExitCodes.CONFIGURATION,
          service.getMessage() + request,
          "check the app registration (client ID, secret or certificate) and the tenant's consent:"
              + " calendar-admin tenant verify");
    }
    if (service.statusCode() == 0) {
      return Classified.of(
          ExitCodes.FAILED,
          service.getMessage(),
          "Microsoft 365 could not be reached; check the network, a proxy, --authority-host and"
              + " --graph-endpoint, then try again");
    }
    return Classified.of(ExitCodes.FAILED, service.getMessage() + request,
        "try again in a few minutes; if it persists, run with --verbose and keep the request id for support");
  }

  /** The importer's file problems; the tool imports files as a whole, so nothing was imported. */
  private static Classified csv(CsvException csv) {
    String where = csv.line().isPresent() ? " (line " + csv.line().getAsLong() + ")" : "";
    if (csv instanceof CsvLimitExceededException limit) {
      String message =
          switch (limit.limit()) {
            case FILE_SIZE -> "the file is larger than " + limit.maximum() + " bytes, the most calendar-admin imports at once";
            case ROW_COUNT -> "the file has more than " + limit.maximum() + " rows, the most calendar-admin imports at once";
            case FIELD_LENGTH -> "a value is longer than " + limit.maximum() + " characters" + where
                + ", the most a cell may hold (is a closing quote missing?)";
            case COLUMN_COUNT -> "a row has more than " + limit.maximum() + " cells" + where;
          };
      String whatToDo =
          switch (limit.limit()) {
            case FILE_SIZE, ROW_COUNT -> "split the file into smaller files and import them one by one; nothing was imported";
            case FIELD_LENGTH -> "shorten the value or close its quote; nothing was imported";
            case COLUMN_COUNT -> "remove the extra columns; nothing was imported";
          };
      return Classified.of(ExitCodes.FAILED, message, whatToDo);
    }
    return Classified.of(ExitCodes.FAILED, csv.getMessage() + where, "fix the file and import it again; nothing was imported");
  }

  /** What went wrong with a file, in words: which file, and why. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      return missing.getFile() + " does not exist";
    }
    if (e instanceof AccessDeniedException denied) {
      return "access to " + denied.getFile() + " was denied";
    }
    if (e instanceof NotDirectoryException notFolder) {
      return notFolder.getFile() + " is not a folder";
    }
    if (e instanceof FileSystemException fs) {
      return fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason());
    }
    return String.valueOf(e.getMessage());
  }
}
