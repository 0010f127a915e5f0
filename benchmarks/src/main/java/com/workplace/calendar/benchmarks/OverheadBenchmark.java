package com.workplace.calendar.benchmarks;

import com.microsoft.graph.models.Event;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.micrometer.CalendarMetrics;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeLimits;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The cost per request of each client on top of the fake itself: N sequential GETs of one event
 * ({@code GET users/{room}/events/{id}}) against a fake with no latency and no limits. The bare
 * OkHttp call (bearer token, body read into memory) is the floor; this SDK goes through {@code
 * bookings().get(...)} (store lookup, mailbox gate, retry loop, JSON mapping), once as it is and
 * once with the Micrometer binder ({@code calendar-sdk-micrometer}) registered for both kinds of
 * event on a {@code SimpleMeterRegistry}; Microsoft's SDK through {@code
 * users().byUserId(..).events().byEventId(..).get()}.
 */
final class OverheadBenchmark {
  private final Options options;

  OverheadBenchmark(Options options) {
    this.options = options;
  }

  List<Row> run() throws Exception {
    FakeLimits unlimited =
        FakeLimits.builder()
            .maxConcurrentPerMailbox(1_000)
            .requestBudget(Integer.MAX_VALUE, Duration.ofMinutes(10))
            .build();
    // the SDK keeps to its own budget too: lift it as far as the fake's
    GraphLimits ourLimits =
        GraphLimits.builder()
            .maxConcurrentPerMailbox(64)
            .requestsPerWindow(1_000_000_000)
            .window(Duration.ofMinutes(10))
            .build();
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().limits(unlimited).start()) {
      FakeApp app = Clients.app(m365);
      String domain = "overhead.onmicrosoft.com";
      TenantId tenantId = TenantId.parse(domain);
      String room = "orchard@" + domain;
      m365.tenant(domain).addRoom(room, "Orchard");
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      CalendarMetrics metrics = CalendarMetrics.create();
      metrics.bindTo(registry);
      try (CalendarService service = Clients.ours(m365, app, Clients.IGNORE_CHANGES, ourLimits);
          CalendarService measured =
              Clients.oursWithMetrics(m365, app, Clients.IGNORE_CHANGES, ourLimits, metrics)) {
        Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
        Booking booking = null;
        for (CalendarService s : List.of(service, measured)) {
          Clients.authorize(s, m365, tenantId);
          s.calendars().add(tenantId, room);
          s.calendars().connect(tenantId);
          booking =
              s.bookings()
                  .create(
                      BookingRequest.builder(tenantId, "overhead-1")
                          .room(room)
                          .subject("Overhead")
                          .time(start, start.plus(Duration.ofMinutes(30)))
                          .booker("ada@" + domain, "Ada")
                          .build());
        }
        String eventId = booking.eventId();
        String token = m365.issueAppToken(tenantId.value(), app.clientId());
        OkHttpClient bare = Clients.bare(m365);
        String url = m365.graphUri() + "users/" + room + "/events/" + eventId;
        Request request =
            new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build();
        GraphServiceClient graph = Clients.official(m365, token);

        List<Variant> variants =
            List.of(
                new Variant("bare OkHttp 4.12 (floor)", () -> bareGet(bare, request)),
                new Variant(
                    "this SDK, bookings().get(..)",
                    () -> {
                      if (service.bookings().get(tenantId, "overhead-1").isEmpty()) {
                        throw new IllegalStateException("booking not found");
                      }
                    }),
                new Variant(
                    "this SDK, bookings().get(..), Micrometer binder on",
                    () -> {
                      if (measured.bookings().get(tenantId, "overhead-1").isEmpty()) {
                        throw new IllegalStateException("booking not found");
                      }
                    }),
                new Variant(
                    "Graph SDK 6.69.0, events().byEventId(..).get()",
                    () -> {
                      Event e = graph.users().byUserId(room).events().byEventId(eventId).get();
                      if (e == null || e.getId() == null) {
                        throw new IllegalStateException("event not found");
                      }
                    }));

        int n = options.overheadRequests;
        Progress.say("overhead: warming up (%,d calls each)", Math.max(1_000, n));
        for (Variant v : variants) {
          for (int i = 0; i < Math.max(1_000, n); i++) {
            v.call.run();
          }
        }
        int r = options.rounds;
        double[][] micros = new double[variants.size()][r];
        long[][] requests = new long[variants.size()][r];
        for (int round = 0; round < r; round++) {
          Progress.say("overhead: round %d of %d", round + 1, r);
          for (int v = 0; v < variants.size(); v++) {
            m365.resetStats();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
              variants.get(v).call.run();
            }
            micros[v][round] = (System.nanoTime() - t0) / 1e3 / n;
            requests[v][round] = m365.stats().totalRequests();
          }
        }
        bare.connectionPool().evictAll();

        double floor = Format.median(micros[0]);
        List<Row> rows = new ArrayList<>();
        for (int v = 0; v < variants.size(); v++) {
          double median = Format.median(micros[v]);
          int at = Format.medianIndex(micros[v]);
          Row row =
              new Row(
                      String.format(
                          Locale.ROOT, "per-request overhead, %,d sequential GETs", n),
                      variants.get(v).name)
                  .measured(Format.micros(median) + "/request")
                  .metric("microsPerRequestMedian", Format.round1(median))
                  .metric("microsPerRequestRounds", Format.rounded(micros[v]))
                  .metric("httpRequests", requests[v][at]);
          row.requests = Format.count(requests[v][at]);
          if (v == 0) {
            row.best(Format.micros(floor) + "/request", "the bare OkHttp call on the same fake");
          } else {
            row.best(Format.micros(floor) + "/request", "the bare OkHttp call on the same fake")
                .errors(
                    String.format(
                        Locale.ROOT, "%+,.0f µs/request over bare OkHttp (%.2f×)",
                        median - floor, median / floor))
                .metric("microsOverBare", Format.round1(median - floor));
          }
          if (variants.get(v).name.endsWith("Micrometer binder on")) {
            double plain = Format.median(micros[1]);
            row.metric("microsOverSdkWithoutMetrics", Format.round1(median - plain))
                .metric(
                    "metricsRecorded",
                    registry.get("calendar.graph.requests").tag("operation", "events.get").timer().count());
            row.errors(
                row.errors
                    + String.format(
                        Locale.ROOT, "; %+,.1f µs/request over the SDK without metrics", median - plain));
          }
          rows.add(row);
        }
        rows.add(listenerCost(r));
        return rows;
      }
    }
  }

  /**
   * What the Micrometer binder itself adds to one request: the events of one answered GET
   * ({@code requestStarted}, {@code responseReceived}) through the service's guarding composite,
   * timed alone in a loop. The end-to-end rows above carry the same cost inside the noise of a
   * network round trip.
   */
  private Row listenerCost(int rounds) {
    CalendarMetrics metrics = CalendarMetrics.create();
    metrics.bindTo(new SimpleMeterRegistry());
    GraphEventListener events = GraphEventListener.composite(metrics);
    GraphCall started =
        new GraphCall("GET", "/v1.0/users/orchard@overhead.onmicrosoft.com/events/AAMk", "events.get",
            "overhead.onmicrosoft.com", java.util.Optional.of("orchard@overhead.onmicrosoft.com"), 1, 0,
            Duration.ZERO);
    GraphCall answered = started.answered(200, Duration.ofNanos(250_000));
    int n = 1_000_000;
    for (int i = 0; i < n; i++) {
      events.requestStarted(started);
      events.responseReceived(answered);
    }
    double[] micros = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        events.requestStarted(started);
        events.responseReceived(answered);
      }
      micros[round] = (System.nanoTime() - t0) / 1e3 / n;
    }
    double median = Format.median(micros);
    return new Row(
            String.format(Locale.ROOT, "per-request overhead, %,d sequential GETs", options.overheadRequests),
            "Micrometer binder alone, one request's events")
        .measured(String.format(Locale.ROOT, "%.2f µs/request", median))
        .metric("microsPerRequestMedian", Math.round(median * 1000) / 1000.0)
        .metric("microsPerRequestRounds", micros)
        .errors("requestStarted + responseReceived through the composite, 1,000,000 times per round");
  }

  private record Variant(String name, Runnable call) {}

  private static void bareGet(OkHttpClient client, Request request) {
    try (Response response = client.newCall(request).execute()) {
      byte[] body = response.body() == null ? new byte[0] : response.body().bytes();
      if (response.code() != 200 || body.length == 0) {
        throw new IllegalStateException("bare GET answered " + response.code());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
