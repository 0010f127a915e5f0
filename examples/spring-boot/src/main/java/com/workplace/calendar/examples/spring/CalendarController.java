package com.workplace.calendar.examples.spring;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.tenant.TenantId;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The example product's own endpoints around the SDK: the "Connect Microsoft 365" button, the page
 * the consent redirect ends on, the tenants, and importing a tenant's rooms. A real product puts
 * them behind its administrators' login; the starter's consent and notification endpoints stay
 * reachable without it.
 */
@RestController
class CalendarController {
  private final CalendarService calendars;

  CalendarController(CalendarService calendars) {
    this.calendars = calendars;
  }

  /** The "Connect Microsoft 365" button: to Microsoft's admin-consent page. */
  @GetMapping("/connect")
  ResponseEntity<Void> connect(@RequestParam String tenant) {
    URI consent = calendars.tenants().begin(TenantId.parse(tenant)).consentUri();
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(consent).build();
  }

  /** Where the starter's consent endpoint sends the administrator (result-page). */
  @GetMapping(value = "/", produces = MediaType.TEXT_PLAIN_VALUE)
  String home(
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String tenant,
      @RequestParam(required = false) String reason) {
    if (outcome == null) {
      return "Workplace calendar example. Connect a tenant: /connect?tenant=" + EmbeddedMicrosoft365.DOMAIN + "\n";
    }
    return "Consent of " + (tenant == null ? "an unknown tenant" : tenant) + ": " + outcome
        + (reason == null ? "" : " (" + reason + ")") + "\n";
  }

  /** The tenants and where each stands. */
  @GetMapping("/tenants")
  List<Map<String, String>> tenants() {
    return calendars.tenants().list().stream()
        .map(
            t ->
                Map.of(
                    "tenant", t.id().value(),
                    "status", t.status().name(),
                    "reason", t.failureReason().map(Enum::name).orElse("")))
        .toList();
  }

  /** Registers every room of the tenant's directory and connects them. */
  @PostMapping("/tenants/{tenant}/rooms")
  Map<String, Object> importRooms(@PathVariable String tenant) {
    TenantId id = TenantId.parse(tenant);
    calendars.calendars().addDiscovered(id, calendars.calendars().discoverRooms(id));
    ConnectReport report = calendars.calendars().connect(id);
    return Map.of(
        "connected", report.connected(),
        "failed",
            report.outcomes().stream()
                .filter(o -> o.failureReason().isPresent())
                .map(ConnectOutcome::email)
                .toList());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<String> badInput(IllegalArgumentException e) {
    return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage() + "\n");
  }
}
