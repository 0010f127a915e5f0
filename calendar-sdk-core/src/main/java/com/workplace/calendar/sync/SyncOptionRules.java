package com.workplace.calendar.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * The values {@link SyncOptions} accepts for its window, schedule, leases, rounds and owner (the
 * subscription settings check their own). Each check returns the value it was given or throws an
 * {@link IllegalArgumentException} (a {@link NullPointerException} for a missing value) that names
 * the option and says what it must be.
 */
final class SyncOptionRules {
  private SyncOptionRules() {}

  static void checkWindow(int daysBack, int daysAhead) {
    if (daysBack < 0 || daysBack > 31) {
      throw new IllegalArgumentException("daysBack must be between 0 and 31, was " + daysBack);
    }
    if (daysAhead < 1 || daysAhead > 730) {
      throw new IllegalArgumentException("daysAhead must be between 1 and 730, was " + daysAhead);
    }
  }

  static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }

  static Duration startDelay(Duration delay) {
    Objects.requireNonNull(delay, "startDelay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("startDelay must not be negative");
    }
    return delay;
  }

  static Duration leaseTtl(Duration ttl) {
    positive(ttl, "leaseTtl");
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("leaseTtl must be at least one second");
    }
    return ttl;
  }

  static int workerThreads(int threads) {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("workerThreads must be 1 to 64, was " + threads);
    }
    return threads;
  }

  static int maxPagesPerRound(int pages) {
    if (pages < 1) {
      throw new IllegalArgumentException("maxPagesPerRound must be at least 1, was " + pages);
    }
    return pages;
  }

  static int seriesCacheSize(int size) {
    if (size < 0 || size > 1_000_000) {
      throw new IllegalArgumentException("seriesCacheSize must be 0 to 1,000,000, was " + size);
    }
    return size;
  }

  static String ownerId(String id) {
    Objects.requireNonNull(id, "ownerId");
    if (id.isBlank() || id.length() > 200 || id.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("ownerId must be 1 to 200 printable characters");
    }
    return id;
  }
}
