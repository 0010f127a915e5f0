package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.FaultKind;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Planned faults: the next N Graph requests, a random rate with a mix (reproducible with the
 * seed for a given request order), and raw response overrides matched by method and path.
 */
public final class FaultPlan {

  /** A fault chosen for one request. */
  public record Fault(FaultKind kind, Duration parameter) {}

  /** A raw response for requests matching a method and path pattern. */
  public record Override(
      String method, Pattern path, int status, Map<String, String> headers, String body) {

    boolean matches(FakeRequest request) {
      if (method != null && !method.equalsIgnoreCase(request.method())) {
        return false;
      }
      return path.matcher(request.rawPath()).matches()
          || path.matcher(request.pathAndQuery()).matches()
          || path.matcher(UrlCodec.decode(request.rawPath(), false)).matches();
    }
  }

  private static final class Planned {
    final Fault fault;
    int remaining;

    Planned(Fault fault, int remaining) {
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  private static final class PlannedOverride {
    final Override override;
    int remaining;

    PlannedOverride(Override override, int remaining) {
      this.override = override;
      this.remaining = remaining;
    }
  }

  private final long seed;
  private final Deque<Planned> next = new ArrayDeque<>();
  private final List<PlannedOverride> overrides = new ArrayList<>();
  private Random random;
  private double rate;
  private List<FaultKind> mix = List.of();
  private Duration randomParameter = Duration.ofSeconds(1);

  public FaultPlan(long seed) {
    this.seed = seed;
    this.random = new Random(seed);
  }

  /** Plans a fault for the next {@code count} Graph requests (after earlier plans). */
  public synchronized void planNext(int count, FaultKind kind, Duration parameter) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, was " + count);
    }
    next.addLast(new Planned(new Fault(kind, parameter), count));
  }

  /** Injects a random fault into the given fraction of Graph requests. */
  public synchronized void random(double newRate, List<FaultKind> newMix, Duration parameter) {
    if (newRate < 0 || newRate > 1 || Double.isNaN(newRate)) {
      throw new IllegalArgumentException("rate must be within [0, 1], was " + newRate);
    }
    if (newRate > 0 && newMix.isEmpty()) {
      throw new IllegalArgumentException("the fault mix is empty");
    }
    this.rate = newRate;
    this.mix = List.copyOf(newMix);
    this.randomParameter = parameter;
    this.random = new Random(seed);
  }

  /** Adds an override answering the next {@code times} matching requests. */
  public synchronized void override(Override override, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, was " + times);
    }
    overrides.add(new PlannedOverride(override, times));
  }

  /** The fault for the next Graph request, or null. */
  public synchronized Fault nextFault() {
    Planned planned = next.peekFirst();
    if (planned != null) {
      if (--planned.remaining <= 0) {
        next.pollFirst();
      }
      return planned.fault;
    }
    if (rate > 0 && random.nextDouble() < rate) {
      return new Fault(mix.get(random.nextInt(mix.size())), randomParameter);
    }
    return null;
  }

  /** The override for a request (consuming one use), or null. */
  public synchronized Override matchOverride(FakeRequest request) {
    if (overrides.isEmpty()) {
      return null;
    }
    Iterator<PlannedOverride> it = overrides.iterator();
    while (it.hasNext()) {
      PlannedOverride po = it.next();
      if (po.override.matches(request)) {
        if (po.remaining != Integer.MAX_VALUE && --po.remaining <= 0) {
          it.remove();
        }
        return po.override;
      }
    }
    return null;
  }

  /** Planned faults and overrides not yet used. */
  public synchronized int pending() {
    int n = 0;
    for (Planned p : next) {
      n += p.remaining;
    }
    for (PlannedOverride o : overrides) {
      n += o.remaining == Integer.MAX_VALUE ? 1 : o.remaining;
    }
    return n;
  }

  /** Drops every planned fault, override and the random rate. */
  public synchronized void clear() {
    next.clear();
    overrides.clear();
    rate = 0;
    mix = List.of();
    random = new Random(seed);
  }
}
