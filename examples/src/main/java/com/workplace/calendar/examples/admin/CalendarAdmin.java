package com.workplace.calendar.examples.admin;

import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code calendar-admin}: the administrator's side of the Workplace Calendar SDK on the command
 * line. Runs against an embedded {@code FakeMicrosoft365} with a demo organisation (the default) or
 * a real Microsoft 365 tenant, keeping the SDK's state in a JDBC store (H2 in {@code
 * ./.calendar-admin/} unless told otherwise).
 *
 * <p>Run {@code calendar-admin demo} for the whole story, {@code calendar-admin --help} for the
 * commands. Exit codes are listed in {@link ExitCodes}.
 */
@Command(
    name = "calendar-admin",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = CalendarAdmin.Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Authorize Microsoft 365 tenants, register and connect room calendars, link them to spaces,"
          + " book rooms and sync bookings made in Outlook.",
      "",
      "By default everything runs against an embedded fake of Microsoft 365 with a demo organisation"
          + " (@|bold " + DemoOrganisation.DOMAIN + "|@); --target microsoft365 uses a real tenant."
          + " Start with: calendar-admin demo"
    },
    subcommands = {
      TenantCommands.class,
      RoomsCommands.class,
      CalendarsCommands.class,
      SpacesCommands.class,
      BookingsCommands.class,
      SyncCommands.class,
      DemoCommand.class,
      ShellCommand.class,
      CommandLine.HelpCommand.class
    },
    abbreviateSynopsis = true,
    optionListHeading = "%nGlobal options (every command accepts them):%n",
    commandListHeading = "%nCommands:%n",
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  The global options but --json and --verbose can also come from environment",
      "  variables: --client-secret from CALENDAR_ADMIN_CLIENT_SECRET, and so on.",
      "  Prefer the variables for secrets.",
      "",
      "Exit codes:",
      "  0  done",
      "  1  the operation failed or partly failed; the output says which and why",
      "  2  usage error: unknown command or option, missing or malformed argument",
      "  3  configuration or authorization problem: app registration, store, consent",
      "  shell exits with the highest code of the commands it ran.",
      "  With --json an error is also a JSON document on standard output:",
      "  {\"error\", \"message\", \"whatToDo\", \"exitCode\"}."
    })
public final class CalendarAdmin implements Callable<Integer> {
  /** The options that environment variables {@code CALENDAR_ADMIN_<NAME>} can set. */
  static final Set<String> ENVIRONMENT_OPTIONS =
      Set.of(
          "--target", "--tenant", "--client-id", "--client-secret", "--client-secret-file",
          "--certificate", "--certificate-password", "--federated-token-file", "--redirect-uri",
          "--jdbc-url", "--jdbc-user",
          "--jdbc-password", "--data-dir", "--spaces", "--authority-host", "--graph-endpoint");

  /** The options every command accepts, described once in {@code calendar-admin --help}. */
  static final Set<String> GLOBAL_OPTIONS =
      Stream.concat(ENVIRONMENT_OPTIONS.stream(), Stream.of("--json", "--verbose"))
          .collect(Collectors.toUnmodifiableSet());

  @Spec CommandSpec spec;

  @Option(
      names = "--target",
      paramLabel = "fake|microsoft365",
      description = "Where the calendars are: the embedded fake with the demo organisation (default) or a real Microsoft 365 tenant.",
      scope = ScopeType.INHERIT)
  Settings.Target target;

  @Option(
      names = {"-t", "--tenant"},
      paramLabel = "TENANT",
      description = "The tenant (directory GUID or verified domain); default: the only authorized one, or the demo tenant.",
      converter = OptionValues.Tenant.class,
      scope = ScopeType.INHERIT)
  String tenant;

  @Option(
      names = "--client-id",
      paramLabel = "GUID",
      description = "The app registration's application (client) ID.",
      converter = OptionValues.ClientId.class,
      scope = ScopeType.INHERIT)
  String clientId;

  @Option(
      names = "--client-secret",
      paramLabel = "SECRET",
      description = "The client secret's value (not its ID); prefer CALENDAR_ADMIN_CLIENT_SECRET.",
      scope = ScopeType.INHERIT)
  String clientSecret;

  @Option(names = "--client-secret-file", paramLabel = "FILE", description = "A file holding the client secret's value (e.g. a mounted secret), read again for every token request.", scope = ScopeType.INHERIT)
  Path clientSecretFile;

  @Option(names = "--certificate", paramLabel = "FILE", description = "A certificate credential instead of a secret: .pem (PKCS#8 key and certificate) or .p12/.pfx; reloaded when it changes.", scope = ScopeType.INHERIT)
  Path certificate;

  @Option(names = "--certificate-password", paramLabel = "PASSWORD", description = "The password of a .p12/.pfx file.", scope = ScopeType.INHERIT)
  String certificatePassword;

  @Option(names = "--federated-token-file", paramLabel = "FILE", description = "Workload identity federation: the token file the platform mounts and refreshes (e.g. $AZURE_FEDERATED_TOKEN_FILE); no secret needed.", scope = ScopeType.INHERIT)
  Path federatedTokenFile;

  @Option(
      names = "--redirect-uri",
      paramLabel = "URI",
      description = "The admin-consent redirect URI registered on the app (default: http://localhost:8765/calendar-admin/consent; a free port with the fake).",
      scope = ScopeType.INHERIT)
  URI redirectUri;

  @Option(names = "--jdbc-url", paramLabel = "URL", description = "The store: a jdbc:h2: or jdbc:postgresql: URL; default an H2 file in the data directory.", scope = ScopeType.INHERIT)
  String jdbcUrl;

  @Option(names = "--jdbc-user", paramLabel = "USER", description = "The database user.", scope = ScopeType.INHERIT)
  String jdbcUser;

  @Option(names = "--jdbc-password", paramLabel = "PASSWORD", description = "The database password; prefer CALENDAR_ADMIN_JDBC_PASSWORD.", scope = ScopeType.INHERIT)
  String jdbcPassword;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the default H2 store lives (default: .calendar-admin in the current folder).", scope = ScopeType.INHERIT)
  Path dataDir;

  @Option(names = "--spaces", paramLabel = "FILE", description = "The booking product's spaces: a CSV file spaceId,name,location; default the demo spaces.", scope = ScopeType.INHERIT)
  Path spaces;

  @Option(names = "--authority-host", paramLabel = "URI", description = "The identity platform for sovereign clouds, e.g. https://login.microsoftonline.us/", scope = ScopeType.INHERIT)
  URI authorityHost;

  @Option(names = "--graph-endpoint", paramLabel = "URI", description = "Microsoft Graph for sovereign clouds, e.g. https://graph.microsoft.us/v1.0/", scope = ScopeType.INHERIT)
  URI graphEndpoint;

  @Option(names = "--json", description = "Print one JSON document (or JSON lines for sync watch) instead of tables.", scope = ScopeType.INHERIT)
  boolean json;

  @Option(names = {"-v", "--verbose"}, description = "Show log messages and stack traces.", scope = ScopeType.INHERIT)
  boolean verbose;

  private final Map<String, String> environment;
  private final PrintWriter stdout;
  private final PrintWriter stderr;
  private final InputStream stdin;
  private final AdminContext sharedContext;
  private AdminContext context;
  private Output output;

  CalendarAdmin(
      Map<String, String> environment,
      PrintWriter stdout,
      PrintWriter stderr,
      InputStream stdin,
      AdminContext sharedContext) {
    this.environment = Map.copyOf(environment);
    this.stdout = stdout;
    this.stderr = stderr;
    this.stdin = stdin;
    this.sharedContext = sharedContext;
  }

  /**
   * Runs the tool and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    configureLogging(List.of(args).contains("-v") || List.of(args).contains("--verbose"));
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = execute(args, System.getenv(), out, err, System.in);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs one command line in this process.
   *
   * @param args the command line
   * @param environment the environment variables ({@code CALENDAR_ADMIN_*} are read)
   * @param out standard output
   * @param err standard error
   * @param in standard input (read by {@code shell})
   * @return the exit code, see {@link ExitCodes}
   */
  public static int execute(
      String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err, InputStream in) {
    return execute(args, environment, out, err, in, null);
  }

  static int execute(
      String[] args,
      Map<String, String> environment,
      PrintWriter out,
      PrintWriter err,
      InputStream in,
      AdminContext shared) {
    CalendarAdmin root = new CalendarAdmin(environment, out, err, in, shared);
    CommandLine commandLine = root.commandLine();
    try {
      return commandLine.execute(args);
    } finally {
      root.closeContext();
      out.flush();
      err.flush();
    }
  }

  private CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(this);
    commandLine.setOut(stdout);
    commandLine.setErr(stderr);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setDefaultValueProvider(this::environmentDefault);
    commandLine.setParameterExceptionHandler(
        (e, args) -> new ErrorReporter(stdout, stderr, json || List.of(args).contains("--json"), verbose).usage(e));
    commandLine.setExecutionExceptionHandler(
        (e, cl, parseResult) -> new ErrorReporter(stdout, stderr, json, verbose).report(e));
    commandLine.getSubcommands().values().forEach(CalendarAdmin::compactHelp);
    return commandLine;
  }

  /** The help of a subcommand lists its own options; the global ones are in {@code calendar-admin --help}. */
  private static void compactHelp(CommandLine command) {
    CommandSpec commandSpec = command.getCommandSpec();
    if (commandSpec.userObject() instanceof CommandLine.HelpCommand) {
      return;
    }
    commandSpec.usageMessage().abbreviateSynopsis(true);
    commandSpec.usageMessage().optionListHeading("%nOptions:%n");
    commandSpec.usageMessage().footerHeading("");
    commandSpec.usageMessage().footer(
        "%nGlobal options (--tenant, --json, --target, --data-dir, ...): calendar-admin --help");
    command.getHelpSectionMap().put(
        UsageMessageSpec.SECTION_KEY_OPTION_LIST,
        help -> help.optionListExcludingGroups(
            help.commandSpec().options().stream()
                .filter(o -> !o.hidden() && !(o.inherited() && GLOBAL_OPTIONS.contains(o.longestName())))
                .toList()));
    command.getSubcommands().values().forEach(CalendarAdmin::compactHelp);
  }

  private String environmentDefault(ArgSpec argSpec) {
    if (argSpec instanceof OptionSpec option && ENVIRONMENT_OPTIONS.contains(option.longestName())) {
      String value = environment.get(environmentName(option.longestName()));
      return value == null || value.isBlank() ? null : value;
    }
    return null;
  }

  static String environmentName(String option) {
    return "CALENDAR_ADMIN_" + option.substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(stderr);
    stderr.println();
    stderr.println("calendar-admin: choose a command, e.g. calendar-admin demo");
    return ExitCodes.USAGE;
  }

  Settings settings() {
    return new Settings(
        Optional.ofNullable(target).orElse(Settings.Target.fake),
        Optional.ofNullable(tenant),
        Optional.ofNullable(clientId),
        Optional.ofNullable(clientSecret),
        Optional.ofNullable(clientSecretFile),
        Optional.ofNullable(certificate),
        Optional.ofNullable(certificatePassword),
        Optional.ofNullable(federatedTokenFile),
        Optional.ofNullable(redirectUri),
        Optional.ofNullable(jdbcUrl),
        Optional.ofNullable(jdbcUser),
        Optional.ofNullable(jdbcPassword),
        Optional.ofNullable(dataDir).orElse(Path.of(".calendar-admin")),
        Optional.ofNullable(spaces),
        Optional.ofNullable(authorityHost),
        Optional.ofNullable(graphEndpoint));
  }

  Output output() {
    if (output == null) {
      output = new Output(stdout, stderr, json, System.console() != null, verbose, ZoneId.systemDefault());
    }
    return output;
  }

  InputStream stdin() {
    return stdin;
  }

  Map<String, String> environment() {
    return environment;
  }

  boolean inShell() {
    return sharedContext != null;
  }

  /** The context of this command: the shell's, or one opened now and closed after the command. */
  AdminContext context() {
    return context(AdminContext.Tuning.defaults());
  }

  /**
   * The context of this command, with the service tuned for it; in the shell, the shell's context
   * (commands that need their own tuning refuse to run there).
   */
  AdminContext context(AdminContext.Tuning tuning) {
    if (sharedContext != null) {
      return sharedContext;
    }
    if (context == null) {
      context = AdminContext.open(settings(), tuning);
    }
    return context;
  }

  private void closeContext() {
    if (context != null) {
      context.close();
      context = null;
    }
  }

  static void configureLogging(boolean verbose) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  /** The version from the jar's Maven metadata. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws Exception {
      Properties properties = new Properties();
      try (InputStream in =
          CalendarAdmin.class.getResourceAsStream(
              "/META-INF/maven/com.workplace.calendar/examples/pom.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {
        "calendar-admin " + properties.getProperty("version", "(development build)"),
        "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")
      };
    }
  }
}
