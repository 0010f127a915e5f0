package com.workplace.calendar.benchmarks;

import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What each library costs a host: the jars it brings (runtime closure, count and bytes) and the
 * heap still in use once N calendars are connected and the client is kept for more work.
 */
final class FootprintBenchmark {
  static final String OURS = "com.workplace.calendar:calendar-sdk-graph";
  static final String OFFICIAL = "com.microsoft.graph:microsoft-graph";

  private final Options options;
  private final FakeMicrosoft365 m365;
  private final FakeApp app;
  private final ConnectScenario scenario;

  FootprintBenchmark(
      Options options, FakeMicrosoft365 m365, FakeApp app, ConnectScenario scenario) {
    this.options = options;
    this.m365 = m365;
    this.app = app;
    this.scenario = scenario;
  }

  List<Row> run() throws Exception {
    List<Row> rows = new ArrayList<>();
    rows.addAll(jars());
    rows.addAll(heap());
    return rows;
  }

  private List<Row> jars() throws Exception {
    Path target = Path.of("benchmarks", "target");
    Path tree = target.resolve("dependency-tree.txt");
    Path classPath = target.resolve("classpath.txt");
    if (!Files.isRegularFile(tree) || !Files.isRegularFile(classPath)) {
      throw new IllegalStateException(
          "run from the repository root after 'mvn -B -q -pl benchmarks -am package"
              + " -DskipTests': " + tree + " and " + classPath + " are written then");
    }
    DependencyClosure closures = DependencyClosure.read(tree, classPath);
    List<Row> rows = new ArrayList<>();
    for (String root : List.of(OURS, OFFICIAL)) {
      DependencyClosure.Closure c = closures.of(root);
      List<String> largest = new ArrayList<>();
      List<Object> all = new ArrayList<>();
      for (DependencyClosure.Jar jar : c.jars()) {
        if (largest.size() < 3) {
          largest.add(jar.artifact().substring(jar.artifact().indexOf(':') + 1) + " "
              + Format.mib(jar.bytes()));
        }
        all.add(java.util.Map.of(
            "artifact", jar.artifact() + ":" + jar.version(), "bytes", jar.bytes()));
      }
      Row row =
          new Row("footprint: runtime jar closure", root.substring(root.indexOf(':') + 1))
              .measured(
                  String.format(
                      Locale.ROOT, "%d jars, %s", c.jars().size(), Format.mib(c.bytes())))
              .errors("largest: " + String.join(", ", largest))
              .metric("jars", c.jars().size())
              .metric("bytes", c.bytes())
              .metric("mib", Format.mibValue(c.bytes()))
              .metric("closure", all);
      if (root.equals(OURS)) {
        row.best("< 5 MiB (design goal)", "design.md: the runtime closure should stay under 5 MB");
      }
      if (!c.notOnClassPath().isEmpty()) {
        row.metric("notOnClassPath", c.notOnClassPath());
      }
      rows.add(row);
    }
    return rows;
  }

  /** Heap in use after GC with the client (and its results) kept, minus the heap before it. */
  private List<Row> heap() throws Exception {
    int n = scenario.emails.size();
    String benchmark = "footprint: heap after connecting " + Format.count(n) + " calendars";

    Progress.say("footprint: heap of this SDK after connecting %,d calendars", n);
    long before = Heap.usedAfterGc();
    long ours;
    long connectedOurs;
    try (CalendarService service =
        Clients.ours(m365, app, Clients.IGNORE_CHANGES, GraphLimits.defaults())) {
      Clients.authorize(service, m365, scenario.tenantId);
      service.calendars().addAll(scenario.tenantId, scenario.emails);
      ConnectReport report = service.calendars().connect(scenario.tenantId);
      connectedOurs = report.connected();
      ours = Heap.usedAfterGc() - before;
      keep(report);
      keep(service);
    }

    Progress.say("footprint: heap of the Graph SDK after connecting %,d calendars", n);
    String token = m365.issueAppToken(scenario.tenantId.value(), app.clientId());
    ExecutorService pool = Executors.newFixedThreadPool(options.threads);
    long official;
    long connectedOfficial;
    try {
      before = Heap.usedAfterGc();
      GraphServiceClient graph = Clients.official(m365, token);
      ConnectScenario.OfficialOutcome outcome = new ConnectScenario.OfficialOutcome();
      List<Callable<Void>> tasks = new ArrayList<>();
      for (String email : scenario.emails) {
        tasks.add(
            () -> {
              outcome.probe(graph, email);
              return null;
            });
      }
      for (Future<Void> f : pool.invokeAll(tasks)) {
        f.get();
      }
      tasks = null;
      connectedOfficial = outcome.connected.sum();
      official = Heap.usedAfterGc() - before;
      keep(outcome);
      keep(graph);
    } finally {
      pool.shutdownNow();
    }
    return List.of(
        new Row(benchmark, "this SDK (service + its in-memory store)")
            .measured(Format.mib(ours))
            .errors(Format.count(connectedOurs) + " connected; heap after GC minus before")
            .metric("heapBytes", ours)
            .metric("heapMiB", Format.mibValue(ours)),
        new Row(benchmark, "Graph SDK 6.69.0 (client + the Calendar objects)")
            .measured(Format.mib(official))
            .errors(Format.count(connectedOfficial) + " connected; heap after GC minus before")
            .metric("heapBytes", official)
            .metric("heapMiB", Format.mibValue(official)));
  }

  private static volatile Object sink;

  /** Keeps an object reachable until here, so that the collection before cannot free it. */
  private static void keep(Object o) {
    sink = o;
    sink = null;
  }
}
