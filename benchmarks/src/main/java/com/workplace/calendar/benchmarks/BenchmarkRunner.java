package com.workplace.calendar.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeLimits;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the SDK against Microsoft's {@code microsoft-graph} 6.69.0 SDK on {@link
 * FakeMicrosoft365} (Exchange's default limits, a configurable latency) and prints one table:
 *
 * <ol>
 *   <li><b>connect</b>: probing 2,000 room mailboxes, some denied by policy and some missing;
 *   <li><b>sync</b>: the first full delta round of 500 rooms with 40 events each, and the
 *       incremental round after 1% of the events changed;
 *   <li><b>series</b>: the same rounds over 500 rooms with 5 weekly series of 8 occurrences each
 *       (occurrences as stubs), one series renamed per 10 rooms, and the next day's full round;
 *   <li><b>csv</b>: validating a 100,000-row import file in a JVM with a 64 MiB heap;
 *   <li><b>footprint</b>: the runtime jar closure of each library and the heap in use after
 *       connecting the 2,000 calendars;
 *   <li><b>burst</b>: 1,000 reads of one mailbox from 4 threads, within the mailbox's budget;
 *   <li><b>instances</b>: 120 bookings of one mailbox from 1 instance with 24 threads and from 3
 *       instances with 8 threads each on one shared database (H2, and PostgreSQL when configured);
 *   <li><b>overhead</b>: the cost per request over a bare OkHttp call, with no latency and no
 *       limits.
 * </ol>
 *
 * <p>Beside each figure stands the best the fake allows (from its latency and limits). Wall times
 * are medians of {@code --rounds} rounds after a warm-up. The table is printed as Markdown and
 * written, with every figure, to a JSON file. Run it with {@code benchmarks/run.sh [options]} from
 * the repository root; {@code --help} lists the options.
 */
public final class BenchmarkRunner {
  private BenchmarkRunner() {}

  /**
   * Runs the benchmarks.
   *
   * @param args the options, see {@code --help}
   * @throws Exception when a benchmark fails
   */
  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Map<String, Object> machine = machine();
    Progress.say(
        "machine: %s cores, %s memory, java %s, load average %s",
        machine.get("cores"), machine.get("memory"), machine.get("java"),
        machine.get("loadAverageAtStart"));
    Instant started = Instant.now();
    List<Row> rows = new ArrayList<>();
    Map<String, Object> goal = new LinkedHashMap<>();

    boolean needsFake = options.runs("connect") || options.runs("sync") || options.runs("series")
        || options.runs("footprint") || options.runs("burst") || options.runs("instances")
        || options.runs("conflicts");
    if (needsFake) {
      try (FakeMicrosoft365 m365 =
          FakeMicrosoft365.builder()
              .latency(Duration.ofMillis(options.latencyMs))
              .limits(FakeLimits.defaults())
              .start()) {
        FakeApp app = Clients.app(m365);
        ConnectScenario scenario = null;
        if (options.runs("connect")) {
          ConnectBenchmark connect = new ConnectBenchmark(options, m365, app);
          scenario = connect.scenario();
          List<Row> connectRows = connect.run();
          rows.addAll(connectRows);
          goal.putAll(goal(connectRows));
        }
        if (options.runs("sync")) {
          rows.addAll(new DeltaSyncBenchmark(options, m365, app).run());
        }
        if (options.runs("series")) {
          rows.addAll(new SeriesSyncBenchmark(options, m365, app).run());
        }
        if (options.runs("footprint")) {
          if (scenario == null) {
            scenario =
                new ConnectScenario(
                    m365, app, "connect.onmicrosoft.com", options.calendars, options.denied,
                    options.missing);
          }
          rows.addAll(new FootprintBenchmark(options, m365, app, scenario).run());
        }
        if (options.runs("burst")) {
          rows.addAll(new BurstBenchmark(options, m365, app).run());
        }
        if (options.runs("instances")) {
          rows.addAll(new InstancesBenchmark(options, m365, app).run());
        }
        if (options.runs("conflicts")) {
          rows.addAll(new ConflictCheckBenchmark(options, m365, app).run());
        }
      }
    }
    if (options.runs("overhead")) {
      rows.addAll(new OverheadBenchmark(options).run());
    }
    if (options.runs("csv")) {
      rows.addAll(new CsvBenchmark(options).run());
    }
    machine.put("loadAverageAtEnd", loadAverage());
    Duration took = Duration.between(started, Instant.now());

    String table = markdown(rows);
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "Fake latency %d ms per Graph request, Exchange's default limits (4 concurrent and"
            + " 10,000 requests per 10 minutes per mailbox); medians of %d rounds.%n%n",
        options.latencyMs, options.rounds);
    System.out.println(table);
    if (!goal.isEmpty()) {
      System.out.println(goal.get("summary"));
    }
    System.out.printf(
        Locale.ROOT, "%nmachine: %s%ntook %d s%n", machine, took.toSeconds());

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("generatedAt", started.toString());
    json.put("tookSeconds", took.toSeconds());
    json.put("arguments", List.of(args));
    json.put("machine", machine);
    json.put("options", optionsJson(options));
    if (!goal.isEmpty()) {
      json.put("goal", goal);
    }
    List<Object> results = new ArrayList<>();
    rows.forEach(r -> results.add(r.toJson()));
    json.put("results", results);
    Path out = options.json.toAbsolutePath();
    Files.createDirectories(out.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
    Path md = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + ".md");
    Files.writeString(md, table + "\n", StandardCharsets.UTF_8);
    System.out.println("results: " + out + " (table: " + md + ")");
  }

  /** Issue 9's goal: at least 10 times faster than the official SDK's sequential run, 0 violations. */
  private static Map<String, Object> goal(List<Row> connectRows) {
    Row ours = connectRows.get(0);
    double speedup = ((Number) ours.metrics().get("speedupOverOfficialSequential")).doubleValue();
    long violations = ((Number) ours.metrics().get("limitViolations")).longValue();
    boolean met = speedup >= 10 && violations == 0;
    Map<String, Object> goal = new LinkedHashMap<>();
    goal.put("speedupOverOfficialSequential", speedup);
    goal.put("limitViolations", violations);
    goal.put("met", met);
    goal.put(
        "summary",
        String.format(
            Locale.ROOT,
            "Goal (issue 9): connect at least 10x faster than the Graph SDK's sequential run with"
                + " 0 limit violations: %s (%.1fx, %d violations; %.1fx against its %s run)",
            met ? "MET" : "NOT MET",
            speedup,
            violations,
            ((Number) ours.metrics().get("speedupOverOfficialPooled")).doubleValue(),
            connectRows.get(2).variant.replace("Graph SDK 6.69.0, ", "")));
    return goal;
  }

  static String markdown(List<Row> rows) {
    String[] header = {
      "benchmark", "variant", "measured", "theoretical best", "HTTP requests", "429s",
      "limit violations", "outcome / notes"
    };
    List<String[]> lines = new ArrayList<>();
    String last = null;
    for (Row r : rows) {
      lines.add(
          new String[] {
            r.benchmark.equals(last) ? "" : r.benchmark, r.variant, r.measured, r.best,
            r.requests, r.throttled, r.violations, r.errors
          });
      last = r.benchmark;
    }
    int[] width = new int[header.length];
    for (int c = 0; c < header.length; c++) {
      width[c] = header[c].length();
      for (String[] l : lines) {
        width[c] = Math.max(width[c], l[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    append(out, header, width);
    String[] rule = new String[header.length];
    for (int c = 0; c < header.length; c++) {
      rule[c] = "-".repeat(width[c]);
    }
    append(out, rule, width);
    lines.forEach(l -> append(out, l, width));
    return out.toString().stripTrailing();
  }

  private static void append(StringBuilder out, String[] cells, int[] width) {
    out.append('|');
    for (int c = 0; c < cells.length; c++) {
      out.append(' ').append(cells[c]).append(" ".repeat(width[c] - cells[c].length())).append(" |");
    }
    out.append('\n');
  }

  private static Map<String, Object> optionsJson(Options o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmarks", List.copyOf(o.only));
    m.put("latencyMs", o.latencyMs);
    m.put("rounds", o.rounds);
    m.put("calendars", o.calendars);
    m.put("denied", o.denied);
    m.put("missing", o.missing);
    m.put("threads", o.threads);
    m.put("syncRooms", o.syncRooms);
    m.put("eventsPerRoom", o.eventsPerRoom);
    m.put("syncThreads", o.syncThreads);
    m.put("changedPercent", o.changedPercent);
    m.put("seriesRooms", o.seriesRooms);
    m.put("seriesPerRoom", o.seriesPerRoom);
    m.put("occurrencesPerSeries", o.occurrencesPerSeries);
    m.put("csvRows", o.csvRows);
    m.put("csvHeap", o.csvHeap);
    m.put("overheadRequests", o.overheadRequests);
    m.put("burstRequests", o.burstRequests);
    m.put("burstThreads", o.burstThreads);
    return m;
  }

  private static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      m.put("memory", Format.mib(os.getTotalMemorySize()).replace(" MiB", "") + " MiB");
    }
    cpuModel().ifPresent(cpu -> m.put("cpu", cpu));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    m.put("java", System.getProperty("java.vendor") + " " + System.getProperty("java.vm.name")
        + " " + System.getProperty("java.runtime.version"));
    m.put("maxHeap", Format.mib(Runtime.getRuntime().maxMemory()));
    m.put("loadAverageAtStart", loadAverage());
    gitCommit().ifPresent(c -> m.put("commit", c));
    return m;
  }

  private static String loadAverage() {
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
  }

  private static Optional<String> cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return Optional.of(line.substring(line.indexOf(':') + 1).trim());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave it out
    }
    return Optional.empty();
  }

  private static Optional<String> gitCommit() {
    try {
      Process p =
          new ProcessBuilder("git", "describe", "--always", "--dirty")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.waitFor() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
