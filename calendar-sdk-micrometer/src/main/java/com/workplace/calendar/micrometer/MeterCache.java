package com.workplace.calendar.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of one registry, created on first use and then found by a key of name and tag values
 * without building Micrometer ids again.
 */
final class MeterCache {
  private final MeterRegistry registry;
  private final Map<String, Meter> meters = new ConcurrentHashMap<>();

  MeterCache(MeterRegistry registry) {
    this.registry = registry;
  }

  MeterRegistry registry() {
    return registry;
  }

  void timer(String name, String tenant, String mailbox, Duration amount, String... tags) {
    Timer timer =
        (Timer)
            meters.computeIfAbsent(
                key(name, tenant, mailbox, tags),
                k ->
                    Timer.builder(name)
                        .description(Descriptions.of(name))
                        .tags(tags(tenant, mailbox, tags))
                        .register(registry));
    timer.record(amount);
  }

  void counter(String name, String tenant, String mailbox, double amount, String... tags) {
    Counter counter =
        (Counter)
            meters.computeIfAbsent(
                key(name, tenant, mailbox, tags),
                k ->
                    Counter.builder(name)
                        .description(Descriptions.of(name))
                        .tags(tags(tenant, mailbox, tags))
                        .register(registry));
    if (amount > 0) {
      counter.increment(amount);
    }
  }

  void summary(String name, String tenant, double amount) {
    DistributionSummary summary =
        (DistributionSummary)
            meters.computeIfAbsent(
                key(name, tenant, null),
                k ->
                    DistributionSummary.builder(name)
                        .description(Descriptions.of(name))
                        .baseUnit("requests")
                        .tags(tags(tenant, null))
                        .register(registry));
    summary.record(amount);
  }

  private static String key(String name, String tenant, String mailbox, String... tags) {
    StringBuilder key = new StringBuilder(64).append(name);
    for (String t : tags) {
      key.append('\u0000').append(t);
    }
    if (tenant != null) {
      key.append("\u0000t=").append(tenant);
    }
    if (mailbox != null) {
      key.append("\u0000m=").append(mailbox);
    }
    return key.toString();
  }

  private static Tags tags(String tenant, String mailbox, String... keyValues) {
    Tags tags = Tags.of(keyValues);
    if (tenant != null) {
      tags = tags.and("tenant", tenant);
    }
    if (mailbox != null) {
      tags = tags.and("mailbox", mailbox);
    }
    return tags;
  }
}
