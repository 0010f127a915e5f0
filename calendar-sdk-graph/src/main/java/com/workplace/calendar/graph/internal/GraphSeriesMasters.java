package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the masters of several series of one room calendar together, through {@code $batch}.
 *
 * <p>Exchange runs the items of a batch to one mailbox at once, and counts each against the
 * mailbox's concurrency limit: a batch carries at most as many reads as the mailbox may have in
 * flight ({@link GraphLimits#maxConcurrentPerMailbox()}, 4 by default, and never more than {@link
 * GraphLimits#maxBatchSize()}), and the batches of one call go one after the other. Each item holds
 * a permit of the mailbox while its batch is in flight, and a throttled item is sent again after
 * its own {@code Retry-After}, within the transport's retry policy ({@link BatchExecutor}). A
 * remainder of one read goes alone, as {@link GraphEvents#seriesMaster} reads it.
 *
 * <p>Every answer means what the single read's does: a master, or empty for {@code
 * ErrorItemNotFound}; any other failure (a mailbox Graph cannot find, a throttling that outlasted
 * the retries, no answer) is the exception the single read would throw, and nothing is returned.
 */
final class GraphSeriesMasters {
  private static final String WHAT = "reading a series master";

  private final GraphClient client;
  private final GraphEvents events;
  private final BatchExecutor batches;
  private final GraphLimits limits;

  GraphSeriesMasters(
      GraphClient client, GraphEvents events, BatchExecutor batches, GraphLimits limits) {
    this.client = client;
    this.events = events;
    this.batches = batches;
    this.limits = limits;
  }

  /**
   * Reads masters of one mailbox.
   *
   * @param tenant the tenant
   * @param mailbox the room mailbox
   * @param ids the series masters' ids (an id given twice is read once)
   * @return one entry per id: the master, or empty when Graph does not know the item
   */
  Map<String, Optional<CalendarEvent>> read(
      TenantId tenant, String mailbox, Collection<String> ids) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(ids));
    distinct.forEach(id -> Objects.requireNonNull(id, "a series master id is null"));
    Map<String, Optional<CalendarEvent>> masters = new LinkedHashMap<>();
    int perBatch = Math.min(limits.maxConcurrentPerMailbox(), limits.maxBatchSize());
    for (int from = 0; from < distinct.size(); from += perBatch) {
      List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + perBatch));
      if (chunk.size() == 1) {
        masters.put(chunk.get(0), events.seriesMaster(tenant, mailbox, chunk.get(0)));
      } else {
        masters.putAll(batch(tenant, mailbox, chunk));
      }
    }
    return masters;
  }

  private Map<String, Optional<CalendarEvent>> batch(
      TenantId tenant, String mailbox, List<String> ids) {
    List<BatchItem> items = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      items.add(
          new BatchItem(
              Integer.toString(i + 1),
              "GET",
              client.relative(events.seriesMasterUrl(mailbox, ids.get(i))),
              mailbox,
              null,
              GraphEvents.PREFER_UTC));
    }
    Map<String, BatchResult> results = batches.run(tenant, items);
    Map<String, Optional<CalendarEvent>> masters = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      masters.put(ids.get(i), answer(results.get(Integer.toString(i + 1))));
    }
    return masters;
  }

  /** What one item's answer means, as {@link GraphEvents#seriesMaster} reads a response. */
  static Optional<CalendarEvent> answer(BatchResult result) {
    if (!result.isSuccess()) {
      GraphErrors.GraphError error = GraphErrors.readItem(result.body());
      if (result.status() == 404 && GraphEvents.isItemNotFound(error.code())) {
        return Optional.empty();
      }
      throw GraphErrors.toException(
          WHAT,
          result.status(),
          error,
          GraphErrors.header(result.headers(), "request-id").orElse(null),
          GraphErrors.header(result.headers(), "Retry-After"));
    }
    JsonValue body = result.body();
    if (body == null || !body.isObject()) {
      throw GraphReader.malformed(WHAT + " did not return a JSON object");
    }
    if (body.has("error") && body.path("error").isObject()) {
      throw new CalendarServiceException(
          WHAT + " returned an error in a successful answer: "
              + body.path("error").path("code").asText("unknown"),
          result.status(),
          body.path("error").path("code").asText(null),
          GraphErrors.header(result.headers(), "request-id").orElse(null),
          null,
          null);
    }
    return Optional.of(GraphReader.event(body));
  }
}
