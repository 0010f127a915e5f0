package com.workplace.calendar.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.csv.CalendarCsvImporter;
import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServices;
import com.workplace.calendar.spi.CalendarProvider;
import java.lang.reflect.Proxy;
import com.workplace.calendar.registry.CalendarRegistry;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceMapper;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Validates a generated 100,000-row import file in a dry run, in one streaming pass, and prints the
 * time taken and the heap used. It does so twice, for the same rows in a narrow file ({@code
 * email,roomID}) and in a wide one (an extra ignored column of 300 characters per row, several
 * times the size): the heap stays about the same, because neither file is held in memory.
 *
 * <p>Beside each import it times a plain read of the same file, line by line without parsing: the
 * floor no importer can beat on this machine.
 *
 * <p>{@link BenchmarkRunner} runs it in a JVM of its own with a small heap ({@code --csv-heap},
 * default 64 MiB) to show that it fits. To run it alone:
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -Xmx64m -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) \
 *     com.workplace.calendar.benchmarks.CsvImportBenchmark [rows] [--result-lines]
 * </pre>
 *
 * <p>With {@code --result-lines} it also prints one {@code RESULT {json}} line per file of the
 * measured round, which the runner reads.
 */
public final class CsvImportBenchmark {
  private static final TenantId TENANT = TenantId.parse("contoso.onmicrosoft.com");
  private static final int REGISTERED = 1_000;
  private static final int SPACES = 1_000_000;

  private CsvImportBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optionally the number of rows (default 100,000), then {@code --result-lines}
   * @throws IOException if the temporary files cannot be written
   */
  public static void main(String[] args) throws IOException {
    int rows = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 100_000;
    boolean resultLines = java.util.Arrays.asList(args).contains("--result-lines");
    System.out.printf(
        Locale.ROOT,
        "CSV import dry run: %,d rows; java %s, max heap %s, GC %s%n",
        rows,
        System.getProperty("java.version"),
        mib(Runtime.getRuntime().maxMemory()),
        ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(GarbageCollectorMXBean::getName)
            .collect(Collectors.joining(", ")));
    Path narrow = Files.createTempFile("csv-import-narrow-", ".csv");
    Path wide = Files.createTempFile("csv-import-wide-", ".csv");
    try {
      generate(narrow, rows, 0);
      generate(wide, rows, 300);
      // a first round warms the JIT up; the second is the one to read
      for (int round = 1; round <= 2; round++) {
        System.out.println(round == 1 ? "warm-up:" : "measured:");
        Result first = run("narrow", narrow, rows);
        Result second = run("wide", wide, rows);
        if (round == 2 && resultLines) {
          System.out.println("RESULT " + first.toJson());
          System.out.println("RESULT " + second.toJson());
        }
      }
    } finally {
      Files.deleteIfExists(narrow);
      Files.deleteIfExists(wide);
    }
  }

  /** The figures of one file's import. */
  record Result(
      String file,
      long fileBytes,
      long rows,
      long elapsedNanos,
      long plainReadNanos,
      long heapBeforeBytes,
      long maxUsedAfterGcBytes,
      long sumOfPoolPeaksBytes,
      long heapAfterBytes,
      long collections,
      long maxHeapBytes) {
    String toJson() {
      return String.format(
          Locale.ROOT,
          "{\"file\":\"%s\",\"fileBytes\":%d,\"rows\":%d,\"elapsedNanos\":%d,"
              + "\"plainReadNanos\":%d,\"heapBeforeBytes\":%d,\"maxUsedAfterGcBytes\":%d,"
              + "\"sumOfPoolPeaksBytes\":%d,\"heapAfterBytes\":%d,\"collections\":%d,"
              + "\"maxHeapBytes\":%d}",
          file, fileBytes, rows, elapsedNanos, plainReadNanos, heapBeforeBytes,
          maxUsedAfterGcBytes, sumOfPoolPeaksBytes, heapAfterBytes, collections, maxHeapBytes);
    }
  }

  /** Reads the file line by line and counts the lines: no parsing, no validation. */
  private static long plainRead(Path file) throws IOException {
    long start = System.nanoTime();
    long lines = 0;
    try (java.io.BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      while (in.readLine() != null) {
        lines++;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (lines == 0) {
      throw new IllegalStateException("empty file");
    }
    return elapsed;
  }

  private static Result run(String name, Path file, int rows) throws IOException {
    InMemoryCalendarStore store = InMemoryCalendarStore.create();
    Clock clock = Clock.systemUTC();
    store.insertTenant(Tenant.pending(TENANT, clock.instant()));
    CalendarService service =
        CalendarServices.builder()
            .provider(offlineProvider())
            .store(store)
            .clock(clock)
            .spaceDirectory(new NumberedSpaces())
            .syncListener((tenant, calendar, changes) -> {})
            .build();
    CalendarRegistry registry = service.calendars();
    SpaceMapper mapper = service.spaces();
    for (int i = 0; i < REGISTERED; i++) {
      registry.add(TENANT, email(i));
      if (i % 2 == 0) {
        mapper.link(TENANT, email(i), SpaceId.of(space(i)), LinkMode.FAIL_IF_LINKED);
      }
    }
    CalendarCsvImporter importer =
        CalendarCsvImporter.builder()
            .registry(registry)
            .spaceMapper(mapper)
            .options(
                CsvImportOptions.builder()
                    .maxRows(Math.max(rows, 1))
                    .maxFileBytes(Math.max(Files.size(file), 1))
                    .build())
            .build();

    List<MemoryPoolMXBean> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    System.gc();
    long before = usedHeap();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    AfterGcPeak afterGc = AfterGcPeak.start();
    long start = System.nanoTime();
    ImportReport report = importer.dryRun(TENANT, file);
    long elapsed = System.nanoTime() - start;
    long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    String pools =
        heapPools.stream()
            .map(p -> p.getName() + " " + mib(p.getPeakUsage().getUsed()))
            .collect(Collectors.joining(", "));
    AfterGcPeak.Result live = afterGc.stop();
    System.gc();
    long after = usedHeap();

    System.out.printf(
        Locale.ROOT,
        "  %-6s file %s, %,d rows in %,d ms (%,.0f rows/s); added %,d, linked %,d, unchanged"
            + " %,d, failed %,d%n",
        name,
        mib(Files.size(file)),
        report.totalRows(),
        elapsed / 1_000_000,
        report.totalRows() / (elapsed / 1e9),
        report.added(),
        report.linked(),
        report.unchanged(),
        report.failed());
    System.out.printf(
        Locale.ROOT,
        "         heap: %s after a GC before the run; most in use right after a GC during the run"
            + " %s (%d GCs); peak %s (sum of pool peaks: %s); %s after the run and a GC (report"
            + " kept)%n",
        mib(before),
        mib(live.maxUsedAfterGc()),
        live.collections(),
        mib(peak),
        pools,
        mib(after));
    if (report.totalRows() != rows) {
      throw new IllegalStateException("expected " + rows + " rows, read " + report.totalRows());
    }
    long plain = plainRead(file);
    System.out.printf(
        Locale.ROOT, "         plain read of the file, line by line: %,d ms%n", plain / 1_000_000);
    return new Result(
        name,
        Files.size(file),
        report.totalRows(),
        elapsed,
        plain,
        before,
        live.maxUsedAfterGc(),
        peak,
        after,
        live.collections(),
        Runtime.getRuntime().maxMemory());
  }

  /**
   * Writes the file: the first rows are the calendars already registered (unchanged), then new
   * ones; about one row in a hundred each has an invalid address, repeats an earlier address, or
   * names an unknown space.
   */
  private static void generate(Path file, int rows, int noteLength) throws IOException {
    String note =
        noteLength > 0 ? ",\"" + "n".repeat(noteLength - 12) + ", with a \"\"q\"\"\"" : "";
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(noteLength > 0 ? "email,roomID,notes\r\n" : "email,roomID\r\n");
      for (int i = 0; i < rows; i++) {
        String email = email(i);
        String space = space(i);
        if (i >= REGISTERED && i % 100 == 1) {
          email = "room-" + i + ".contoso.com";
        } else if (i >= REGISTERED && i % 100 == 2) {
          email = email(i - 1_000);
        } else if (i >= REGISTERED && i % 100 == 3) {
          space = "X" + i;
        } else if (i % 10 == 9) {
          space = "";
        }
        out.write(email);
        out.write(',');
        out.write(space);
        out.write(note);
        out.write("\r\n");
      }
    }
  }

  private static String email(int i) {
    return String.format(Locale.ROOT, "room-%06d@contoso.com", i);
  }

  private static String space(int i) {
    return String.format(Locale.ROOT, "S%06d", i);
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  /** A calendar backend for the importer, which never calls Microsoft 365: every call fails. */
  private static CalendarProvider offlineProvider() {
    return (CalendarProvider)
        Proxy.newProxyInstance(
            CalendarProvider.class.getClassLoader(),
            new Class<?>[] {CalendarProvider.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("close")) {
                return null;
              }
              throw new IllegalStateException("the CSV benchmark makes no call to Microsoft 365");
            });
  }

  /**
   * Listens to the JVM's garbage collections and keeps the most heap in use right after any of
   * them: an upper bound of what the run kept alive (the live set plus garbage not yet collected).
   */
  private static final class AfterGcPeak implements NotificationListener {
    record Result(long maxUsedAfterGc, long collections) {}

    private final List<NotificationEmitter> emitters;
    private final AtomicLong max = new AtomicLong();
    private final AtomicLong seen = new AtomicLong();
    private final long countAtStart;

    private AfterGcPeak() {
      this.emitters =
          ManagementFactory.getGarbageCollectorMXBeans().stream()
              .filter(NotificationEmitter.class::isInstance)
              .map(NotificationEmitter.class::cast)
              .toList();
      this.countAtStart = collectionCount();
    }

    static AfterGcPeak start() {
      AfterGcPeak listener = new AfterGcPeak();
      listener.emitters.forEach(e -> e.addNotificationListener(listener, null, null));
      return listener;
    }

    /** Waits (up to a second) for the notifications of the collections so far, then stops. */
    Result stop() {
      long expected = collectionCount() - countAtStart;
      long deadline = System.nanoTime() + 1_000_000_000L;
      while (seen.get() < expected && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      for (NotificationEmitter emitter : emitters) {
        try {
          emitter.removeNotificationListener(this);
        } catch (ListenerNotFoundException e) {
          // already gone
        }
      }
      return new Result(max.get(), seen.get());
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
          notification.getType())) {
        return;
      }
      GarbageCollectionNotificationInfo info =
          GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
      long used =
          info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
              .filter(e -> HEAP_POOLS.contains(e.getKey()))
              .mapToLong(e -> e.getValue().getUsed())
              .sum();
      max.accumulateAndGet(used, Math::max);
      seen.incrementAndGet();
    }

    private static long collectionCount() {
      return ManagementFactory.getGarbageCollectorMXBeans().stream()
          .mapToLong(GarbageCollectorMXBean::getCollectionCount)
          .sum();
    }
  }

  private static final java.util.Set<String> HEAP_POOLS =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toUnmodifiableSet());

  /** The host's spaces S000000 to S999999, answered without holding them. */
  private static final class NumberedSpaces implements SpaceDirectory {
    @Override
    public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
      String id = spaceId.value();
      if (id.length() == 7
          && id.charAt(0) == 'S'
          && id.chars().skip(1).allMatch(Character::isDigit)
          && Integer.parseInt(id.substring(1)) < SPACES) {
        return Optional.of(Space.of(spaceId, "Room " + id));
      }
      return Optional.empty();
    }

    @Override
    public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
      return Page.last(List.of());
    }
  }
}
