package com.workplace.calendar.benchmarks;

import java.lang.management.ManagementFactory;

/** Heap in use after full collections. */
final class Heap {
  private Heap() {}

  /** Collects until the figure settles (at most five times) and returns the heap in use. */
  static long usedAfterGc() {
    long last = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (Math.abs(last - used) < 64 * 1024) {
        return used;
      }
      last = used;
    }
    return last;
  }
}
