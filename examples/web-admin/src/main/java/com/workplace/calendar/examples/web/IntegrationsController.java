package com.workplace.calendar.examples.web;

import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.tenant.VerificationResult;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Admin → Calendar Integrations: the tenants with their status badges, Add Calendar Account (to
 * Microsoft's consent page and back), Re-authenticate, Verify again, Remove, and the page the
 * consent redirect ends on.
 */
@Controller
final class IntegrationsController {
  private final CalendarService calendars;
  private final TenantLookup lookup;
  private final OutlookChanges changes;
  private final ProductBookings bookings;

  IntegrationsController(
      CalendarService calendars, TenantLookup lookup, OutlookChanges changes, ProductBookings bookings) {
    this.calendars = calendars;
    this.lookup = lookup;
    this.changes = changes;
    this.bookings = bookings;
  }

  @GetMapping("/")
  String home() {
    return "redirect:/integrations";
  }

  @GetMapping("/integrations")
  String integrations(Model model) {
    return page(model, "", new FieldErrors());
  }

  private String page(Model model, String tenantInput, FieldErrors errors) {
    model.addAttribute("tenants", calendars.tenants().list());
    model.addAttribute("tenantInput", tenantInput);
    model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
    return "integrations";
  }

  /** Add Calendar Account: records the tenant as pending and sends the browser to consent. */
  @PostMapping("/integrations")
  Object add(@RequestParam(name = "tenant", defaultValue = "") String tenant, Model model, HttpServletResponse response) {
    TenantId id;
    try {
      id = TenantId.parse(tenant);
    } catch (IllegalArgumentException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, tenant, new FieldErrors().reject("tenant", "Enter the tenant ID (a GUID) or a verified domain of the customer, such as contoso.onmicrosoft.com: " + e.getMessage()));
    }
    Optional<Tenant> known = calendars.tenants().get(id);
    if (known.isPresent() && known.get().status() == TenantStatus.VERIFIED) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, tenant, new FieldErrors().reject("tenant", "This account is already verified; use Re-authenticate in its row to consent again."));
    }
    try {
      return toConsent(id);
    } catch (CalendarSdkException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(model, tenant, new FieldErrors().reject("tenant", "Microsoft 365 did not accept this tenant: " + e.getMessage()));
    }
  }

  /** Re-authenticate: a new consent for a known tenant. */
  @PostMapping("/integrations/{tenant}/reauthenticate")
  RedirectView reauthenticate(@PathVariable String tenant) {
    return toConsent(lookup.require(tenant).id());
  }

  private RedirectView toConsent(TenantId id) {
    URI consent = calendars.tenants().begin(id).consentUri();
    RedirectView redirect = new RedirectView(consent.toString());
    redirect.setStatusCode(org.springframework.http.HttpStatus.SEE_OTHER);
    redirect.setExposeModelAttributes(false);
    return redirect;
  }

  /** Verify again: proves access with a token and a room mailbox. */
  @PostMapping("/integrations/{tenant}/verify")
  String verify(@PathVariable String tenant, RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    try {
      // probe a room calendar known to answer, when there is one: the first registered calendar
      // (what verify(tenant) falls back to) may be one that never connected
      Optional<String> probe =
          calendars.calendars()
              .list(known.id(), new CalendarQuery(EnumSet.of(CalendarStatus.CONNECTED), PageRequest.first(1)))
              .items()
              .stream()
              .map(RoomCalendar::email)
              .findFirst();
      VerificationResult result =
          probe.isPresent()
              ? calendars.tenants().verify(known.id(), probe.get())
              : calendars.tenants().verify(known.id());
      if (result.verified()) {
        Flash.ok(redirect, known.id().value() + ": " + VerificationResult.ACCOUNT_VERIFIED);
      } else {
        Flash.error(redirect, known.id().value() + ": " + result.message());
      }
    } catch (CalendarSdkException e) {
      Flash.error(redirect, known.id().value() + " could not be verified: " + e.getMessage() + " Nothing was changed.");
    }
    return "redirect:/integrations";
  }

  /** Remove: forgets the tenant with its calendars, links and the product's bookings of it. */
  @PostMapping("/integrations/{tenant}/remove")
  String remove(@PathVariable String tenant, RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    calendars.tenants().remove(known.id(), true);
    changes.forget(known.id());
    bookings.forget(known.id());
    Flash.ok(redirect, "Removed the calendar account " + known.id().value() + " with its calendars.");
    return "redirect:/integrations";
  }

  /**
   * Where the starter's consent endpoint sends the browser. Only a refused callback ({@code
   * REJECTED}) is read from the query: the outcome shown otherwise is the tenant's status as the
   * store has it, so a hand-made URL of this page cannot claim a verification.
   */
  @GetMapping("/integrations/consent")
  String consentResult(
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String tenant,
      @RequestParam(required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if ("REJECTED".equals(outcome) || tenant == null) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("malformed", "INVALID_CALLBACK".equals(reason));
      return "consent-rejected";
    }
    Tenant known = lookup.require(tenant);
    switch (known.status()) {
      case VERIFIED -> Flash.ok(redirect, known.id().value() + ": " + VerificationResult.ACCOUNT_VERIFIED);
      case CONSENTED -> Flash.info(redirect, known.id().value() + ": consent recorded; access is not proven yet. Use Verify again in a few minutes.");
      case CONSENT_PENDING -> Flash.info(redirect, known.id().value() + ": still waiting for the administrator's consent.");
      case FAILED, REVOKED -> Flash.error(redirect, known.id().value() + ": " + known.failureReason().map(r -> r.description() + " " + r.action()).orElse("authorization failed."));
    }
    redirect.addFlashAttribute("highlight", known.id().value());
    return "redirect:/integrations";
  }
}
