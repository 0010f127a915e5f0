package com.workplace.calendar.csv.internal;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.csv.CalendarCsvExporter;
import com.workplace.calendar.csv.CsvIoException;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.tenant.TenantId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The {@link CalendarCsvExporter}: pages through the registry and writes row by row. */
public final class DefaultCalendarCsvExporter implements CalendarCsvExporter {
  private final CalendarRegistry registry;
  private final SpaceMapper mapper;
  private final CSVFormat format;
  private final int pageSize;

  /**
   * Creates the exporter.
   *
   * @param registry where the calendars are listed
   * @param mapper where their spaces are looked up
   * @param delimiter the delimiter
   * @param pageSize how many calendars to read at a time
   */
  public DefaultCalendarCsvExporter(
      CalendarRegistry registry, SpaceMapper mapper, char delimiter, int pageSize) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    this.format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get();
    this.pageSize = pageSize;
  }

  @Override
  public long export(TenantId tenantId, Writer out) {
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(out, "out");
    try {
      CSVPrinter printer = new CSVPrinter(out, format);
      printer.printRecord(HEADER);
      long written = 0;
      CalendarQuery query = CalendarQuery.all().page(PageRequest.first(pageSize));
      while (true) {
        Page<RoomCalendar> page = registry.list(tenantId, query);
        for (RoomCalendar calendar : page.items()) {
          String roomId =
              mapper
                  .findByCalendar(tenantId, calendar.email())
                  .map(link -> link.spaceId().value())
                  .orElse("");
          printer.printRecord(
              SpreadsheetCells.neutralize(calendar.email()),
              SpreadsheetCells.neutralize(roomId),
              calendar.status().name(),
              calendar.failureReason().map(Enum::name).orElse(""),
              SpreadsheetCells.neutralize(calendar.failureDetail().orElse("")));
          written++;
        }
        if (!page.hasNext()) {
          break;
        }
        query = query.page(query.page().next(page));
      }
      printer.flush();
      return written;
    } catch (IOException e) {
      throw failed(e);
    } catch (UncheckedIOException e) {
      throw failed(e.getCause());
    }
  }

  @Override
  public long export(TenantId tenantId, OutputStream out) {
    Objects.requireNonNull(out, "out");
    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    try {
      writer.write('\uFEFF');
    } catch (IOException e) {
      throw failed(e);
    }
    return export(tenantId, writer);
  }

  private static CsvIoException failed(IOException e) {
    return new CsvIoException("could not write the calendar export: " + e.getMessage(), null, e);
  }
}
