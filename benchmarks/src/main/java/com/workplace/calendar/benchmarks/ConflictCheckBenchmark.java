package com.workplace.calendar.benchmarks;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * The cost of the conflict check: N bookings of free slots of one room, one after another, with
 * the default {@link ConflictPolicy#REFUSE} (the room's write lease, a calendarView of the interval
 * before the create and another after it) against {@link ConflictPolicy#ALLOW} (the create alone),
 * both with the default in-memory store. Reports wall time and Graph requests per booking; the
 * difference is what the check costs.
 */
final class ConflictCheckBenchmark {
  private final Options options;
  private final FakeMicrosoft365 m365;
  private final FakeApp app;

  ConflictCheckBenchmark(Options options, FakeMicrosoft365 m365, FakeApp app) {
    this.options = options;
    this.m365 = m365;
    this.app = app;
  }

  List<Row> run() {
    String domain = "conflicts.onmicrosoft.com";
    TenantId tenantId = TenantId.parse(domain);
    String checked = "checked@" + domain;
    String unchecked = "unchecked@" + domain;
    m365.tenant(domain).grantAdminConsent(app.clientId()).addRoom(checked, "Checked").addRoom(unchecked, "Unchecked");
    int n = options.conflictBookings;
    try (CalendarService service =
        Clients.ours(m365, app, Clients.IGNORE_CHANGES, GraphLimits.defaults())) {
      Clients.authorize(service, m365, tenantId);
      service.calendars().add(tenantId, checked);
      service.calendars().add(tenantId, unchecked);
      service.calendars().connect(tenantId);
      double[] checkedMs = new double[options.rounds];
      double[] uncheckedMs = new double[options.rounds];
      long checkedRequests = 0;
      long uncheckedRequests = 0;
      Instant base = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS);
      for (int round = 0; round < options.rounds; round++) {
        Instant day = base.plus(Duration.ofDays(round));
        Progress.say("conflicts: round %d, %d checked and %d unchecked bookings", round + 1, n, n);
        long before = m365.stats().requests(checked);
        checkedMs[round] = book(service, tenantId, checked, day, n, ConflictPolicy.REFUSE, "c" + round);
        checkedRequests += m365.stats().requests(checked) - before;
        before = m365.stats().requests(unchecked);
        uncheckedMs[round] = book(service, tenantId, unchecked, day, n, ConflictPolicy.ALLOW, "u" + round);
        uncheckedRequests += m365.stats().requests(unchecked) - before;
      }
      double perChecked = Format.median(checkedMs) / n;
      double perUnchecked = Format.median(uncheckedMs) / n;
      double checkedCalls = (double) checkedRequests / (options.rounds * (long) n);
      double uncheckedCalls = (double) uncheckedRequests / (options.rounds * (long) n);
      String benchmark =
          String.format(Locale.ROOT, "conflict check: %d bookings of one room in a row, per booking", n);
      String formula = "Graph requests per booking x " + options.latencyMs + " ms";
      return List.of(
          new Row(benchmark, "ConflictPolicy.REFUSE (default): lease, calendarView, create, calendarView")
              .measured(Format.millis(perChecked))
              .best(Format.millis(Math.round(checkedCalls) * (double) options.latencyMs), formula)
              .traffic(checkedRequests, 0, 0)
              .errors(String.format(Locale.ROOT, "%.2f Graph requests per booking", checkedCalls))
              .metric("msPerBooking", Format.round1(perChecked))
              .metric("graphRequestsPerBooking", checkedCalls),
          new Row(benchmark, "ConflictPolicy.ALLOW: create only")
              .measured(Format.millis(perUnchecked))
              .best(Format.millis(Math.round(uncheckedCalls) * (double) options.latencyMs), formula)
              .traffic(uncheckedRequests, 0, 0)
              .errors(String.format(Locale.ROOT, "%.2f Graph requests per booking", uncheckedCalls))
              .metric("msPerBooking", Format.round1(perUnchecked))
              .metric("graphRequestsPerBooking", uncheckedCalls));
    }
  }

  private static double book(
      CalendarService service,
      TenantId tenantId,
      String room,
      Instant day,
      int n,
      ConflictPolicy policy,
      String prefix) {
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Instant slot = day.plus(Duration.ofMinutes(15L * i));
      service.bookings().create(
          BookingRequest.builder(tenantId, prefix + "-" + i)
              .room(room)
              .subject("Slot " + i)
              .time(slot, slot.plus(Duration.ofMinutes(15)))
              .booker("ada@conflicts.onmicrosoft.com", "Ada")
              .conflictPolicy(policy)
              .build());
    }
    return (System.nanoTime() - start) / 1e6;
  }
}
