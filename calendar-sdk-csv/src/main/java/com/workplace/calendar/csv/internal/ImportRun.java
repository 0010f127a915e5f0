package com.workplace.calendar.csv.internal;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.ExistingCalendarPolicy;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.csv.RowError;
import com.workplace.calendar.csv.RowError.Reason;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.registry.EmailAddresses;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.tenant.TenantId;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One import of one file: validates each row and, unless it is a dry run, applies it. Keeps only
 * what duplicate detection needs (the addresses and room IDs seen, bounded by the row limit) and
 * the report.
 */
final class ImportRun {
  private record Claim(long line, String email) {}

  private final CalendarRegistry registry;
  private final SpaceMapper mapper;
  private final CsvImportOptions options;
  private final TenantId tenantId;
  private final boolean dryRun;
  private final Map<String, Long> emailLines = new HashMap<>();
  private final Map<String, Claim> spaceClaims = new HashMap<>();
  private final LinkView links;
  private final ReportBuilder report;

  ImportRun(
      CalendarRegistry registry,
      SpaceMapper mapper,
      CsvImportOptions options,
      TenantId tenantId,
      boolean dryRun) {
    this.registry = registry;
    this.mapper = mapper;
    this.options = options;
    this.tenantId = tenantId;
    this.dryRun = dryRun;
    this.links = new LinkView(mapper, tenantId, dryRun);
    this.report = new ReportBuilder(tenantId, dryRun, options.maxReportedErrors());
  }

  /**
   * Reads a whole file only to find problems with the file as a whole; looks nothing up.
   *
   * @param in the file's bytes
   * @param options the limits
   * @throws FileProblem if the file is unreadable or exceeds a limit
   */
  static void checkFile(InputStream in, CsvImportOptions options) {
    try (CsvRows rows = CsvRows.open(in, options)) {
      while (rows.next() != null) {
        // reading is the check
      }
    }
  }

  /**
   * Imports a file.
   *
   * @param in the file's bytes
   * @return the report
   * @throws com.workplace.calendar.csv.CsvException for a problem with the file as a whole
   */
  ImportReport run(InputStream in) {
    CsvRows rows = null;
    try {
      rows = CsvRows.open(in, options);
      for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
        process(row);
      }
      return report.build();
    } catch (FileProblem problem) {
      throw problem.toException(report.rows() > 0 ? report.build() : null);
    } finally {
      if (rows != null) {
        rows.close();
      }
    }
  }

  private void process(CsvRows.Row row) {
    String emailText = SpreadsheetCells.clean(row.email());
    String roomText = SpreadsheetCells.clean(row.roomId());
    if (emailText.isEmpty()) {
      fail(
          row,
          Reason.EMAIL_MISSING,
          "the e-mail address is empty; every row needs the address" + " of a room mailbox");
      return;
    }
    String email;
    try {
      email = EmailAddresses.normalize(emailText);
    } catch (IllegalArgumentException e) {
      fail(row, Reason.EMAIL_INVALID, e.getMessage());
      return;
    }
    Long firstLine = emailLines.putIfAbsent(email, row.line());
    if (firstLine != null) {
      fail(
          row,
          Reason.DUPLICATE_EMAIL,
          email
              + " already appears on line "
              + firstLine
              + "; each room mailbox may appear only once, so this row was left out");
      return;
    }
    SpaceId space = null;
    if (!roomText.isEmpty()) {
      try {
        space = SpaceId.of(roomText);
      } catch (IllegalArgumentException e) {
        fail(row, Reason.ROOM_ID_INVALID, "the roomID is invalid: " + e.getMessage());
        return;
      }
      if (mapper.space(tenantId, space).isEmpty()) {
        fail(row, Reason.SPACE_NOT_FOUND, notFound(space));
        return;
      }
      Claim claim = spaceClaims.putIfAbsent(space.value(), new Claim(row.line(), email));
      if (claim != null) {
        fail(
            row,
            Reason.DUPLICATE_ROOM_ID,
            "roomID '"
                + space
                + "' is already used on line "
                + claim.line()
                + " for "
                + claim.email()
                + "; a space can be linked to one calendar only");
        return;
      }
    }
    boolean registered = registry.get(tenantId, email).isPresent();
    if (registered) {
      if (space == null || options.existingCalendars() == ExistingCalendarPolicy.SKIP) {
        report.unchanged();
        return;
      }
      if (links.spaceOf(email).filter(space.value()::equals).isPresent()) {
        report.unchanged();
        return;
      }
    }
    if (space != null && options.linkedSpaces() == LinkMode.FAIL_IF_LINKED) {
      Optional<String> holder = links.calendarOf(space).filter(other -> !other.equals(email));
      if (holder.isPresent()) {
        fail(row, Reason.SPACE_LINKED_ELSEWHERE, linkedElsewhere(space, holder.get()));
        return;
      }
    }
    if (dryRun) {
      if (space != null) {
        links.linked(email, space);
      }
      report.applied(!registered, space != null);
      return;
    }
    apply(row, email, space, registered);
  }

  /** Registers and links one row: all of it, or nothing of it. */
  private void apply(CsvRows.Row row, String email, SpaceId space, boolean registered) {
    boolean added = false;
    if (!registered) {
      try {
        registry.add(tenantId, email);
        added = true;
      } catch (DuplicateRecordException e) {
        fail(
            row,
            Reason.CONCURRENT_CHANGE,
            email
                + " was registered by someone else during the"
                + " import; nothing was changed for this row, import the file again");
        return;
      }
    }
    if (space != null) {
      try {
        mapper.link(tenantId, email, space, options.linkedSpaces());
      } catch (ConflictException | ResourceNotFoundException e) {
        rollBack(email, added, e);
        linkFailed(row, email, space, added);
        return;
      } catch (RuntimeException e) {
        rollBack(email, added, e);
        throw e;
      }
    }
    report.applied(added, space != null);
  }

  private void rollBack(String email, boolean added, RuntimeException cause) {
    if (!added) {
      return;
    }
    try {
      registry.remove(tenantId, email);
    } catch (RuntimeException e) {
      e.addSuppressed(cause);
      throw e;
    }
  }

  private void linkFailed(CsvRows.Row row, String email, SpaceId space, boolean added) {
    String notRegistered = added ? "; the calendar was not registered either" : "";
    if (mapper.space(tenantId, space).isEmpty()) {
      fail(row, Reason.SPACE_NOT_FOUND, notFound(space) + notRegistered);
      return;
    }
    Optional<String> holder =
        mapper
            .findBySpace(tenantId, space)
            .map(SpaceLink::calendarEmail)
            .filter(o -> !o.equals(email));
    if (holder.isPresent()) {
      fail(
          row, Reason.SPACE_LINKED_ELSEWHERE, linkedElsewhere(space, holder.get()) + notRegistered);
      return;
    }
    fail(
        row,
        Reason.CONCURRENT_CHANGE,
        email
            + " or space '"
            + space
            + "' changed during the"
            + " import; nothing was changed for this row, import the file again");
  }

  private static String notFound(SpaceId space) {
    return "roomID '"
        + space
        + "' is not a space of the product; check the space number, or leave"
        + " roomID empty to register the calendar without a space";
  }

  private static String linkedElsewhere(SpaceId space, String holder) {
    return "space '"
        + space
        + "' is already linked to calendar "
        + holder
        + "; unlink it there first, or import with the option to move linked spaces";
  }

  private void fail(CsvRows.Row row, Reason reason, String message) {
    report.failed(new RowError(row.line(), row.email(), row.roomId(), reason, message));
  }
}
