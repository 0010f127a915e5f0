package com.workplace.calendar.csv.internal;

import com.workplace.calendar.PageRequest;
import com.workplace.calendar.csv.CalendarCsvImporter;
import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.CsvIoException;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.tenant.TenantId;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** The {@link CalendarCsvImporter}: immutable; each call has its own {@link ImportRun}. */
public final class DefaultCalendarCsvImporter implements CalendarCsvImporter {
  private final CalendarRegistry registry;
  private final SpaceMapper mapper;
  private final CsvImportOptions options;

  /**
   * Creates the importer.
   *
   * @param registry where calendars are registered
   * @param mapper where spaces are checked and linked
   * @param options limits and policies
   */
  public DefaultCalendarCsvImporter(
      CalendarRegistry registry, SpaceMapper mapper, CsvImportOptions options) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public ImportReport dryRun(TenantId tenantId, InputStream csv) {
    return newRun(tenantId, true).run(Objects.requireNonNull(csv, "csv"));
  }

  @Override
  public ImportReport dryRun(TenantId tenantId, Path csv) {
    ImportRun run = newRun(tenantId, true);
    checkSize(csv);
    try (InputStream in = open(csv)) {
      return run.run(in);
    } catch (IOException e) {
      throw readFailed(csv, e);
    }
  }

  @Override
  public ImportReport apply(TenantId tenantId, InputStream csv) {
    return newRun(tenantId, false).run(Objects.requireNonNull(csv, "csv"));
  }

  @Override
  public ImportReport apply(TenantId tenantId, Path csv) {
    ImportRun run = newRun(tenantId, false);
    checkSize(csv);
    try (InputStream in = open(csv)) {
      ImportRun.checkFile(in, options);
    } catch (FileProblem problem) {
      throw problem.toException(null);
    } catch (IOException e) {
      throw readFailed(csv, e);
    }
    try (InputStream in = open(csv)) {
      return run.run(in);
    } catch (IOException e) {
      throw readFailed(csv, e);
    }
  }

  @Override
  public CsvImportOptions options() {
    return options;
  }

  private ImportRun newRun(TenantId tenantId, boolean dryRun) {
    Objects.requireNonNull(tenantId, "tenantId");
    // An unknown tenant fails here, before the file is read, for dry runs as for imports.
    registry.list(tenantId, CalendarQuery.all().page(PageRequest.first(1)));
    return new ImportRun(registry, mapper, options, tenantId, dryRun);
  }

  private void checkSize(Path csv) {
    Objects.requireNonNull(csv, "csv");
    long size;
    try {
      size = Files.size(csv);
    } catch (IOException e) {
      throw readFailed(csv, e);
    }
    if (size > options.maxFileBytes()) {
      throw LimitedInputStream.tooLarge(options.maxFileBytes()).toException(null);
    }
  }

  static InputStream open(Path csv) throws IOException {
    return new BufferedInputStream(Files.newInputStream(csv), 64 * 1024);
  }

  static CsvIoException readFailed(Path csv, IOException e) {
    return new CsvIoException("could not read " + csv.getFileName() + ": " + e, null, e);
  }
}
