package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code GET /users/{id}/calendarView/delta}: a round of pages linked by {@code $skiptoken}
 * ending with a {@code $deltatoken}; a later call of the delta link returns the changes since.
 */
final class DeltaHandler {

  private final DeltaStore store;
  private final MailboxLimiter limiter;
  private final Supplier<SeriesDeltaBehaviour> behaviour;

  DeltaHandler(DeltaStore store, MailboxLimiter limiter, Supplier<SeriesDeltaBehaviour> behaviour) {
    this.store = store;
    this.limiter = limiter;
    this.behaviour = behaviour;
  }

  FakeResponse handle(GraphCall call) {
    MailboxState m = call.mailbox();
    CalendarState calendar = m.calendar();
    String tenantId = call.tenant().id();
    String skipToken = call.request().query("$skiptoken");
    String deltaToken = call.request().query("$deltatoken");
    DeltaStore.Session session;
    String sessionId;
    int offset = 0;
    if (skipToken != null) {
      int dot = skipToken.lastIndexOf('.');
      sessionId = dot < 0 ? skipToken : skipToken.substring(0, dot);
      session = store.session(sessionId).orElseThrow(() -> syncStateNotFound(0));
      if (!session.mailboxKey().equals(m.key()) || !session.tenantId().equals(tenantId)) {
        throw wrongMailbox();
      }
      checkFresh(calendar, session.generation(), session.created());
      try {
        offset = dot < 0 ? 0 : Integer.parseInt(skipToken.substring(dot + 1));
      } catch (NumberFormatException e) {
        throw syncStateNotFound(session.generation());
      }
    } else {
      Instant from;
      Instant to;
      Map<String, DeltaDiff.Seen> seen;
      if (deltaToken != null) {
        DeltaStore.DeltaToken token =
            store.deltaToken(deltaToken).orElseThrow(() -> syncStateNotFound(0));
        if (!token.mailboxKey().equals(m.key()) || !token.tenantId().equals(tenantId)) {
          throw wrongMailbox();
        }
        checkFresh(calendar, token.generation(), token.created());
        from = token.from();
        to = token.to();
        seen = token.snapshot();
      } else {
        Instant[] window = CalendarHandler.window(call, limiter);
        from = window[0];
        to = window[1];
        seen = null;
      }
      long generation = calendar.generation();
      DeltaDiff.Result result = calendar.delta(seen, from, to, behaviour.get());
      String next = store.newDeltaToken(tenantId, m.key(), from, to, result.snapshot(),
          generation);
      sessionId = store.newSession(tenantId, m.key(), result.changes(), next, generation);
      session = store.session(sessionId).orElseThrow();
    }
    int size = call.maxPageSize(limiter.limits().deltaPageSize());
    List<DeltaDiff.Change> items = session.items();
    int from = Math.min(offset, items.size());
    int to = Math.min(items.size(), from + size);
    List<Map<String, Object>> value = new ArrayList<>();
    for (DeltaDiff.Change c : items.subList(from, to)) {
      Map<String, Object> item = Json.object("@odata.type", "#microsoft.graph.event");
      if (c.removed()) {
        item.put("id", c.id());
        item.put("@removed", Json.object("reason", "deleted"));
      } else if (c.stub()) {
        item.putAll(EventJson.stub(c.event(), call.zone(), call.zoneName()));
      } else {
        item.putAll(EventJson.render(c.event(), m, call.zone(), call.zoneName()));
      }
      value.add(item);
    }
    String link = call.request().baseUrl() + call.request().rawPath();
    Map<String, Object> body = Json.object("@odata.context",
        call.graphBase() + "/$metadata#Collection(event)");
    if (to < items.size()) {
      body.put("@odata.nextLink", link + "?$skiptoken=" + sessionId + "." + to);
    } else {
      body.put("@odata.deltaLink", link + "?$deltatoken=" + session.deltaToken());
    }
    body.put("value", value);
    return call.withPreferences(FakeResponse.json(200, body));
  }

  private void checkFresh(CalendarState calendar, long generation, Instant created) {
    if (generation != calendar.generation() || store.tooOld(created)) {
      throw syncStateNotFound(generation);
    }
  }

  private static GraphException syncStateNotFound(long generation) {
    return new GraphException(410, "SyncStateNotFound",
        "The sync state generation is not found; generation=" + generation + ";");
  }

  private static GraphException wrongMailbox() {
    return GraphException.badRequest("ErrorInvalidUrlQuery",
        "The delta or skip token does not belong to this mailbox.");
  }
}
