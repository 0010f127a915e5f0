package com.workplace.calendar.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Number formatting and small statistics. */
final class Format {
  private Format() {}

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String millis(double ms) {
    if (ms >= 10_000) {
      return String.format(Locale.ROOT, "%,.1f s", ms / 1000);
    }
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%,.0f ms", ms);
    }
    return String.format(Locale.ROOT, "%,.1f ms", ms);
  }

  static String micros(double us) {
    return String.format(Locale.ROOT, "%,.0f µs", us);
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
  }

  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.1f×", r);
  }

  static double mibValue(long bytes) {
    return Math.round(bytes / (1024.0 * 1024.0) * 100) / 100.0;
  }

  static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }

  /** The median; for an even count, the lower of the two middle values (a value that occurred). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }

  /** The index of the median value in the unsorted array. */
  static int medianIndex(double[] values) {
    double m = median(values);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == m) {
        return i;
      }
    }
    return 0;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }

  static double[] rounded(double[] values) {
    return Arrays.stream(values).map(Format::round1).toArray();
  }
}
