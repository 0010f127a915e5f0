package com.workplace.calendar.examples.web;

import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.tenant.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bookings: book a linked space, end a booking early, cancel it, and watch what sync brings from
 * the room calendars (bookings made in Outlook, and the echoes of the product's own) arrive on the
 * page without a reload. With the embedded fake, a form books a room "in Outlook" to try it.
 */
@Controller
public final class BookingsController {
  static final int SHOWN = 50;
  static final List<Integer> DURATIONS = List.of(15, 30, 45, 60, 90, 120, 240);

  private final CalendarService calendars;
  private final TenantLookup lookup;
  private final ProductBookings bookings;
  private final OutlookChanges changes;
  private final Times times;
  private final ObjectProvider<DemoOrganisation> demo;

  BookingsController(
      CalendarService calendars,
      TenantLookup lookup,
      ProductBookings bookings,
      OutlookChanges changes,
      Times times,
      ObjectProvider<DemoOrganisation> demo) {
    this.calendars = calendars;
    this.lookup = lookup;
    this.bookings = bookings;
    this.changes = changes;
    this.times = times;
    this.demo = demo;
  }

  /**
   * What the booking form holds.
   *
   * @param space the space ID
   * @param subject the subject
   * @param start the start as a {@code datetime-local} value
   * @param duration the minutes
   * @param booker the booker's address
   */
  public record BookingForm(String space, String subject, String start, int duration, String booker) {}

  @GetMapping("/tenants/{tenant}/bookings")
  String page(@PathVariable String tenant, Model model) {
    Tenant known = lookup.require(tenant);
    Instant nextHour = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    return page(known, new BookingForm("", "Team meeting", times.inputValue(nextHour), 60, ""), new FieldErrors(), model);
  }

  private String page(Tenant tenant, BookingForm form, FieldErrors errors, Model model) {
    Map<String, String> spaces = new LinkedHashMap<>();
    for (SpaceLink link : calendars.spaces().links(tenant.id())) {
      String name = calendars.spaces().space(tenant.id(), link.spaceId()).map(Space::name).orElse("");
      spaces.put(link.spaceId().value(), link.spaceId().value() + (name.isEmpty() ? "" : " " + name) + " (" + link.calendarEmail() + ")");
    }
    List<OutlookChanges.Entry> feed = new ArrayList<>(changes.after(tenant.id(), 0));
    long last = feed.isEmpty() ? 0 : feed.get(feed.size() - 1).sequence();
    java.util.Collections.reverse(feed);
    model.addAttribute("tenant", tenant);
    model.addAttribute("form", form);
    model.addAttribute("spaces", spaces);
    model.addAttribute("durations", DURATIONS);
    model.addAttribute("bookings", bookings.list(tenant.id(), SHOWN));
    model.addAttribute("changes", feed);
    model.addAttribute("lastSequence", last);
    model.addAttribute("zone", times.zone().getId());
    model.addAttribute(FieldErrors.ATTRIBUTE, errors.asMap());
    model.addAttribute("embeddedFake", demo.getIfAvailable() != null);
    if (demo.getIfAvailable() != null) {
      model.addAttribute(
          "outlookRooms",
          calendars.calendars()
              .list(tenant.id(), new CalendarQuery(EnumSet.of(CalendarStatus.CONNECTED), PageRequest.first(PageRequest.MAX_SIZE)))
              .items()
              .stream()
              .map(RoomCalendar::email)
              .toList());
    }
    return "bookings";
  }

  @PostMapping("/tenants/{tenant}/bookings")
  String create(
      @PathVariable String tenant,
      @RequestParam(defaultValue = "") String space,
      @RequestParam(defaultValue = "") String subject,
      @RequestParam(defaultValue = "") String start,
      @RequestParam(defaultValue = "60") int duration,
      @RequestParam(defaultValue = "") String booker,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    BookingForm form = new BookingForm(space, subject, start, duration, booker);
    FieldErrors errors = new FieldErrors();
    Optional<SpaceId> spaceId = Optional.empty();
    try {
      spaceId = Optional.of(SpaceId.of(space));
    } catch (IllegalArgumentException e) {
      errors.reject("space", "Choose a space linked to a room calendar.");
    }
    if (subject.isBlank()) {
      errors.reject("subject", "Enter a subject.");
    } else if (subject.length() > BookingRequest.MAX_SUBJECT_LENGTH) {
      errors.reject("subject", "The subject is longer than " + BookingRequest.MAX_SUBJECT_LENGTH + " characters.");
    }
    Optional<Instant> from = times.parseInput(start);
    if (from.isEmpty()) {
      errors.reject("start", "Enter the start as date and time.");
    }
    if (!DURATIONS.contains(duration)) {
      errors.reject("duration", "Choose one of the durations offered.");
    }
    if (booker.isBlank()) {
      errors.reject("booker", "Enter the booker's e-mail address.");
    }
    if (errors.isEmpty()) {
      String key = "web-" + UUID.randomUUID();
      try {
        BookingRequest request =
            BookingRequest.builder(known.id(), key)
                .space(spaceId.orElseThrow())
                .subject(subject.strip())
                .time(from.get(), from.get().plus(Duration.ofMinutes(duration)))
                .booker(booker.strip(), null)
                .build();
        Booking booking = calendars.bookings().create(request);
        bookings.record(booking, spaceId.get(), booking.attendees().isEmpty() ? booker.strip() : booking.attendees().get(0).email(), Instant.now());
        Flash.ok(redirect, "Booked " + spaceId.get().value() + " (" + booking.calendarEmail() + ") from " + times.format(booking.start()) + " to " + times.format(booking.end()) + ".");
        return "redirect:/tenants/{tenant}/bookings";
      } catch (IllegalArgumentException e) {
        errors.reject("booker", "Enter a valid e-mail address for the booker: " + e.getMessage());
      } catch (ResourceNotFoundException e) {
        errors.reject("space", "This space is not linked to a room calendar any more.");
      } catch (CalendarSdkException e) {
        errors.reject("space", "The room could not be booked: " + e.getMessage());
      }
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    return page(known, form, errors, model);
  }

  @PostMapping("/tenants/{tenant}/bookings/end-early")
  String endEarly(@PathVariable String tenant, @RequestParam(defaultValue = "") String key, RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    if (bookings.find(known.id(), key).isEmpty()) {
      Flash.error(redirect, "No booking of this product has that key.");
      return "redirect:/tenants/{tenant}/bookings";
    }
    try {
      Booking ended = calendars.bookings().endEarly(known.id(), key);
      bookings.endedEarly(known.id(), key, ended.end());
      Flash.ok(redirect, "Ended the booking at " + times.format(ended.end()) + "; the room is free again.");
    } catch (ConflictException e) {
      Flash.error(redirect, "Only a booking that is running can end early: " + e.getMessage());
    } catch (ResourceNotFoundException e) {
      Flash.error(redirect, "The booking's event is no longer in the room's calendar.");
    }
    return "redirect:/tenants/{tenant}/bookings";
  }

  @PostMapping("/tenants/{tenant}/bookings/cancel")
  String cancel(@PathVariable String tenant, @RequestParam(defaultValue = "") String key, RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    if (bookings.find(known.id(), key).isEmpty()) {
      Flash.error(redirect, "No booking of this product has that key.");
      return "redirect:/tenants/{tenant}/bookings";
    }
    boolean cancelled = calendars.bookings().cancel(known.id(), key, "Cancelled in the booking product");
    bookings.cancelled(known.id(), key);
    Flash.ok(redirect, cancelled ? "Cancelled the booking; the room's calendar no longer holds it." : "The booking was no longer in the room's calendar; it is marked cancelled.");
    return "redirect:/tenants/{tenant}/bookings";
  }

  /** The changes sync delivered after a sequence number, for the page's polling. */
  @GetMapping(value = "/tenants/{tenant}/bookings/changes", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<Map<String, Object>> changes(@PathVariable String tenant, @RequestParam(defaultValue = "0") long after) {
    Tenant known = lookup.require(tenant);
    List<Map<String, Object>> json = new ArrayList<>();
    for (OutlookChanges.Entry entry : changes.after(known.id(), after)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("sequence", entry.sequence());
      row.put("received", times.format(entry.receivedAt()));
      row.put("type", entry.type().name());
      row.put("room", entry.calendarEmail());
      row.put("subject", entry.subject().orElse(""));
      row.put("organizer", entry.organizer().orElse(""));
      row.put("start", times.format(entry.start()));
      row.put("end", times.format(entry.end()));
      row.put("ours", entry.bookingKey().isPresent());
      json.add(row);
    }
    return json;
  }

  /** With the embedded fake: a meeting booked "in Outlook", which sync then brings to the page. */
  @PostMapping("/tenants/{tenant}/bookings/outlook")
  String bookInOutlook(
      @PathVariable String tenant,
      @RequestParam(defaultValue = "") String room,
      @RequestParam(defaultValue = "") String subject,
      RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    DemoOrganisation organisation = demo.getIfAvailable();
    if (organisation == null) {
      Flash.error(redirect, "Only the embedded Microsoft 365 can book in Outlook from here.");
      return "redirect:/tenants/{tenant}/bookings";
    }
    if (calendars.calendars().get(known.id(), room).filter(c -> c.status() == CalendarStatus.CONNECTED).isEmpty()) {
      Flash.error(redirect, "Choose a connected room calendar.");
      return "redirect:/tenants/{tenant}/bookings";
    }
    String title = subject.isBlank() ? "Meeting booked in Outlook" : subject.strip();
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));
    organisation
        .m365()
        .findTenant(known.id().value())
        .orElseThrow(() -> new IllegalStateException("the embedded Microsoft 365 has no tenant " + known.id().value()))
        .addEvent(room, title.length() > 255 ? title.substring(0, 255) : title, start, start.plus(Duration.ofHours(1)), "megan.bowen@" + DemoOrganisation.DOMAIN);
    Flash.info(redirect, "Booked " + room + " in Outlook (the embedded Microsoft 365). Sync brings it below.");
    return "redirect:/tenants/{tenant}/bookings";
  }
}
