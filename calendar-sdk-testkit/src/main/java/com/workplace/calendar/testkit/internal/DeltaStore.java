package com.workplace.calendar.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side state behind the opaque {@code $deltatoken} and {@code $skiptoken} values of
 * calendar view delta queries. Tokens are bound to a tenant, mailbox and window.
 */
public final class DeltaStore {

  /** What a {@code $deltatoken} stands for: a client's view (snapshot) of a window. */
  public record DeltaToken(
      String tenantId, String mailboxKey, Instant from, Instant to,
      Map<String, DeltaDiff.Seen> snapshot, long generation, Instant created) {}

  /** The pages of one round (initial or incremental) and the delta token that ends it. */
  public record Session(
      String tenantId, String mailboxKey, List<DeltaDiff.Change> items, String deltaToken,
      long generation, Instant created) {

    public Session {
      items = List.copyOf(items);
    }
  }

  private final Ids ids;
  private final Clock clock;
  private final Map<String, DeltaToken> deltaTokens = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Duration maxAge;

  public DeltaStore(Ids ids, Clock clock, Duration maxAge) {
    this.ids = ids;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /** Whether a token created at {@code created} is too old. */
  public boolean tooOld(Instant created) {
    return maxAge != null && clock.instant().isAfter(created.plus(maxAge));
  }

  /** Stores a new delta token and returns its opaque value. */
  public String newDeltaToken(
      String tenantId, String mailboxKey, Instant from, Instant to,
      Map<String, DeltaDiff.Seen> snapshot, long generation) {
    String token = ids.token(33);
    deltaTokens.put(token, new DeltaToken(tenantId, mailboxKey, from, to, snapshot, generation,
        clock.instant()));
    return token;
  }

  public Optional<DeltaToken> deltaToken(String token) {
    return Optional.ofNullable(deltaTokens.get(token));
  }

  /** Stores a round and returns its id (the page offset is appended to skip tokens). */
  public String newSession(
      String tenantId, String mailboxKey, List<DeltaDiff.Change> items, String deltaToken,
      long generation) {
    String id = ids.token(24);
    sessions.put(id, new Session(tenantId, mailboxKey, items, deltaToken, generation,
        clock.instant()));
    return id;
  }

  public Optional<Session> session(String id) {
    return Optional.ofNullable(sessions.get(id));
  }

  /** Forgets every token. */
  public void clear() {
    deltaTokens.clear();
    sessions.clear();
  }
}
