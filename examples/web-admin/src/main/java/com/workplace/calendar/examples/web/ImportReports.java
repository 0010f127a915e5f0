package com.workplace.calendar.examples.web;

import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The reports of recent CSV uploads, so that the report page can be reloaded and its failed rows
 * downloaded as CSV; the latest {@value #KEPT} are kept in memory.
 */
@Component
public final class ImportReports {
  static final int KEPT = 20;

  /**
   * A stored report.
   *
   * @param id the report's random id
   * @param fileName the uploaded file's name as the browser sent it (shown as text only)
   * @param report what the import did
   * @param elapsed how long the import took on the server
   */
  public record StoredReport(String id, String fileName, ImportReport report, Duration elapsed) {}

  private final Map<String, StoredReport> reports =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StoredReport> eldest) {
          return size() > KEPT;
        }
      };

  synchronized StoredReport keep(String fileName, ImportReport report, Duration elapsed) {
    StoredReport stored = new StoredReport(UUID.randomUUID().toString(), fileName, report, elapsed);
    reports.put(stored.id(), stored);
    return stored;
  }

  synchronized Optional<StoredReport> find(TenantId tenantId, String id) {
    return Optional.ofNullable(reports.get(id)).filter(r -> r.report().tenantId().equals(tenantId));
  }
}
