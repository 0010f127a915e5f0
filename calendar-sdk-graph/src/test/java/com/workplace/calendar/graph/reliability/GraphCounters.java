package com.workplace.calendar.graph.reliability;

import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphEventListener;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts what the transport reports, keyed by event, method, path shape and status. */
final class GraphCounters implements GraphEventListener {
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  @Override
  public void responseReceived(GraphCall call) {
    add("response", call);
  }

  @Override
  public void throttled(GraphCall call, Duration wait) {
    add("throttled", call);
  }

  @Override
  public void retrying(GraphCall call, Duration wait) {
    add("retrying", call);
  }

  @Override
  public void gaveUp(GraphCall call, String reason) {
    add("gaveUp", call);
  }

  private void add(String event, GraphCall call) {
    counts.computeIfAbsent(event + " " + call.method() + " " + shape(call.path()) + " " + call.status(),
        k -> new LongAdder()).increment();
  }

  /** The path with the mailbox and event ids replaced, e.g. {@code /v1.0/users/{m}/events/{id}}. */
  static String shape(String path) {
    return path.replaceAll("/users/[^/]+", "/users/{m}")
        .replaceAll("/events/[^/]+", "/events/{id}")
        .replaceAll("/subscriptions/[^/]+", "/subscriptions/{id}");
  }

  /**
   * Sums the counters whose key starts with the given words.
   *
   * @param prefix e.g. {@code "retrying POST /v1.0/users/{m}/events 0"}
   * @return the sum
   */
  long count(String prefix) {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(e -> e.getValue().sum())
        .sum();
  }

  /** {@return a sorted copy of all counters, for reports} */
  Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }
}
