package com.workplace.calendar.benchmarks;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Connects N room calendars (probes every mailbox once) with this SDK ({@code addAll} then {@code
 * connect(tenant)}) and with Microsoft's Graph SDK, one {@code GET users/{id}/calendar?$select=id}
 * per mailbox, sequentially and from a thread pool.
 */
final class ConnectBenchmark {
  /** The items of one {@code $batch} that Outlook runs at once (graph-facts: 4 at a time). */
  private static final int ITEMS_AT_A_TIME = 4;
  private final Options options;
  private final FakeMicrosoft365 m365;
  private final FakeApp app;
  private final ConnectScenario scenario;
  private final GraphLimits limits = GraphLimits.defaults();

  ConnectBenchmark(Options options, FakeMicrosoft365 m365, FakeApp app) {
    this.options = options;
    this.m365 = m365;
    this.app = app;
    this.scenario =
        new ConnectScenario(
            m365, app, "connect.onmicrosoft.com", options.calendars, options.denied,
            options.missing);
  }

  ConnectScenario scenario() {
    return scenario;
  }

  List<Row> run() throws Exception {
    String token = m365.issueAppToken(scenario.tenantId.value(), app.clientId());
    GraphServiceClient official = Clients.official(m365, token);
    ExecutorService pool = Executors.newFixedThreadPool(options.threads);
    // a chunk of 200 addresses (the registry's probe chunk) in one wave of batches
    GraphLimits wide =
        limits.toBuilder().maxConcurrentBatches(10).build();
    try {
      // the JIT needs a few full runs before the figures settle; the sequential run takes the
      // same code path per request as the pooled one, so a short stretch of it suffices
      Progress.say("connect: warming up both SDKs");
      for (int i = 0; i < 3; i++) {
        ours(scenario.emails, limits);
      }
      officialPooled(official, pool, scenario.emails);
      officialSequential(
          official, scenario.emails.subList(0, Math.min(200, scenario.emails.size())));

      int r = options.rounds;
      List<Run> oursRuns = new ArrayList<>();
      List<Run> seqRuns = new ArrayList<>();
      List<Run> poolRuns = new ArrayList<>();
      List<Run> wideRuns = new ArrayList<>();
      List<Run> cpuRuns = new ArrayList<>();
      for (int i = 0; i < r; i++) {
        Progress.say("connect: round %d of %d", i + 1, r);
        oursRuns.add(ours(scenario.emails, limits));
        seqRuns.add(officialSequential(official, scenario.emails));
        poolRuns.add(officialPooled(official, pool, scenario.emails));
        wideRuns.add(ours(scenario.emails, wide));
        // the same work without latency: what the client and the fake cost in CPU on this machine
        m365.latency(Duration.ZERO);
        try {
          cpuRuns.add(ours(scenario.emails, limits));
        } finally {
          m365.latency(Duration.ofMillis(options.latencyMs));
        }
      }

      int n = scenario.emails.size();
      int reachable = scenario.reachable();
      double latency = options.latencyMs;
      int batches = ceilDiv(n, limits.maxBatchSize());
      // Outlook (and the fake) runs the items of a batch 4 at a time: a full batch takes this many
      // latencies
      int rounds = ceilDiv(limits.maxBatchSize(), ITEMS_AT_A_TIME);
      int waves = ceilDiv(batches, limits.maxConcurrentBatches()) * rounds;
      int wideWaves = ceilDiv(batches, wide.maxConcurrentBatches()) * rounds;
      List<Row> rows = new ArrayList<>();
      Row ours =
          row("this SDK, connect(tenant)", oursRuns)
              .best(
                  Format.millis(waves * latency),
                  String.format(
                      Locale.ROOT,
                      "ceil(ceil(%d / %d per $batch) / %d batches in flight) x %d rounds of %d"
                          + " items x %d ms = %d x %d ms",
                      n, limits.maxBatchSize(), limits.maxConcurrentBatches(), rounds,
                      ITEMS_AT_A_TIME, options.latencyMs, waves, options.latencyMs));
      rows.add(ours);
      rows.add(
          row("Graph SDK 6.69.0, sequential", seqRuns)
              .best(
                  Format.millis(reachable * latency),
                  String.format(
                      Locale.ROOT,
                      "%d reachable mailboxes x %d ms (the fake answers 403/404 before its latency)",
                      reachable, options.latencyMs)));
      rows.add(
          row("Graph SDK 6.69.0, " + options.threads + " threads", poolRuns)
              .best(
                  Format.millis(ceilDiv(reachable, options.threads) * latency),
                  String.format(
                      Locale.ROOT,
                      "ceil(%d reachable / %d threads) x %d ms",
                      reachable, options.threads, options.latencyMs)));
      rows.add(
          row("this SDK, 10 batches in flight", wideRuns)
              .best(
                  Format.millis(wideWaves * latency),
                  String.format(
                      Locale.ROOT,
                      "ceil(%d batches / 10 in flight) x %d rounds x %d ms;"
                          + " GraphLimits.maxConcurrentBatches = 10 lets each chunk of 200"
                          + " addresses go out in one wave",
                      batches, rounds, options.latencyMs)));
      rows.add(
          row("this SDK, fake latency 0", cpuRuns)
              .best(
                  "0 ms",
                  "no latency: the time is the CPU the client and the fake (same JVM) spend"));
      double oursMs = median(oursRuns);
      ours.metric("speedupOverOfficialSequential", Format.round1(median(seqRuns) / oursMs));
      ours.metric("speedupOverOfficialPooled", Format.round1(median(poolRuns) / oursMs));
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  private static double median(List<Run> runs) {
    return Format.median(runs.stream().mapToDouble(Run::ms).toArray());
  }

  private Row row(String variant, List<Run> runs) {
    double[] ms = runs.stream().mapToDouble(Run::ms).toArray();
    Run median = runs.get(Format.medianIndex(ms));
    Traffic t = median.traffic();
    Row row =
        new Row("connect " + Format.count(scenario.emails.size()) + " calendars", variant)
            .measured(Format.millis(Format.median(ms)))
            .traffic(t.requests(), t.throttled(), t.violations())
            .errors(median.errors())
            .metric("wallMsMedian", Format.round1(Format.median(ms)))
            .metric("wallMsRounds", Format.rounded(ms))
            .metric("peakConcurrencyPerMailbox", t.peakConcurrency());
    if (!median.batchAnswersMs().isEmpty()) {
      row.metric("batchAnswersMs", median.batchAnswersMs());
    }
    return row;
  }

  /** One measured run; for this SDK, when each {@code $batch} answer came (ms after the start). */
  private record Run(double ms, Traffic traffic, String errors, List<Long> batchAnswersMs) {}

  /** A fresh service and store each time, so that every calendar is probed again. */
  private Run ours(List<String> emails, GraphLimits withLimits) {
    List<Long> answers = Collections.synchronizedList(new ArrayList<>());
    long[] start = new long[1];
    GraphEventListener batchAnswers =
        new GraphEventListener() {
          @Override
          public void responseReceived(GraphCall call) {
            if (call.path().endsWith("/$batch")) {
              answers.add((System.nanoTime() - start[0]) / 1_000_000);
            }
          }
        };
    try (CalendarService service =
        Clients.ours(m365, app, Clients.IGNORE_CHANGES, withLimits, batchAnswers)) {
      Clients.authorize(service, m365, scenario.tenantId);
      service.calendars().addAll(scenario.tenantId, emails);
      m365.resetStats();
      answers.clear();
      start[0] = System.nanoTime();
      ConnectReport report = service.calendars().connect(scenario.tenantId);
      double ms = (System.nanoTime() - start[0]) / 1e6;
      Traffic traffic = Traffic.of(m365);
      Map<CalendarFailureReason, Long> reasons = new EnumMap<>(report.failuresByReason());
      long denied = reasons.getOrDefault(CalendarFailureReason.ACCESS_DENIED_BY_POLICY, 0L);
      long missing = reasons.getOrDefault(CalendarFailureReason.MAILBOX_NOT_FOUND, 0L);
      reasons.remove(CalendarFailureReason.ACCESS_DENIED_BY_POLICY);
      reasons.remove(CalendarFailureReason.MAILBOX_NOT_FOUND);
      long other = reasons.values().stream().mapToLong(Long::longValue).sum();
      String errors =
          describe(report.connected(), denied, missing, other, reasons.isEmpty() ? "" : reasons.toString());
      List<Long> sorted = new ArrayList<>(answers);
      Collections.sort(sorted);
      return new Run(ms, traffic, errors, sorted);
    }
  }

  private Run officialSequential(GraphServiceClient graph, List<String> emails) {
    ConnectScenario.OfficialOutcome outcome = new ConnectScenario.OfficialOutcome();
    m365.resetStats();
    long start = System.nanoTime();
    for (String email : emails) {
      outcome.probe(graph, email);
    }
    double ms = (System.nanoTime() - start) / 1e6;
    return new Run(ms, Traffic.of(m365), describe(outcome), List.of());
  }

  private Run officialPooled(GraphServiceClient graph, ExecutorService pool, List<String> emails)
      throws InterruptedException, ExecutionException {
    ConnectScenario.OfficialOutcome outcome = new ConnectScenario.OfficialOutcome();
    List<Callable<Void>> tasks = new ArrayList<>(emails.size());
    for (String email : emails) {
      tasks.add(
          () -> {
            outcome.probe(graph, email);
            return null;
          });
    }
    m365.resetStats();
    long start = System.nanoTime();
    for (Future<Void> f : pool.invokeAll(tasks)) {
      f.get();
    }
    double ms = (System.nanoTime() - start) / 1e6;
    return new Run(ms, Traffic.of(m365), describe(outcome), List.of());
  }

  private static String describe(ConnectScenario.OfficialOutcome o) {
    return describe(
        o.connected.sum(), o.denied.sum(), o.missing.sum(), o.otherErrors(),
        o.other.isEmpty() ? "" : o.other.toString());
  }

  private static String describe(
      long connected, long denied, long missing, long other, String otherDetail) {
    return String.format(
        Locale.ROOT,
        "%,d ok, %d denied, %d missing, %d other%s",
        connected, denied, missing, other, otherDetail.isEmpty() ? "" : " " + otherDetail);
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
