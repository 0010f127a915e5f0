package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.csv.CalendarProcessingImporter;
import com.workplace.calendar.csv.RulesImportReport;
import com.workplace.calendar.csv.RulesImportRow;
import com.workplace.calendar.tenant.TenantId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calendars import-rules}: the rooms' own booking rules from a Get-CalendarProcessing export. */
@Command(
    name = "import-rules",
    description = {
      "Sets the rooms' own booking rules (BookingWindowInDays, MaximumDurationInMinutes,"
          + " AllowConflicts, AllowRecurringMeetings) from the CSV an Exchange administrator exports"
          + " with: Get-CalendarProcessing -Identity <room> | Select Identity, BookingWindowInDays,"
          + " MaximumDurationInMinutes, AllowConflicts, AllowRecurringMeetings | Export-Csv FILE",
      "Rows for mailboxes that are not registered are reported and do not stop the others."
    })
final class RulesImportCommand extends AdminCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The Export-Csv file.")
  Path file;

  @Option(names = "--dry-run", description = "Only read the file and report what would change.")
  boolean dryRun;

  @Override
  public Integer call() {
    AdminContext ctx = ctx();
    TenantId tenantId = ctx.tenant(Optional.empty());
    ctx.knownTenant(tenantId);
    if (!Files.isRegularFile(file)) {
      throw AdminException.usage("no such file: " + file, "pass the file Export-Csv wrote");
    }
    CalendarProcessingImporter importer =
        CalendarProcessingImporter.builder().registry(ctx.service().calendars()).build();
    RulesImportReport report;
    if (dryRun) {
      try (var in = Files.newInputStream(file)) {
        report = importer.dryRun(tenantId, in);
      } catch (java.io.IOException e) {
        throw AdminException.usage("cannot read " + file + ": " + e.getMessage(), null);
      }
    } else {
      report = importer.apply(tenantId, file);
    }
    print(out(), report);
    out().json(obj("tenant", tenantId.value(), "dryRun", report.dryRun(), "rows",
        report.rows().stream().map(r -> obj(
            "line", r.line(), "identity", r.identity(), "calendar", r.calendarEmail(),
            "result", r.result(), "rules", r.rules().describe(), "message", r.message())).toList()));
    return report.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  static void print(Output out, RulesImportReport report) {
    Table table = Table.of("line", "identity", "calendar", "result", "rules", "note");
    for (RulesImportRow row : report.rows()) {
      table.row(row.line(), row.identity(), row.calendarEmail(), row.result(),
          row.succeeded() ? row.rules().describe() : "", row.message());
    }
    out.table(table);
    out.linef("%d %s: %d %s, %d unchanged, %d not applied", report.rows().size(),
        report.rows().size() == 1 ? "row" : "rows",
        report.count(RulesImportRow.Result.APPLIED), report.dryRun() ? "would be applied" : "applied",
        report.count(RulesImportRow.Result.UNCHANGED), report.problems().size());
  }
}
