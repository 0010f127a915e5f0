package com.workplace.calendar.examples.web;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.csv.CalendarCsvExporter;
import com.workplace.calendar.csv.CalendarCsvImporter;
import com.workplace.calendar.csv.CsvException;
import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.CsvTemplate;
import com.workplace.calendar.csv.ExistingCalendarPolicy;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.tenant.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The CSV side of Manage Calendars: the template, the demo organisation's file (with the embedded
 * fake), the export, and the upload ({@code email,roomID}) with a dry-run option and the row-level
 * report on a page of its own (line, cells, reason, what to do), its failed rows downloadable as
 * CSV. Uploads above {@value #UPLOAD_LIMIT_TEXT} are refused next to the field; the importer reads
 * a saved copy, so a file-level problem changes nothing.
 */
@Controller
final class CsvController {
  static final long UPLOAD_LIMIT = 5L * 1024 * 1024;
  static final String UPLOAD_LIMIT_TEXT = "5 MB";
  static final int ERRORS_SHOWN = 500;

  private final CalendarService calendars;
  private final TenantLookup lookup;
  private final ImportReports reports;
  private final CalendarsController calendarsPage;
  private final boolean embeddedFake;

  CsvController(
      CalendarService calendars,
      TenantLookup lookup,
      ImportReports reports,
      CalendarsController calendarsPage,
      ObjectProvider<DemoOrganisation> demo) {
    this.calendars = calendars;
    this.lookup = lookup;
    this.reports = reports;
    this.calendarsPage = calendarsPage;
    this.embeddedFake = demo.getIfAvailable() != null;
  }

  @GetMapping("/tenants/{tenant}/calendars/template")
  void template(@PathVariable String tenant, HttpServletResponse response) throws IOException {
    lookup.require(tenant);
    csv(response, CsvTemplate.FILE_NAME);
    CsvTemplate.write(response.getOutputStream());
  }

  @GetMapping("/tenants/{tenant}/calendars/demo-rooms.csv")
  void demoFile(@PathVariable String tenant, HttpServletResponse response) throws IOException {
    lookup.require(tenant);
    if (!embeddedFake) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    csv(response, "demo-rooms.csv");
    try (InputStream in = DemoOrganisation.class.getResourceAsStream(DemoOrganisation.ROOMS_CSV_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the demo CSV is missing from the class path");
      }
      in.transferTo(response.getOutputStream());
    }
  }

  @GetMapping("/tenants/{tenant}/calendars/export")
  void export(@PathVariable String tenant, HttpServletResponse response) throws IOException {
    Tenant known = lookup.require(tenant);
    csv(response, "calendars.csv");
    CalendarCsvExporter.builder()
        .registry(calendars.calendars())
        .spaceMapper(calendars.spaces())
        .build()
        .export(known.id(), response.getOutputStream());
  }

  @PostMapping("/tenants/{tenant}/calendars/import")
  String upload(
      @PathVariable String tenant,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(defaultValue = "false") boolean updateLinks,
      Model model,
      HttpServletResponse response) throws IOException {
    Tenant known = lookup.require(tenant);
    FieldErrors errors = new FieldErrors();
    if (file == null || file.isEmpty()) {
      errors.reject("file", "Choose a CSV file with the columns email,roomID (download the template).");
    } else if (file.getSize() > UPLOAD_LIMIT) {
      errors.reject("file", "The file is larger than " + UPLOAD_LIMIT_TEXT + "; split it into smaller files.");
    }
    if (errors.isEmpty()) {
      Path saved = Files.createTempFile("web-admin-import-", ".csv");
      try {
        file.transferTo(saved);
        CalendarCsvImporter importer =
            CalendarCsvImporter.builder()
                .registry(calendars.calendars())
                .spaceMapper(calendars.spaces())
                .options(
                    CsvImportOptions.builder()
                        .maxFileBytes(UPLOAD_LIMIT)
                        .existingCalendars(updateLinks ? ExistingCalendarPolicy.UPDATE_LINK : ExistingCalendarPolicy.SKIP)
                        .build())
                .build();
        long started = System.nanoTime();
        ImportReport report = dryRun ? importer.dryRun(known.id(), saved) : importer.apply(known.id(), saved);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        ImportReports.StoredReport stored = reports.keep(displayName(file), report, elapsed);
        return "redirect:/tenants/{tenant}/imports/" + stored.id();
      } catch (CsvException e) {
        errors.reject("file", e.getMessage() + (dryRun ? "" : " Nothing was imported."));
      } finally {
        Files.deleteIfExists(saved);
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    model.addAttribute("dryRun", dryRun);
    return calendarsPage.page(known, "", null, 1, "", errors, model);
  }

  private static String displayName(MultipartFile file) {
    String name = file.getOriginalFilename();
    if (name == null || name.isBlank()) {
      return "upload.csv";
    }
    String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    return base.length() > 120 ? base.substring(0, 120) : base;
  }

  @GetMapping("/tenants/{tenant}/imports/{id}")
  String report(@PathVariable String tenant, @PathVariable String id, Model model) {
    Tenant known = lookup.require(tenant);
    ImportReports.StoredReport stored = reports.find(known.id(), id).orElseThrow(UnknownReportException::new);
    model.addAttribute("tenant", known);
    model.addAttribute("stored", stored);
    model.addAttribute("report", stored.report());
    model.addAttribute("errorsShown", stored.report().errors().subList(0, Math.min(ERRORS_SHOWN, stored.report().errors().size())));
    model.addAttribute("elapsedMillis", stored.elapsed().toMillis());
    return "import-report";
  }

  @GetMapping("/tenants/{tenant}/imports/{id}/errors.csv")
  void reportErrors(@PathVariable String tenant, @PathVariable String id, HttpServletResponse response) throws IOException {
    Tenant known = lookup.require(tenant);
    ImportReports.StoredReport stored = reports.find(known.id(), id).orElseThrow(UnknownReportException::new);
    csv(response, "import-errors.csv");
    OutputStream out = response.getOutputStream();
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    stored.report().writeCsv(writer);
    writer.flush();
  }

  private static void csv(HttpServletResponse response, String fileName) {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        HttpHeaders.CONTENT_DISPOSITION,
        ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
  }

  /** The report a request names is not kept (any more). */
  static final class UnknownReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownReportException() {
      super("this import report is not kept any more");
    }
  }

}
