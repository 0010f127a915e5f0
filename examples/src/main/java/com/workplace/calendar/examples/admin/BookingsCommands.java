package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.BusyInterval;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calendar-admin bookings ...}: bookings in room calendars. */
@Command(
    name = "bookings",
    description = "Book rooms, end bookings early, cancel them, read availability.",
    subcommands = {
      BookingsCommands.Create.class,
      BookingsCommands.EndEarly.class,
      BookingsCommands.Cancel.class,
      BookingsCommands.AvailabilityCommand.class
    })
final class BookingsCommands extends GroupCommand {

  /** A room by space or by calendar address. */
  static final class Where {
    @Option(names = "--space", paramLabel = "SPACE", required = true, description = "Book the calendar linked to this space.")
    String space;

    @Option(names = "--room", paramLabel = "EMAIL", required = true, description = "Book this room calendar.")
    String room;
  }

  @Command(
      name = "create",
      description = {
        "Books a room (the event is organized by the room, the booker attends).",
        "With --repeat, books a recurring series: e.g. --repeat weekly --days MON,THU --times 10 --zone Europe/Berlin."
      })
  static final class Create extends AdminCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Where where;

    @Option(names = "--start", required = true, paramLabel = "TIME", description = "now, now+30m, 2025-03-04T14:30 (local, or in --zone) or with offset.")
    String start;

    @Option(names = "--end", paramLabel = "TIME", description = "The end; or give --duration.")
    String end;

    @Option(names = "--duration", paramLabel = "DURATION", converter = Durations.class, description = "How long, e.g. 30m or 1h (default 1h).")
    Duration duration;

    @Option(names = "--subject", paramLabel = "TEXT", defaultValue = "Booked with calendar-admin", description = "The subject (default: ${DEFAULT-VALUE}).")
    String subject;

    @Option(names = "--booker", required = true, paramLabel = "EMAIL", description = "Who booked; becomes an attendee.")
    String booker;

    @Option(names = "--booker-name", paramLabel = "NAME", description = "The booker's name.")
    String bookerName;

    @Option(names = "--key", paramLabel = "KEY", description = "The product's booking key; the same key never makes two events (default: a new one).")
    String key;

    @Mixin RecurrenceOptions repeat = new RecurrenceOptions();

    @Override
    public Integer call() {
      if (end != null && duration != null) {
        throw AdminException.usage(
            "give --end or --duration, not both",
            "keep one: --end TIME says when the booking ends, --duration D how long it lasts");
      }
      ZoneId zone = repeat.zone();
      Instant now = Instant.now();
      Instant from = time("--start", start, zone, now);
      Instant until = end != null ? time("--end", end, zone, now) : from.plus(duration != null ? duration : Duration.ofHours(1));
      if (!until.isAfter(from)) {
        throw AdminException.usage(
            "the booking would end (" + out().time(until) + ") before it starts (" + out().time(from) + ")",
            "give an --end after --start, or a --duration");
      }
      if (!until.isAfter(now)) {
        throw AdminException.usage(
            "the booking would end " + out().time(until) + ", which is in the past",
            "book a time that ends in the future, e.g. --start now+15m --duration 30m");
      }
      Instant first = from.truncatedTo(ChronoUnit.SECONDS);
      Instant firstEnd = until.truncatedTo(ChronoUnit.SECONDS);
      Optional<BookingRecurrence> recurrence = repeat.toRecurrence(first);
      if (recurrence.isPresent()) {
        try {
          recurrence.get().occurrenceStarts(first, firstEnd);
        } catch (IllegalArgumentException e) {
          throw AdminException.usage(e.getMessage(), "change --start, --days or the end of the series (--times, --until)");
        }
      }
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.authorizedTenant(tenantId);
      String bookingKey = key != null ? key : "adm-" + UUID.randomUUID().toString().substring(0, 8);
      BookingRequest.Builder request =
          BookingRequest.builder(tenantId, bookingKey)
              .subject(subject)
              .time(first, firstEnd)
              .booker(booker, bookerName);
      recurrence.ifPresent(request::recurrence);
      if (where.space != null) {
        request.space(SpaceId.of(where.space));
      } else {
        request.room(where.room);
      }
      Booking booking = ctx.service().bookings().create(request.build());
      printBookings(out(), List.of(booking));
      booking.recurrence().ifPresent(r -> out().line(
          "Recurs " + r + "; the times above are its first occurrence."));
      out().line("End it early with: calendar-admin bookings end-early " + booking.bookingKey());
      out().json(Views.booking(booking));
      return ExitCodes.OK;
    }
  }

  private static Instant time(String option, String value, ZoneId zone, Instant now) {
    try {
      return Times.parse(value, zone, now);
    } catch (CommandLine.TypeConversionException e) {
      throw AdminException.usage(option + ": " + e.getMessage(), "e.g. " + option + " now+30m or " + option + " 2027-03-04T14:30");
    }
  }

  static void printBookings(Output out, List<Booking> bookings) {
    Table table = Table.of("key", "room", "subject", "when", "booker");
    for (Booking b : bookings) {
      table.row(b.bookingKey(), b.calendarEmail(), b.subject(), out.span(b.start(), b.end()),
          b.attendees().stream().map(Attendee::email).findFirst());
    }
    out.table(table);
  }

  @Command(name = "end-early", description = "Ends a running booking now and frees the room.")
  static final class EndEarly extends AdminCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "The booking key.")
    String key;

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.authorizedTenant(tenantId);
      Booking before = ctx.service().bookings().get(tenantId, key).orElseThrow(() -> missing(ctx, key));
      Booking after = ctx.service().bookings().endEarly(tenantId, key);
      out().linef("Booking %s in %s now ends at %s instead of %s; the room is free again.",
          key, after.calendarEmail(), out().time(after.end()), out().time(before.end()));
      out().json(Views.booking(after));
      return ExitCodes.OK;
    }
  }

  static AdminException missing(AdminContext ctx, String key) {
    return AdminException.failed(
        "no booking with key " + key + " is in its room's calendar",
        ctx.isFake()
            ? "the embedded fake starts afresh in every command, so bookings made by earlier commands"
                + " are gone; run the commands in one 'calendar-admin shell' to keep them"
            : "check the key; a booking deleted in Outlook is gone");
  }

  @Command(name = "cancel", description = "Cancels a booking (attendees get the room's cancellation).")
  static final class Cancel extends AdminCommand {
    @Parameters(index = "0", paramLabel = "KEY", description = "The booking key.")
    String key;

    @Option(names = "--comment", paramLabel = "TEXT", description = "A comment for the attendees.")
    String comment;

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.authorizedTenant(tenantId);
      boolean cancelled = ctx.service().bookings().cancel(tenantId, key, comment);
      out().line(cancelled ? "Cancelled booking " + key + "." : "No booking has the key " + key + ".");
      out().json(obj("key", key, "cancelled", cancelled));
      return cancelled ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  @Command(name = "availability", description = "Shows when rooms are busy.")
  static final class AvailabilityCommand extends AdminCommand {
    @Parameters(arity = "0..*", paramLabel = "EMAIL", description = "Room calendars.")
    List<String> rooms = new ArrayList<>();

    @Option(names = "--space", paramLabel = "SPACE", description = "The calendar linked to this space (repeatable).")
    List<String> spaces = new ArrayList<>();

    @Option(names = "--from", paramLabel = "TIME", converter = Times.class, description = "Window start (default now).")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = Times.class, description = "Window end (default: 24 hours after the start).")
    Instant to;

    @Override
    public Integer call() {
      if (rooms.isEmpty() && spaces.isEmpty()) {
        throw AdminException.usage(
            "name at least one room (EMAIL) or --space",
            "e.g. calendar-admin bookings availability --space HH-1.01, or give room calendar addresses");
      }
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.authorizedTenant(tenantId);
      List<String> calendars = new ArrayList<>(rooms);
      for (String space : spaces) {
        calendars.add(
            ctx.service().spaces().findBySpace(tenantId, SpaceId.of(space)).map(SpaceLink::calendarEmail)
                .orElseThrow(() -> AdminException.failed("space " + space + " is not linked to a room calendar",
                    "link it: calendar-admin spaces link <email> " + space)));
      }
      Instant windowStart = (from != null ? from : Instant.now()).truncatedTo(ChronoUnit.MINUTES);
      Instant windowEnd = to != null ? to : windowStart.plus(Duration.ofDays(1));
      List<Availability> result = ctx.service().bookings().availability(tenantId, calendars, windowStart, windowEnd);
      printAvailability(out(), result, windowStart, windowEnd);
      out().json(obj("from", windowStart, "to", windowEnd, "rooms", result.stream().map(Views::availability).toList()));
      return result.stream().anyMatch(a -> a.error().isPresent()) ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }

  static void printAvailability(Output out, List<Availability> result, Instant from, Instant to) {
    out.line("Busy times from " + out.time(from) + " to " + out.time(to) + ":");
    Table table = Table.of("room", "busy", "status");
    for (Availability a : result) {
      if (a.error().isPresent()) {
        table.row(a.calendarEmail(), "(unknown)", a.error());
      } else if (a.busy().isEmpty()) {
        table.row(a.calendarEmail(), "free", "-");
      }
      for (BusyInterval busy : a.busy()) {
        table.row(a.calendarEmail(), out.span(busy.start(), busy.end()), busy.status());
      }
    }
    out.table(table);
  }
}
