package com.workplace.calendar.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1.0/$batch}. Every item goes through the same routing, permission and mailbox
 * checks with the outer token; each mailbox item takes a limiter slot that it holds for the
 * whole batch, so more items to one mailbox than its concurrency limit get {@code 429}. The items
 * arrive together: a 429 for one is no {@code Retry-After} another one ignored. As in Outlook,
 * the items run {@value #ITEMS_AT_A_TIME} at a time, or one after another when any of them
 * declares {@code dependsOn}: the batch takes the latency once per such round.
 */
final class BatchHandler {

  /** How many unordered items Outlook runs at once. */
  static final int ITEMS_AT_A_TIME = 4;

  private static final class Item {
    final String id;
    final List<String> dependsOn;
    GraphCall call;
    MailboxLimiter.Lease lease;
    FakeResponse response;

    Item(String id, List<String> dependsOn) {
      this.id = id;
      this.dependsOn = dependsOn;
    }
  }

  private final GraphPipeline pipeline;
  private final MailboxLimiter limiter;

  BatchHandler(GraphPipeline pipeline, MailboxLimiter limiter) {
    this.pipeline = pipeline;
    this.limiter = limiter;
  }

  FakeResponse handle(FakeRequest req, Principal principal, String requestId) {
    List<?> requests = requests(req);
    List<Item> items = new ArrayList<>();
    Map<String, Item> byId = new HashMap<>();
    for (Object o : requests) {
      Item item = parse(o, req, principal, requestId);
      if (byId.put(item.id, item) != null) {
        throw invalid("Batch request ids must be unique; '" + item.id + "' is repeated.");
      }
      items.add(item);
    }
    for (Item item : items) {
      for (String dep : item.dependsOn) {
        if (!byId.containsKey(dep) || dep.equals(item.id)) {
          throw invalid("Item '" + item.id + "' depends on unknown request '" + dep + "'.");
        }
      }
    }
    long arrival = limiter.arrival();
    try {
      for (Item item : items) {
        if (item.call != null && item.call.mailbox() != null) {
          item.lease = limiter.acquire(principal.clientId(), item.call.mailbox().key(), arrival);
          if (!item.lease.admitted()) {
            item.response = GraphErrors.throttled(Long.toString(item.lease.retryAfterSeconds()),
                requestId, pipeline.clock());
          }
        }
      }
      for (Item item : items) {
        if (item.lease != null && item.lease.admitted()) {
          pipeline.holds().await(item.call.mailbox().key());
        }
      }
      int running = 0;
      boolean sequenced = false;
      for (Item item : items) {
        running += item.response == null ? 1 : 0;
        sequenced |= !item.dependsOn.isEmpty();
      }
      for (int round = latencyRounds(running, sequenced); round > 0; round--) {
        GraphPipeline.sleep(pipeline.latency());
      }
      List<Object> responses = new ArrayList<>();
      Set<String> visiting = new HashSet<>();
      for (Item item : items) {
        run(item, byId, visiting, requestId);
      }
      for (Item item : items) {
        responses.add(render(item));
      }
      return FakeResponse.json(200, Json.object("responses", responses));
    } finally {
      for (Item item : items) {
        if (item.lease != null) {
          item.lease.close();
        }
      }
    }
  }

  /**
   * The rounds of latency a batch takes: one per {@link #ITEMS_AT_A_TIME} items that run, one per
   * item when the batch is sequenced by {@code dependsOn}, and at least one (the batch's own).
   *
   * @param running items that run (not refused by the limits)
   * @param sequenced whether any item declares {@code dependsOn}
   * @return at least 1
   */
  static int latencyRounds(int running, boolean sequenced) {
    int rounds = sequenced ? running : (running + ITEMS_AT_A_TIME - 1) / ITEMS_AT_A_TIME;
    return Math.max(1, rounds);
  }

  private void run(Item item, Map<String, Item> byId, Set<String> visiting, String requestId) {
    if (item.response != null) {
      return;
    }
    if (!visiting.add(item.id)) {
      throw invalid("The dependsOn chain of '" + item.id + "' is circular.");
    }
    for (String dep : item.dependsOn) {
      Item other = byId.get(dep);
      run(other, byId, visiting, requestId);
      int status = other.response.status();
      if (status < 200 || status > 299) {
        item.response = GraphErrors.render(new GraphException(424, "FailedDependency",
            "The request depends on '" + dep + "', which failed."), requestId, requestId,
            pipeline.clock());
        return;
      }
    }
    try {
      item.response = pipeline.dispatch(item.call);
    } catch (GraphException e) {
      item.response = GraphErrors.render(e, requestId, requestId, pipeline.clock());
    }
  }

  private Item parse(Object o, FakeRequest outer, Principal principal, String requestId) {
    if (!(o instanceof Map)) {
      throw invalid("Each batch request must be a JSON object.");
    }
    Map<?, ?> m = (Map<?, ?>) o;
    Object id = m.get("id");
    Object method = m.get("method");
    Object url = m.get("url");
    if (!(id instanceof String) || ((String) id).isEmpty() || !(method instanceof String)
        || !(url instanceof String)) {
      throw invalid("Each batch request needs string 'id', 'method' and 'url' properties.");
    }
    List<String> dependsOn = new ArrayList<>();
    if (m.get("dependsOn") instanceof List) {
      for (Object d : (List<?>) m.get("dependsOn")) {
        dependsOn.add(String.valueOf(d));
      }
    }
    Item item = new Item((String) id, dependsOn);
    String relative = (String) url;
    if (relative.contains("://")) {
      item.response = GraphErrors.render(GraphException.badRequest("BadRequest",
          "Batch request URLs must be relative."), requestId, requestId, pipeline.clock());
      return item;
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    if (m.get("headers") instanceof Map) {
      ((Map<?, ?>) m.get("headers")).forEach((k, v) ->
          headers.put(String.valueOf(k), List.of(String.valueOf(v))));
    }
    headers.put("Authorization", outer.headers("Authorization"));
    Object body = m.get("body");
    byte[] bytes = body == null ? new byte[0] : (body instanceof String
        ? ((String) body).getBytes(StandardCharsets.UTF_8)
        : Json.write(body).getBytes(StandardCharsets.UTF_8));
    String path = "/v1.0/" + (relative.startsWith("/") ? relative.substring(1) : relative);
    FakeRequest inner = new FakeRequest(((String) method).toUpperCase(java.util.Locale.ROOT),
        outer.baseUrl(), path, headers, bytes);
    try {
      List<String> segments = inner.segments();
      GraphRoute route = GraphRoute.match(inner.method(), segments.subList(1, segments.size()));
      if (route.op() == GraphRoute.Op.BATCH) {
        throw GraphException.badRequest("BadRequest", "A batch cannot contain a batch.");
      }
      item.call = pipeline.prepare(inner, requestId, principal, route);
    } catch (GraphException e) {
      item.response = GraphErrors.render(e, requestId, requestId, pipeline.clock());
    }
    return item;
  }

  private static Map<String, Object> render(Item item) {
    FakeResponse r = item.response;
    Map<String, Object> out = Json.object("id", item.id, "status", r.status());
    Map<String, Object> headers = Json.object();
    r.headers().forEach(headers::put);
    out.put("headers", headers);
    if (r.body().length > 0) {
      try {
        out.put("body", Json.parse(r.bodyString()));
      } catch (Json.JsonException e) {
        out.put("body", r.bodyString());
      }
    }
    return out;
  }

  private List<?> requests(FakeRequest req) {
    Object parsed;
    try {
      parsed = Json.parse(req.bodyString());
    } catch (Json.JsonException e) {
      throw invalid("Invalid batch payload format.");
    }
    if (!(parsed instanceof Map) || !(((Map<?, ?>) parsed).get("requests") instanceof List)) {
      throw invalid("Invalid batch payload format: a 'requests' array is required.");
    }
    List<?> requests = (List<?>) ((Map<?, ?>) parsed).get("requests");
    int max = limiter.limits().maxBatchRequests();
    if (requests.isEmpty() || requests.size() > max) {
      throw invalid("A batch must contain between 1 and " + max + " requests; it has "
          + requests.size() + ".");
    }
    return requests;
  }

  private static GraphException invalid(String message) {
    return GraphException.badRequest("BadRequest", message);
  }
}
