package com.workplace.calendar.examples.web;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Manage Calendars of a tenant: the registered room calendars a page at a time (filtered by
 * status, with the space each is linked to), add by e-mail, remove, and link to a space (search by
 * number or name, or browse the product's spaces) or unlink.
 */
@Controller
final class CalendarsController {
  static final int PAGE_SIZE = 50;
  static final int SPACE_PAGE_SIZE = 20;

  private final CalendarService calendars;
  private final CalendarStore store;
  private final TenantLookup lookup;
  private final boolean embeddedFake;

  CalendarsController(
      CalendarService calendars, CalendarStore store, TenantLookup lookup, ObjectProvider<DemoOrganisation> demo) {
    this.calendars = calendars;
    this.store = store;
    this.lookup = lookup;
    this.embeddedFake = demo.getIfAvailable() != null;
  }

  @GetMapping("/tenants/{tenant}/calendars")
  String list(
      @PathVariable String tenant,
      @RequestParam(defaultValue = "") String status,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    return page(lookup.require(tenant), status, cursor, page, "", new FieldErrors(), model);
  }

  String page(Tenant tenant, String status, String cursor, int pageNumber, String emailInput, FieldErrors errors, Model model) {
    Optional<CalendarStatus> filter = parseStatus(status);
    Set<CalendarStatus> statuses = filter.map(s -> (Set<CalendarStatus>) EnumSet.of(s)).orElse(Set.of());
    PageRequest request = new PageRequest(PAGE_SIZE, Optional.ofNullable(cursor).filter(c -> !c.isBlank()));
    Page<RoomCalendar> page;
    try {
      page = calendars.calendars().list(tenant.id(), new CalendarQuery(statuses, request));
    } catch (IllegalArgumentException e) {
      // a cursor that was not made by this page: start again from the first page
      request = PageRequest.first(PAGE_SIZE);
      pageNumber = 1;
      page = calendars.calendars().list(tenant.id(), new CalendarQuery(statuses, request));
    }
    Map<String, Space> linked = new LinkedHashMap<>();
    for (SpaceLink link : calendars.spaces().links(tenant.id())) {
      linked.put(
          link.calendarEmail(),
          calendars.spaces().space(tenant.id(), link.spaceId()).orElse(Space.of(link.spaceId(), link.spaceId().value())));
    }
    int number = Math.max(1, pageNumber);
    model.addAttribute("tenant", tenant);
    model.addAttribute("calendars", page.items());
    model.addAttribute("links", linked);
    model.addAttribute("status", filter.map(Enum::name).orElse(""));
    model.addAttribute("statuses", CalendarStatus.values());
    model.addAttribute("pageNumber", number);
    model.addAttribute("firstIndex", (number - 1) * PAGE_SIZE + (page.items().isEmpty() ? 0 : 1));
    model.addAttribute("lastIndex", (number - 1) * PAGE_SIZE + page.items().size());
    model.addAttribute("total", store.countCalendars(tenant.id()));
    model.addAttribute("nextCursor", page.nextCursor().orElse(null));
    model.addAttribute("emailInput", emailInput);
    model.addAttribute("embeddedFake", embeddedFake);
    model.addAttribute("uploadLimit", CsvController.UPLOAD_LIMIT_TEXT);
    model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
    return "calendars";
  }

  private static Optional<CalendarStatus> parseStatus(String status) {
    if (status == null || status.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CalendarStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @PostMapping("/tenants/{tenant}/calendars")
  String add(
      @PathVariable String tenant,
      @RequestParam(defaultValue = "") String email,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    FieldErrors errors = new FieldErrors();
    try {
      RoomCalendar added = calendars.calendars().add(known.id(), email);
      Flash.ok(redirect, "Added " + added.email() + ". Connect Calendars probes its mailbox.");
      return "redirect:/tenants/{tenant}/calendars";
    } catch (IllegalArgumentException e) {
      errors.reject("email", "Enter the room mailbox's e-mail address: " + e.getMessage());
    } catch (DuplicateRecordException e) {
      errors.reject("email", "This room calendar is already registered.");
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return page(known, "", null, 1, email, errors, model);
  }

  @PostMapping("/tenants/{tenant}/calendars/remove")
  String remove(@PathVariable String tenant, @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    if (calendars.calendars().remove(known.id(), email)) {
      Flash.ok(redirect, "Removed " + email.strip() + " (its space link, sync and subscription too).");
    } else {
      Flash.error(redirect, email.strip() + " is not registered.");
    }
    return "redirect:/tenants/{tenant}/calendars";
  }

  /** Link to space: search the product's spaces by number or name, or browse them. */
  @GetMapping("/tenants/{tenant}/calendars/link")
  String linkPage(
      @PathVariable String tenant,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(required = false) String cursor,
      Model model) {
    Tenant known = lookup.require(tenant);
    RoomCalendar calendar = calendar(known, email);
    return linkPage(known, calendar, q, cursor, null, model);
  }

  private String linkPage(Tenant tenant, RoomCalendar calendar, String q, String cursor, SpaceId conflict, Model model) {
    String text = q == null ? "" : q.strip();
    PageRequest request = new PageRequest(SPACE_PAGE_SIZE, Optional.ofNullable(cursor).filter(c -> !c.isBlank()));
    Page<Space> spaces;
    try {
      spaces = calendars.spaces().search(tenant.id(), text, request);
    } catch (IllegalArgumentException e) {
      spaces = calendars.spaces().search(tenant.id(), text, PageRequest.first(SPACE_PAGE_SIZE));
    }
    Map<String, String> linkedTo = new LinkedHashMap<>();
    for (Space space : spaces.items()) {
      calendars.spaces().findBySpace(tenant.id(), space.id()).ifPresent(l -> linkedTo.put(space.id().value(), l.calendarEmail()));
    }
    model.addAttribute("tenant", tenant);
    model.addAttribute("calendar", calendar);
    model.addAttribute("current", calendars.spaces().findByCalendar(tenant.id(), calendar.email()).map(SpaceLink::spaceId).orElse(null));
    model.addAttribute("q", text);
    model.addAttribute("spaces", spaces.items());
    model.addAttribute("linkedTo", linkedTo);
    model.addAttribute("nextCursor", spaces.nextCursor().orElse(null));
    model.addAttribute("conflict", conflict);
    return "link";
  }

  @PostMapping("/tenants/{tenant}/calendars/link")
  String link(
      @PathVariable String tenant,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String space,
      @RequestParam(defaultValue = "false") boolean move,
      @RequestParam(defaultValue = "") String q,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    RoomCalendar calendar = calendar(known, email);
    SpaceId spaceId;
    try {
      spaceId = SpaceId.of(space);
    } catch (IllegalArgumentException e) {
      Flash.error(redirect, "Choose a space to link: " + e.getMessage());
      redirect.addAttribute("email", calendar.email());
      return "redirect:/tenants/{tenant}/calendars/link";
    }
    try {
      calendars.spaces().link(known.id(), calendar.email(), spaceId, move ? LinkMode.MOVE : LinkMode.FAIL_IF_LINKED);
    } catch (ConflictException e) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return linkPage(known, calendar, q, null, spaceId, model);
    } catch (ResourceNotFoundException e) {
      Flash.error(redirect, "The space " + spaceId.value() + " does not exist in the product.");
      redirect.addAttribute("email", calendar.email());
      return "redirect:/tenants/{tenant}/calendars/link";
    }
    Flash.ok(redirect, "Linked " + calendar.email() + " to the space " + spaceId.value() + ".");
    return "redirect:/tenants/{tenant}/calendars";
  }

  @PostMapping("/tenants/{tenant}/calendars/unlink")
  String unlink(@PathVariable String tenant, @RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    RoomCalendar calendar = calendar(known, email);
    if (calendars.spaces().unlinkCalendar(known.id(), calendar.email())) {
      Flash.ok(redirect, "Unlinked " + calendar.email() + " from its space; the calendar stays registered.");
    } else {
      Flash.info(redirect, calendar.email() + " was not linked to a space.");
    }
    return "redirect:/tenants/{tenant}/calendars";
  }

  private RoomCalendar calendar(Tenant tenant, String email) {
    try {
      return calendars.calendars().get(tenant.id(), email).orElseThrow(UnknownCalendarException::new);
    } catch (IllegalArgumentException e) {
      throw new UnknownCalendarException();
    }
  }

  /** The calendar a request names is not registered. */
  static final class UnknownCalendarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownCalendarException() {
      super("no room calendar with this address is registered");
    }
  }

}
