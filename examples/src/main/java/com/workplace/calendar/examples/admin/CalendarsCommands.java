package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.csv.CalendarCsvExporter;
import com.workplace.calendar.csv.CalendarCsvImporter;
import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.CsvTemplate;
import com.workplace.calendar.csv.ExistingCalendarPolicy;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.csv.RowError;
import com.workplace.calendar.registry.AddOutcome;
import com.workplace.calendar.registry.BulkAddReport;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calendar-admin calendars ...}: registered room calendars. */
@Command(
    name = "calendars",
    description = "Register room calendars (one by one or from CSV), connect them, list, remove and export them.",
    subcommands = {
      CalendarsCommands.Add.class,
      CalendarsCommands.Import.class,
      CalendarsCommands.Template.class,
      CalendarsCommands.Connect.class,
      CalendarsCommands.ListCalendars.class,
      CalendarsCommands.Remove.class,
      CalendarsCommands.Export.class,
      RulesImportCommand.class
    })
final class CalendarsCommands extends GroupCommand {
  /** Calendars probed per call: 8 concurrent $batch requests of 20 probes each. */
  static final int CONNECT_CHUNK = 160;

  @Command(name = "add", description = "Registers room mailboxes by address.")
  static final class Add extends AdminCommand {
    @Parameters(arity = "1..*", paramLabel = "EMAIL", description = "Room mailbox addresses.")
    List<String> emails;

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.knownTenant(tenantId);
      BulkAddReport report = ctx.service().calendars().addAll(tenantId, emails);
      Table table = Table.of("address", "result", "message");
      report.outcomes().forEach(o -> table.row(o.email().orElse(o.input()), o.result(), o.message()));
      out().table(table);
      if (report.added() > 0) {
        out().line("Next: calendar-admin calendars connect");
      }
      out().json(obj("tenant", tenantId.value(), "outcomes", report.outcomes().stream().map(Views::added).toList()));
      return report.count(AddOutcome.Result.INVALID) > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  @Command(
      name = "import",
      description = {
        "Imports room calendars from a CSV file (email,roomID): registers each address and links it to"
            + " its space. Bad rows are reported and do not stop the others.",
        "Get an empty file with: calendar-admin calendars template"
      })
  static final class Import extends AdminCommand {
    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file: a header with email and roomID, one room per line.")
    Path file;

    @Option(names = "--dry-run", description = "Only check the file and report what would happen.")
    boolean dryRun;

    @Option(names = "--update-links", description = "Link calendars that are already registered to the row's roomID.")
    boolean updateLinks;

    @Option(names = "--move-spaces", description = "Move a space linked to another calendar instead of failing the row.")
    boolean moveSpaces;

    @Option(names = "--errors-csv", paramLabel = "FILE", description = "Also write the failed rows as CSV to this file.")
    Path errorsCsv;

    @Override
    public Integer call() {
      if (!Files.isRegularFile(file)) {
        throw AdminException.usage(
            "no such file: " + file,
            "pass the CSV file to import; get an empty one with: calendar-admin calendars template rooms.csv");
      }
      if (errorsCsv != null) {
        OutputFiles.requireWritable(errorsCsv, "--errors-csv");
      }
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.knownTenant(tenantId);
      CalendarCsvImporter importer =
          importer(ctx, CsvImportOptions.builder()
              .existingCalendars(updateLinks ? ExistingCalendarPolicy.UPDATE_LINK : ExistingCalendarPolicy.SKIP)
              .linkedSpaces(moveSpaces ? LinkMode.MOVE : LinkMode.FAIL_IF_LINKED)
              .build());
      out().note("  importing " + file + (dryRun ? " (dry run)" : "") + " ...");
      ImportReport report = dryRun ? importer.dryRun(tenantId, file) : importer.apply(tenantId, file);
      printImportReport(out(), report);
      if (errorsCsv != null && report.hasFailures()) {
        try (Writer writer = Files.newBufferedWriter(errorsCsv, StandardCharsets.UTF_8)) {
          report.writeCsv(writer);
        } catch (IOException e) {
          throw AdminException.failed(
              (dryRun ? "the file was checked" : "the import was applied") + ", but the failed rows could not be"
                  + " written to " + errorsCsv + ": " + e.getMessage(),
              "the report above lists the failed rows; check the folder's permissions and free space");
        }
        out().line("The failed rows are in " + errorsCsv + ".");
      }
      if (!dryRun && report.added() > 0) {
        out().line("Next: calendar-admin calendars connect");
      }
      out().json(Views.importReport(report));
      return report.hasFailures() ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  static CalendarCsvImporter importer(AdminContext ctx, CsvImportOptions options) {
    return CalendarCsvImporter.builder()
        .registry(ctx.service().calendars())
        .spaceMapper(ctx.service().spaces())
        .options(options)
        .build();
  }

  static void printImportReport(Output out, ImportReport report) {
    out.table(
        Table.of("rows", "added", "linked", "unchanged", "failed")
            .row(report.totalRows(), report.added(), report.linked(), report.unchanged(), report.failed()));
    if (!report.errors().isEmpty()) {
      out.line("");
      out.line("  Rows not " + (report.dryRun() ? "importable" : "imported") + ":");
      Table errors = Table.of("line", "email", "roomID", "reason", "what to do");
      for (RowError e : report.errors()) {
        errors.row(e.line(), e.email(), e.roomId(), e.reason(), e.message());
      }
      out.table(errors);
      if (report.omittedErrors() > 0) {
        out.linef("  ... and %d more failed rows (use --errors-csv or --json for all listed ones)", report.omittedErrors());
      }
    }
  }

  @Command(name = "template", description = "Writes the CSV import template (to FILE, or to standard output).")
  static final class Template extends AdminCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write it; default standard output.")
    Path file;

    @Override
    public Integer call() throws IOException {
      if (file == null) {
        spec.commandLine().getOut().print(CsvTemplate.text());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
      }
      OutputFiles.requireWritable(file, "the template");
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        CsvTemplate.write(writer);
      }
      out().note("Wrote the template to " + file + "; fill in one room per line and run: calendar-admin calendars import " + file);
      out().json(obj("file", file.toString()));
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "connect",
      description = "Probes the room mailboxes of calendars not connected yet (or the given ones) and records why each failed one failed.")
  static final class Connect extends AdminCommand {
    @Parameters(arity = "0..*", paramLabel = "EMAIL", description = "Calendars to (re-)check; default all not connected yet.")
    List<String> emails = new ArrayList<>();

    @Option(names = "--all", description = "Re-check every registered calendar, connected ones too.")
    boolean all;

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.authorizedTenant(tenantId);
      List<String> targets = emails;
      if (targets.isEmpty()) {
        CalendarQuery query =
            all ? CalendarQuery.all() : CalendarQuery.withStatus(CalendarStatus.ADDED, CalendarStatus.FAILED);
        targets = ctx.calendars(tenantId, query).stream().map(RoomCalendar::email).toList();
      }
      if (targets.isEmpty()) {
        out().line("Every registered calendar is connected already (--all re-checks them).");
        out().json(Views.connect(new ConnectReport(tenantId, List.of(), Duration.ZERO)));
        return ExitCodes.OK;
      }
      ConnectReport report = connect(ctx, out(), tenantId, targets);
      printConnectReport(out(), report);
      out().json(Views.connect(report));
      return report.failed() > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  /** Connects calendars in chunks, with progress. */
  static ConnectReport connect(AdminContext ctx, Output out, TenantId tenantId, List<String> emails) {
    Instant started = Instant.now();
    List<ConnectOutcome> outcomes = new ArrayList<>();
    try (Progress progress = out.progress("connecting", emails.size())) {
      for (int from = 0; from < emails.size(); from += CONNECT_CHUNK) {
        List<String> chunk = emails.subList(from, Math.min(emails.size(), from + CONNECT_CHUNK));
        outcomes.addAll(ctx.service().calendars().connect(tenantId, chunk).outcomes());
        progress.advance(chunk.size());
      }
    }
    outcomes.sort(Comparator.comparing(ConnectOutcome::email));
    return new ConnectReport(tenantId, outcomes, Duration.between(started, Instant.now()));
  }

  static void printConnectReport(Output out, ConnectReport report) {
    out.linef("Connected %d of %d calendars in %s; %d failed.",
        report.connected(), report.attempted(), Output.seconds(report.elapsed()), report.failed());
    if (report.failed() > 0) {
      out.line("");
      Table table = Table.of("calendar", "reason", "what to do", "service said");
      report.outcomes().stream()
          .filter(o -> o.failureReason().isPresent())
          .forEach(o -> table.row(o.email(), o.failureReason(), o.failureReason().get().action(), o.detail()));
      out.table(table);
    }
  }

  @Command(name = "list", description = "Lists the registered calendars with their status and space.")
  static final class ListCalendars extends AdminCommand {
    @Option(names = "--status", paramLabel = "STATUS", split = ",", description = "Only these statuses: ${COMPLETION-CANDIDATES}.")
    Set<CalendarStatus> statuses = EnumSet.noneOf(CalendarStatus.class);

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.knownTenant(tenantId);
      List<RoomCalendar> calendars =
          ctx.calendars(tenantId, new CalendarQuery(statuses, com.workplace.calendar.PageRequest.first()));
      Map<String, SpaceLink> links =
          ctx.service().spaces().links(tenantId).stream()
              .collect(Collectors.toMap(SpaceLink::calendarEmail, Function.identity()));
      Table table = Table.of("calendar", "name", "status", "space", "problem", "checked", "booking rules");
      for (RoomCalendar c : calendars) {
        Optional<SpaceLink> link = Optional.ofNullable(links.get(c.email()));
        Optional<String> name =
            c.displayName().or(() -> link.flatMap(l -> ctx.spaces().find(tenantId, l.spaceId())).map(s -> s.name()));
        table.row(c.email(), name, c.status(), link.map(l -> l.spaceId().value()),
            c.failureReason(), c.checkedAt().map(out()::time), Views.rules(c));
      }
      out().table(table);
      Map<CalendarStatus, Long> counts =
          calendars.stream().collect(Collectors.groupingBy(RoomCalendar::status, Collectors.counting()));
      out().line("");
      out().linef("%d calendars: %s", calendars.size(),
          counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
              .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
      out().json(obj("tenant", tenantId.value(), "calendars",
          calendars.stream().map(c -> Views.calendar(c, Optional.ofNullable(links.get(c.email())))).toList()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", description = "Removes calendars: unlinks their space and stops their sync.")
  static final class Remove extends AdminCommand {
    @Parameters(arity = "1..*", paramLabel = "EMAIL", description = "Registered calendars.")
    List<String> emails;

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.knownTenant(tenantId);
      Table table = Table.of("calendar", "result");
      List<Map<String, Object>> results = new ArrayList<>();
      boolean allRemoved = true;
      for (String email : emails) {
        boolean removed = ctx.service().calendars().remove(tenantId, email);
        allRemoved &= removed;
        table.row(email, removed ? "removed" : "was not registered");
        results.add(obj("calendar", email, "removed", removed));
      }
      out().table(table);
      out().json(obj("tenant", tenantId.value(), "results", results));
      return allRemoved ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  @Command(name = "export", description = "Writes the calendars as CSV (email,roomID,status,failureReason,failureDetail) to FILE or standard output; the file can be edited and imported again.")
  static final class Export extends AdminCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Where to write it; default standard output.")
    Path file;

    @Option(names = "--semicolon", description = "Separate with ';' (for spreadsheets that expect it).")
    boolean semicolon;

    @Override
    public Integer call() throws IOException {
      if (file != null) {
        OutputFiles.requireWritable(file, "the export");
      }
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.knownTenant(tenantId);
      CalendarCsvExporter exporter =
          CalendarCsvExporter.builder()
              .registry(ctx.service().calendars())
              .spaceMapper(ctx.service().spaces())
              .delimiter(semicolon ? ';' : ',')
              .build();
      long count;
      if (file == null) {
        count = exporter.export(tenantId, spec.commandLine().getOut());
      } else {
        try (OutputStream stream = Files.newOutputStream(file)) {
          count = exporter.export(tenantId, stream);
        }
        out().note("Wrote " + count + " calendars to " + file + ".");
        out().json(obj("file", file.toString(), "calendars", count));
      }
      return ExitCodes.OK;
    }
  }
}
