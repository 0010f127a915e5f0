package com.workplace.calendar.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs {@link CsvImportBenchmark} in a JVM of its own with a small heap (the program's class path,
 * {@code -Xmx} from {@code --csv-heap}) and reads its result lines.
 */
final class CsvBenchmark {
  private final Options options;

  CsvBenchmark(Options options) {
    this.options = options;
  }

  List<Row> run() throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx" + options.csvHeap,
            "-cp",
            System.getProperty("java.class.path"),
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            CsvImportBenchmark.class.getName(),
            Integer.toString(options.csvRows),
            "--result-lines");
    Progress.say("csv: validating %,d rows in a JVM with -Xmx%s", options.csvRows, options.csvHeap);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<JsonNode> results = new ArrayList<>();
    List<String> output = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        output.add(line);
        if (line.startsWith("RESULT ")) {
          results.add(json.readTree(line.substring("RESULT ".length())));
        }
      }
    }
    int exit = process.waitFor();
    if (exit != 0 || results.isEmpty()) {
      throw new IllegalStateException(
          "the CSV benchmark failed (exit " + exit + "):\n" + String.join("\n", output));
    }
    List<Row> rows = new ArrayList<>();
    for (JsonNode r : results) {
      String file = r.path("file").asText();
      long bytes = r.path("fileBytes").asLong();
      long count = r.path("rows").asLong();
      double ms = r.path("elapsedNanos").asLong() / 1e6;
      double plainMs = r.path("plainReadNanos").asLong() / 1e6;
      long before = r.path("heapBeforeBytes").asLong();
      long afterGc = r.path("maxUsedAfterGcBytes").asLong();
      long after = r.path("heapAfterBytes").asLong();
      rows.add(
          new Row(
                  String.format(Locale.ROOT, "CSV dry run, %,d rows", count),
                  String.format(Locale.ROOT, "%s file (%s), -Xmx%s", file, Format.mib(bytes),
                      options.csvHeap))
              .measured(
                  String.format(
                      Locale.ROOT, "%s (%,.0f rows/s)", Format.millis(ms), count / (ms / 1000)))
              .best(
                  Format.millis(plainMs) + " (plain read)",
                  "reading the same file line by line without parsing, timed in the same JVM")
              .errors(
                  String.format(
                      Locale.ROOT,
                      "heap in use after GC: %s before, %s, %s after (report kept)",
                      Format.mib(before),
                      r.path("collections").asLong() == 0
                          ? "no GC during the run"
                          : "at most " + Format.mib(afterGc) + " during",
                      Format.mib(after)))
              .metric("fileBytes", bytes)
              .metric("rows", count)
              .metric("wallMs", Format.round1(ms))
              .metric("rowsPerSecond", Math.round(count / (ms / 1000)))
              .metric("plainReadMs", Format.round1(plainMs))
              .metric("heapBeforeMiB", Format.mibValue(before))
              .metric("maxUsedAfterGcMiB", Format.mibValue(afterGc))
              .metric("heapAfterMiB", Format.mibValue(after))
              .metric("sumOfPoolPeaksMiB", Format.mibValue(r.path("sumOfPoolPeaksBytes").asLong()))
              .metric("maxHeapMiB", Format.mibValue(r.path("maxHeapBytes").asLong()))
              .metric("collections", r.path("collections").asLong()));
    }
    return rows;
  }
}
