package com.workplace.calendar.csv.internal;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.csv.CalendarProcessingImporter;
import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.RulesImportReport;
import com.workplace.calendar.csv.RulesImportRow;
import com.workplace.calendar.csv.RulesImportRow.Result;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The {@link CalendarProcessingImporter}: reads the whole file, matches rows, then applies. */
public final class DefaultCalendarProcessingImporter implements CalendarProcessingImporter {
  private final CalendarRegistry registry;
  private final CsvImportOptions options;

  /**
   * Creates the importer.
   *
   * @param registry the registry
   * @param options the file limits
   */
  public DefaultCalendarProcessingImporter(CalendarRegistry registry, CsvImportOptions options) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public RulesImportReport dryRun(TenantId tenantId, InputStream csv) {
    return run(tenantId, Objects.requireNonNull(csv, "csv"), true);
  }

  @Override
  public RulesImportReport apply(TenantId tenantId, InputStream csv) {
    return run(tenantId, Objects.requireNonNull(csv, "csv"), false);
  }

  @Override
  public RulesImportReport apply(TenantId tenantId, Path csv) {
    Objects.requireNonNull(csv, "csv");
    try {
      if (Files.size(csv) > options.maxFileBytes()) {
        throw LimitedInputStream.tooLarge(options.maxFileBytes()).toException(null);
      }
    } catch (IOException e) {
      throw DefaultCalendarCsvImporter.readFailed(csv, e);
    }
    try (InputStream in = DefaultCalendarCsvImporter.open(csv)) {
      return run(tenantId, in, false);
    } catch (IOException e) {
      throw DefaultCalendarCsvImporter.readFailed(csv, e);
    }
  }

  private RulesImportReport run(TenantId tenantId, InputStream in, boolean dryRun) {
    Objects.requireNonNull(tenantId, "tenantId");
    Directory directory = Directory.of(registry, tenantId);
    List<CsvRows.Values> rows = new ArrayList<>();
    boolean[] present = new boolean[ProcessingColumns.NAMES.size()];
    try (CsvRows reader = CsvRows.open(in, options, ProcessingColumns.INSTANCE)) {
      for (CsvRows.Values row = reader.nextValues(); row != null; row = reader.nextValues()) {
        rows.add(row);
      }
      int[] columns = reader.columns();
      for (int i = 0; i < columns.length; i++) {
        present[i] = columns[i] >= 0;
      }
    } catch (FileProblem problem) {
      throw problem.toException(null);
    }
    List<RulesImportRow> report = new ArrayList<>(rows.size());
    Map<String, Long> seen = new HashMap<>();
    for (CsvRows.Values row : rows) {
      report.add(process(tenantId, directory, row, present, seen, dryRun));
    }
    return new RulesImportReport(tenantId, dryRun, report);
  }

  private RulesImportRow process(
      TenantId tenantId,
      Directory directory,
      CsvRows.Values row,
      boolean[] present,
      Map<String, Long> seen,
      boolean dryRun) {
    String identity = SpreadsheetCells.clean(row.values().get(ProcessingColumns.IDENTITY));
    if (identity.isEmpty()) {
      return failed(row, identity, Optional.empty(), Result.UNKNOWN_MAILBOX, "the Identity is empty");
    }
    Directory.Match match = directory.find(identity);
    if (match.calendars().isEmpty()) {
      return failed(
          row,
          identity,
          Optional.empty(),
          Result.UNKNOWN_MAILBOX,
          "no registered room calendar of tenant "
              + tenantId
              + " has the address, name or alias '"
              + identity
              + "'; register the room first, or export with -Identity <address>");
    }
    if (match.calendars().size() > 1) {
      return failed(
          row,
          identity,
          Optional.empty(),
          Result.AMBIGUOUS,
          "'"
              + identity
              + "' is the "
              + match.how()
              + " of "
              + match.calendars().size()
              + " registered calendars ("
              + String.join(", ", match.calendars().stream().map(RoomCalendar::email).toList())
              + "); export with -Identity <address> to tell them apart");
    }
    RoomCalendar calendar = match.calendars().get(0);
    Long first = seen.putIfAbsent(calendar.email(), row.line());
    if (first != null) {
      return failed(
          row,
          identity,
          Optional.of(calendar.email()),
          Result.DUPLICATE,
          calendar.email() + " was already set by line " + first + "; this row was left out");
    }
    RoomBookingRules rules;
    try {
      rules = rules(calendar.bookingRules(), row, present);
    } catch (IllegalArgumentException e) {
      return failed(row, identity, Optional.of(calendar.email()), Result.INVALID_VALUE, e.getMessage());
    }
    String how = "matched by " + match.how();
    if (rules.equals(calendar.bookingRules())) {
      return new RulesImportRow(
          row.line(), identity, Optional.of(calendar.email()), Result.UNCHANGED, rules, Optional.of(how));
    }
    if (!dryRun) {
      registry.setBookingRules(tenantId, calendar.email(), rules);
    }
    return new RulesImportRow(
        row.line(), identity, Optional.of(calendar.email()), Result.APPLIED, rules, Optional.of(how));
  }

  private static RoomBookingRules rules(
      RoomBookingRules current, CsvRows.Values row, boolean[] present) {
    Optional<Integer> window =
        present[ProcessingColumns.WINDOW]
            ? number(row, ProcessingColumns.WINDOW)
            : current.bookingWindowInDays();
    Optional<Integer> duration =
        present[ProcessingColumns.DURATION]
            ? number(row, ProcessingColumns.DURATION)
            : current.maximumDurationInMinutes();
    Optional<Boolean> conflicts =
        present[ProcessingColumns.CONFLICTS]
            ? bool(row, ProcessingColumns.CONFLICTS)
            : current.allowConflicts();
    Optional<Boolean> recurring =
        present[ProcessingColumns.RECURRING]
            ? bool(row, ProcessingColumns.RECURRING)
            : current.allowRecurringMeetings();
    return new RoomBookingRules(window, duration, conflicts, recurring);
  }

  private static Optional<Integer> number(CsvRows.Values row, int column) {
    String text = SpreadsheetCells.clean(row.values().get(column));
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          ProcessingColumns.NAMES.get(column) + " must be a whole number, not '" + text + "'");
    }
  }

  private static Optional<Boolean> bool(CsvRows.Values row, int column) {
    String text = SpreadsheetCells.clean(row.values().get(column)).toLowerCase(Locale.ROOT);
    return switch (text) {
      case "" -> Optional.empty();
      case "true", "$true" -> Optional.of(true);
      case "false", "$false" -> Optional.of(false);
      default ->
          throw new IllegalArgumentException(
              ProcessingColumns.NAMES.get(column) + " must be True or False, not '" + text + "'");
    };
  }

  private static RulesImportRow failed(
      CsvRows.Values row, String identity, Optional<String> email, Result result, String message) {
    return new RulesImportRow(
        row.line(), identity, email, result, RoomBookingRules.none(), Optional.of(message));
  }

  /** The tenant's registered calendars, by address, identity path, display name and alias. */
  private record Directory(
      Map<String, RoomCalendar> byEmail,
      Map<String, List<RoomCalendar>> byName,
      Map<String, List<RoomCalendar>> byAlias) {

    record Match(List<RoomCalendar> calendars, String how) {}

    static Directory of(CalendarRegistry registry, TenantId tenantId) {
      Map<String, RoomCalendar> byEmail = new HashMap<>();
      Map<String, List<RoomCalendar>> byName = new HashMap<>();
      Map<String, List<RoomCalendar>> byAlias = new HashMap<>();
      PageRequest request = PageRequest.first(500);
      CalendarQuery query = CalendarQuery.all().page(request);
      while (true) {
        Page<RoomCalendar> page = registry.list(tenantId, query);
        for (RoomCalendar c : page.items()) {
          byEmail.put(c.email(), c);
          c.displayName()
              .ifPresent(n -> byName.computeIfAbsent(fold(n), k -> new ArrayList<>()).add(c));
          String alias = c.email().substring(0, c.email().indexOf('@'));
          byAlias.computeIfAbsent(alias, k -> new ArrayList<>()).add(c);
        }
        if (page.nextCursor().isEmpty()) {
          return new Directory(byEmail, byName, byAlias);
        }
        request = request.next(page);
        query = query.page(request);
      }
    }

    Match find(String identity) {
      if (EmailAddresses.isValid(identity)) {
        RoomCalendar c = byEmail.get(EmailAddresses.normalize(identity));
        return new Match(c == null ? List.of() : List.of(c), "address");
      }
      String name = identity;
      int slash = Math.max(identity.lastIndexOf('/'), identity.lastIndexOf('\\'));
      if (slash >= 0 && slash < identity.length() - 1) {
        name = identity.substring(slash + 1);
      }
      List<RoomCalendar> named = byName.getOrDefault(fold(name), List.of());
      if (!named.isEmpty()) {
        return new Match(named, "display name");
      }
      return new Match(byAlias.getOrDefault(fold(name), List.of()), "alias");
    }

    private static String fold(String text) {
      return SpreadsheetCells.trim(text).toLowerCase(Locale.ROOT);
    }
  }
}
