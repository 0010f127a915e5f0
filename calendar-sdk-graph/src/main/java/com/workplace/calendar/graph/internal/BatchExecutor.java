package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;

/**
 * Runs many single-mailbox requests through {@code $batch}: at most 20 per batch, each item holding
 * a permit of its mailbox (shared with every instance on the store) while the batch is in flight,
 * the permits of a batch taken and given back with one call to the store each, throttled items
 * re-queued after their own {@code Retry-After} (with the mailbox penalized everywhere), results
 * matched by id. Item retries follow the transport's {@link RetryPolicy}.
 */
final class BatchExecutor {
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  /** How long an item whose mailbox had no free permit waits before it is offered again. */
  private static final long BUSY_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  /** The most calls to the store one batch's permits may take. */
  private static final int MAX_CLAIM_ROUNDS = 4;

  private final GraphTransport transport;
  private final GraphLimits limits;
  private final ExecutorService executor;

  BatchExecutor(GraphTransport transport, GraphLimits limits, ExecutorService executor) {
    this.transport = transport;
    this.limits = limits;
    this.executor = executor;
  }

  private static final class Pending {
    final BatchItem item;
    int attempts;
    long notBeforeNanos = System.nanoTime();
    /** Since when its mailbox has granted it no permit, or null. */
    Long deniedSinceNanos;

    Pending(BatchItem item) {
      this.item = item;
    }
  }

  private record Sent(
      List<Pending> batch,
      List<MailboxPermits.Lease> leases,
      GraphResponse response,
      RuntimeException failure) {}

  /** Runs the items and returns one result per item id. */
  Map<String, BatchResult> run(TenantId tenant, List<BatchItem> items) {
    Map<String, BatchResult> results = new HashMap<>();
    LinkedList<Pending> pending = new LinkedList<>();
    items.forEach(i -> pending.add(new Pending(i)));
    LinkedBlockingQueue<Sent> done = new LinkedBlockingQueue<>();
    long deadline = transport.retryPolicy().deadlineFromNow();
    int inFlight = 0;
    try {
      while (results.size() < items.size()) {
        boolean submitted = false;
        if (inFlight < limits.maxConcurrentBatches()) {
          List<MailboxPermits.Lease> leases = new ArrayList<>();
          List<Pending> batch = takeBatch(tenant, pending, leases, results);
          if (!batch.isEmpty()) {
            inFlight++;
            submitted = true;
            executor.execute(() -> done.add(send(tenant, batch, leases)));
          }
        }
        Sent sent = submitted ? done.poll() : done.poll(waitNanos(pending), TimeUnit.NANOSECONDS);
        while (sent != null) {
          inFlight--;
          handle(tenant, sent, pending, results, deadline);
          sent = done.poll();
        }
        if (!submitted && inFlight == 0 && pending.isEmpty() && results.size() < items.size()) {
          throw new IllegalStateException("batch bookkeeping lost items");
        }
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CalendarClientException("interrupted while running a batch");
    }
  }

  private long waitNanos(List<Pending> pending) {
    long now = System.nanoTime();
    long soonest = IDLE_POLL_NANOS;
    for (Pending p : pending) {
      soonest = Math.min(soonest, Math.max(1_000_000, p.notBeforeNanos - now));
    }
    return soonest;
  }

  /**
   * Takes up to a batch of due items whose mailboxes grant a permit; the leases in order. An item
   * whose mailbox has granted none for as long as the retry deadline gives up, as a single request
   * waiting for its mailbox does.
   */
  private List<Pending> takeBatch(
      TenantId tenant,
      List<Pending> pending,
      List<MailboxPermits.Lease> leases,
      Map<String, BatchResult> results) {
    long patience = retry().options().deadline().toNanos();
    int size = limits.maxBatchSize();
    long now = System.nanoTime();
    List<Pending> due = new ArrayList<>();
    for (Pending p : pending) {
      if (due.size() >= size * MAX_CLAIM_ROUNDS) {
        break;
      }
      if (p.notBeforeNanos - now <= 0) {
        due.add(p);
      }
    }
    List<Pending> batch = new ArrayList<>();
    List<Pending> gaveUp = new ArrayList<>();
    int from = 0;
    while (from < due.size() && batch.size() < size) {
      List<Pending> candidates = due.subList(from, Math.min(due.size(), from + size - batch.size()));
      from += candidates.size();
      List<String> mailboxes = new ArrayList<>(candidates.size());
      candidates.forEach(p -> mailboxes.add(p.item.mailbox()));
      List<MailboxPermits.Lease> granted = transport.permits().tryAcquireNow(tenant, mailboxes);
      for (int k = 0; k < candidates.size(); k++) {
        Pending p = candidates.get(k);
        if (granted.get(k) != null) {
          batch.add(p);
          leases.add(granted.get(k));
          p.deniedSinceNanos = null;
        } else if (p.deniedSinceNanos != null && now - p.deniedSinceNanos >= patience) {
          gaveUp.add(p);
          results.put(p.item.id(), stayedBusy(tenant, p));
        } else {
          if (p.deniedSinceNanos == null) {
            p.deniedSinceNanos = now;
          }
          p.notBeforeNanos = now + BUSY_RETRY_NANOS;
        }
      }
    }
    if (!batch.isEmpty() || !gaveUp.isEmpty()) {
      Set<Pending> taken = Collections.newSetFromMap(new IdentityHashMap<>());
      taken.addAll(batch);
      taken.addAll(gaveUp);
      pending.removeIf(taken::contains);
    }
    return batch;
  }

  /** The answer of an item whose mailbox stayed paused or busy until the deadline. */
  private BatchResult stayedBusy(TenantId tenant, Pending p) {
    transport
        .listener()
        .gaveUp(call(tenant, p, 429), "mailbox stayed throttled past the deadline");
    JsonValue error = JsonValue.object();
    error
        .putObject("error")
        .put("code", "TooManyRequests")
        .put(
            "message",
            "the mailbox stayed throttled or busy for longer than "
                + retry().options().deadline().toSeconds()
                + " s");
    return new BatchResult(p.item.id(), 429, Map.of(), error);
  }

  private Sent send(TenantId tenant, List<Pending> batch, List<MailboxPermits.Lease> leases) {
    try {
      transport.listener().batchSent(tenant.value(), batch.size());
      JsonValue root = JsonValue.object();
      JsonValue requests = root.putArray("requests");
      for (Pending p : batch) {
        JsonValue r = requests.addObject();
        r.put("id", p.item.id());
        r.put("method", p.item.method());
        r.put("url", p.item.relativeUrl());
        if (p.item.body() != null || !p.item.headers().isEmpty()) {
          JsonValue headers = r.putObject("headers");
          p.item.headers().forEach(headers::put);
          if (p.item.body() != null) {
            r.set("body", p.item.body());
            headers.put("Content-Type", "application/json");
          }
        }
      }
      HttpUrl url = transport.graphBase().newBuilder().addEncodedPathSegment("$batch").build();
      GraphRequest request =
          new GraphRequest(
              "POST",
              url,
              tenant,
              null,
              root.toBytes(),
              Map.of(),
              batch.stream().allMatch(p -> p.item.method().equals("GET")));
      return new Sent(batch, leases, transport.send(request), null);
    } catch (RuntimeException e) {
      return new Sent(batch, leases, null, e);
    }
  }

  private void handle(
      TenantId tenant,
      Sent sent,
      List<Pending> pending,
      Map<String, BatchResult> results,
      long deadline) {
    Map<String, JsonValue> answers = new HashMap<>();
    String containerProblem = null;
    int containerStatus = 0;
    if (sent.failure() != null) {
      containerProblem = sent.failure().getMessage();
      containerStatus =
          sent.failure() instanceof CalendarServiceException s ? s.statusCode() : 0;
    } else if (!sent.response().isSuccess()) {
      containerStatus = sent.response().status();
      containerProblem = "the batch failed with HTTP " + containerStatus;
    } else {
      try {
        JsonValue responses = JsonValue.parse(sent.response().body()).path("responses");
        for (JsonValue r : responses) {
          answers.put(r.path("id").asText(), r);
        }
      } catch (IOException e) {
        containerProblem = "the batch answer is not valid JSON";
      }
    }
    List<MailboxPermits.Outcome> outcomes = new ArrayList<>();
    List<Duration> waits = new ArrayList<>();
    for (Pending p : sent.batch()) {
      JsonValue answer = answers.get(p.item.id());
      if (answer == null) {
        outcomes.add(MailboxPermits.Outcome.NO_ANSWER);
        waits.add(null);
        int status = containerStatus;
        if (containerProblem == null) {
          containerProblem = "the batch answer lacks an item";
        }
        retryOrGiveUp(p, status, Map.of(), pending, results, deadline, containerProblem, null);
        continue;
      }
      int status = answer.path("status").asInt(0);
      Map<String, String> headers = new HashMap<>();
      answer.path("headers").entries().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
      JsonValue body = answer.has("body") ? answer.get("body") : JsonValue.MISSING;
      if (status == 429) {
        Duration wait = retry().waitAfter(p.attempts + 1, GraphErrors.header(headers, "Retry-After"));
        outcomes.add(MailboxPermits.Outcome.THROTTLED);
        waits.add(wait);
        transport.listener().batchItemThrottled(call(tenant, p, status), wait);
        retryOrGiveUp(p, status, headers, pending, results, deadline, null, body);
      } else if (RetryPolicy.retryable(status, true)) {
        outcomes.add(MailboxPermits.Outcome.NO_ANSWER);
        waits.add(null);
        retryOrGiveUp(p, status, headers, pending, results, deadline, null, body);
      } else {
        outcomes.add(MailboxPermits.Outcome.ANSWERED);
        waits.add(null);
        transport.listener().batchItemAnswered(call(tenant, p, status));
        results.put(p.item.id(), new BatchResult(p.item.id(), status, Map.copyOf(headers), body));
      }
    }
    transport.permits().releaseAll(sent.leases(), outcomes, waits);
  }

  private void retryOrGiveUp(
      Pending p,
      int status,
      Map<String, String> headers,
      List<Pending> pending,
      Map<String, BatchResult> results,
      long deadline,
      String problem,
      JsonValue body) {
    p.attempts++;
    Duration wait = retry().waitAfter(p.attempts, GraphErrors.header(headers, "Retry-After"));
    long now = System.nanoTime();
    if (RetryPolicy.retryable(status, true) && retry().mayRetry(p.attempts, deadline, wait)) {
      p.notBeforeNanos = now + wait.toNanos();
      pending.add(p);
      return;
    }
    JsonValue error = JsonValue.object();
    if (body != null && body.isObject()) {
      error = body;
    } else if (problem != null) {
      error.putObject("error").put("code", "BatchFailed").put("message", problem);
    }
    results.put(p.item.id(), new BatchResult(p.item.id(), status, Map.copyOf(headers), error));
  }

  private RetryPolicy retry() {
    return transport.retryPolicy();
  }

  private GraphCall call(TenantId tenant, Pending p, int status) {
    String path = p.item.relativeUrl();
    int q = path.indexOf('?');
    String relative = (q < 0 ? path : path.substring(0, q)).replaceFirst("^/", "");
    return new GraphCall(
        p.item.method(),
        transport.graphBase().encodedPath() + relative,
        GraphOperations.of(p.item.method(), relative),
        tenant.value(),
        Optional.of(p.item.mailbox()),
        p.attempts + 1,
        status,
        Duration.ZERO);
  }
}
