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
 * its mailbox's gate slot while the batch is in flight, throttled items re-queued after their own
 * {@code Retry-After}, results matched by id.
 */
final class BatchExecutor {
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

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

    Pending(BatchItem item) {
      this.item = item;
    }
  }

  private record Sent(List<Pending> batch, GraphResponse response, RuntimeException failure) {}

  /** Runs the items and returns one result per item id. */
  Map<String, BatchResult> run(TenantId tenant, List<BatchItem> items) {
    Map<String, BatchResult> results = new HashMap<>();
    LinkedList<Pending> pending = new LinkedList<>();
    items.forEach(i -> pending.add(new Pending(i)));
    LinkedBlockingQueue<Sent> done = new LinkedBlockingQueue<>();
    long deadline = System.nanoTime() + transport.retryOptions().deadline().toNanos();
    int inFlight = 0;
    try {
      while (results.size() < items.size()) {
        boolean submitted = false;
        if (inFlight < limits.maxConcurrentBatches()) {
          List<Pending> batch = takeBatch(tenant, pending);
          if (!batch.isEmpty()) {
            inFlight++;
            submitted = true;
            executor.execute(() -> done.add(send(tenant, batch)));
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

  private List<Pending> takeBatch(TenantId tenant, List<Pending> pending) {
    List<Pending> batch = new ArrayList<>();
    long now = System.nanoTime();
    Iterator<Pending> it = pending.iterator();
    while (it.hasNext() && batch.size() < limits.maxBatchSize()) {
      Pending p = it.next();
      if (p.notBeforeNanos - now > 0) {
        continue;
      }
      if (transport.gates().of(tenant, p.item.mailbox()).tryAcquire()) {
        it.remove();
        batch.add(p);
      }
    }
    return batch;
  }

  private Sent send(TenantId tenant, List<Pending> batch) {
    try {
      JsonValue root = JsonValue.object();
      JsonValue requests = root.putArray("requests");
      for (Pending p : batch) {
        JsonValue r = requests.addObject();
        r.put("id", p.item.id());
        r.put("method", p.item.method());
        r.put("url", p.item.relativeUrl());
        if (p.item.body() != null) {
          r.set("body", p.item.body());
          r.putObject("headers").put("Content-Type", "application/json");
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
      return new Sent(batch, transport.send(request), null);
    } catch (RuntimeException e) {
      return new Sent(batch, null, e);
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
    for (Pending p : sent.batch()) {
      MailboxGate gate = transport.gates().of(tenant, p.item.mailbox());
      JsonValue answer = answers.get(p.item.id());
      if (answer == null) {
        gate.release(false);
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
        Duration wait = retryAfter(headers).orElseGet(() -> Backoff.fullJitter(transport.retryOptions(), p.attempts + 1));
        gate.penalize(wait);
        gate.release(false);
        transport.listener().throttled(call(tenant, p, status), wait);
        retryOrGiveUp(p, status, headers, pending, results, deadline, null, body);
      } else if (status == 503 || status == 504 || status == 0) {
        gate.release(false);
        retryOrGiveUp(p, status, headers, pending, results, deadline, null, body);
      } else {
        gate.release(true);
        transport.listener().responseReceived(call(tenant, p, status));
        results.put(p.item.id(), new BatchResult(p.item.id(), status, Map.copyOf(headers), body));
      }
    }
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
    Duration wait =
        retryAfter(headers).orElseGet(() -> Backoff.fullJitter(transport.retryOptions(), p.attempts));
    long now = System.nanoTime();
    boolean retryable = status == 0 || status == 429 || status >= 500;
    if (retryable
        && p.attempts < transport.retryOptions().maxAttempts()
        && now + wait.toNanos() - deadline < 0) {
      p.notBeforeNanos = now + wait.toNanos();
      pending.add(p);
      return;
    }
    JsonValue error = JsonValue.object();
    if (body != null && body.isObject()) {
      error = (JsonValue) body;
    } else if (problem != null) {
      error.putObject("error").put("code", "BatchFailed").put("message", problem);
    }
    results.put(p.item.id(), new BatchResult(p.item.id(), status, Map.copyOf(headers), error));
  }

  private static Optional<Duration> retryAfter(Map<String, String> headers) {
    return GraphErrors.header(headers, "Retry-After").flatMap(v -> RetryAfter.parse(v, Instant.now()));
  }

  private GraphCall call(TenantId tenant, Pending p, int status) {
    String path = p.item.relativeUrl();
    int q = path.indexOf('?');
    return new GraphCall(
        p.item.method(),
        transport.graphBase().encodedPath() + (q < 0 ? path : path.substring(0, q)).replaceFirst("^/", ""),
        tenant.value(),
        Optional.of(p.item.mailbox()),
        p.attempts + 1,
        status);
  }
}
