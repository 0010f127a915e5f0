package com.workplace.calendar.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The runner's command-line options, with the defaults the published figures use. */
final class Options {
  static final List<String> ALL =
      List.of(
          "connect", "sync", "series", "footprint", "burst", "instances", "conflicts", "overhead",
          "csv");

  Set<String> only = new LinkedHashSet<>(ALL);
  int latencyMs = 20;
  int rounds = 3;
  int calendars = 2_000;
  int denied = 20;
  int missing = 10;
  int threads = 16;
  int syncRooms = 500;
  int eventsPerRoom = 40;
  int syncThreads = 8;
  int changedPercent = 1;
  int seriesRooms = 500;
  int seriesPerRoom = 5;
  int occurrencesPerSeries = 8;
  int csvRows = 100_000;
  String csvHeap = "64m";
  int overheadRequests = 2_000;
  int burstRequests = 1_000;
  int burstThreads = 4;
  int instanceBookings = 120;
  int conflictBookings = 50;
  Path json = Path.of("benchmarks", "target", "benchmark-results.json");

  static final String USAGE =
      String.join(
          "\n",
          "usage: benchmarks/run.sh [options]",
          "  --only LIST             benchmarks to run, comma-separated (default: all)",
          "                          connect, sync, series, footprint, burst, instances,",
          "                          conflicts, overhead, csv",
          "  --latency-ms N          latency the fake adds to every Graph request (default 20)",
          "  --rounds N              measured rounds per variant; the median is reported (default 3)",
          "  --calendars N           room calendars to connect (default 2000)",
          "  --denied N              of them, mailboxes an access policy denies (default 20)",
          "  --missing N             of them, addresses without a mailbox (default 10)",
          "  --threads N             thread pool of the official SDK's parallel run (default 16)",
          "  --sync-rooms N          rooms to delta-sync (default 500)",
          "  --events N              events per room (default 40)",
          "  --sync-threads N        thread pool of the pooled sync run (default 8)",
          "  --changed-percent N     events changed before the incremental round (default 1)",
          "  --series-rooms N        rooms of the recurring-series sync (default 500)",
          "  --series N              weekly series per room (default 5)",
          "  --occurrences N         occurrences per series, all in the window (1 to 12,"
              + " default 8)",
          "  --csv-rows N            rows of the CSV files (default 100000)",
          "  --csv-heap SIZE         -Xmx of the JVM that validates the CSV files (default 64m)",
          "  --overhead-requests N   sequential GETs per round of the overhead benchmark"
              + " (default 2000)",
          "  --burst-requests N      reads of one mailbox in the burst benchmark (default 1000)",
          "  --burst-threads N       threads of the burst benchmark (default 4)",
          "  --instance-bookings N   bookings of one room from 1 and from 3 instances"
              + " (default 120)",
          "  --conflict-bookings N   bookings per variant and round of the conflict-check benchmark"
              + " (default 50)",
          "  --json PATH             where to write the results"
              + " (default benchmarks/target/benchmark-results.json)");

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--help") || name.equals("-h")) {
        System.out.println(USAGE);
        System.exit(0);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + name + " needs a value\n" + USAGE);
      }
      String value = args[++i];
      switch (name) {
        case "--only" -> o.only = benchmarks(value);
        case "--latency-ms" -> o.latencyMs = number(name, value, 0);
        case "--rounds" -> o.rounds = number(name, value, 1);
        case "--calendars" -> o.calendars = number(name, value, 1);
        case "--denied" -> o.denied = number(name, value, 0);
        case "--missing" -> o.missing = number(name, value, 0);
        case "--threads" -> o.threads = number(name, value, 1);
        case "--sync-rooms" -> o.syncRooms = number(name, value, 1);
        case "--events" -> o.eventsPerRoom = number(name, value, 1);
        case "--sync-threads" -> o.syncThreads = number(name, value, 1);
        case "--changed-percent" -> o.changedPercent = number(name, value, 1);
        case "--series-rooms" -> o.seriesRooms = number(name, value, 1);
        case "--series" -> o.seriesPerRoom = number(name, value, 1);
        case "--occurrences" -> o.occurrencesPerSeries = number(name, value, 1);
        case "--csv-rows" -> o.csvRows = number(name, value, 1);
        case "--csv-heap" -> o.csvHeap = value;
        case "--overhead-requests" -> o.overheadRequests = number(name, value, 1);
        case "--burst-requests" -> o.burstRequests = number(name, value, 4);
        case "--burst-threads" -> o.burstThreads = number(name, value, 1);
        case "--instance-bookings" -> o.instanceBookings = number(name, value, 4);
        case "--conflict-bookings" -> o.conflictBookings = number(name, value, 1);
        case "--json" -> o.json = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
      }
    }
    if (o.denied + o.missing >= o.calendars) {
      throw new IllegalArgumentException("--denied plus --missing must be fewer than --calendars");
    }
    if (o.occurrencesPerSeries > 12) {
      throw new IllegalArgumentException(
          "--occurrences must be 1 to 12: weekly occurrences must stay inside the 90-day window");
    }
    if (o.changedPercent > 100) {
      throw new IllegalArgumentException("--changed-percent must be 1 to 100");
    }
    return o;
  }

  boolean runs(String benchmark) {
    return only.contains(benchmark);
  }

  private static Set<String> benchmarks(String value) {
    Set<String> chosen = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String part : value.split(",")) {
      String name = part.trim().toLowerCase(Locale.ROOT);
      if (ALL.contains(name)) {
        chosen.add(name);
      } else if (!name.isEmpty()) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty() || chosen.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown benchmark(s) " + unknown + "; choose from " + ALL + "\n" + USAGE);
    }
    return chosen;
  }

  private static int number(String name, String value, int min) {
    try {
      int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
      if (n < min) {
        throw new IllegalArgumentException(name + " must be at least " + min);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " needs a whole number, not " + value);
    }
  }
}
