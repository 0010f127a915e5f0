package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphCall;
import java.time.Duration;
import java.util.Optional;

/** One logical call on its way through the transport's stages: the request and its attempts. */
final class GraphExchange {
  final GraphRequest request;
  final long deadlineNanos;
  final String operation;
  final String path;
  int attempt = 1;
  BearerToken token;
  boolean tokenRefreshed;
  /** The pause the last 429 put on the mailbox, as the permit stage applied it. */
  Duration throttleWait;
  /** Why a stage gave up while still returning an answer (e.g. 503 after the last retry). */
  String gaveUpReason;

  GraphExchange(GraphRequest request, long deadlineNanos, String graphBasePath) {
    this.request = request;
    this.deadlineNanos = deadlineNanos;
    this.path = request.url().encodedPath();
    String relative = path.startsWith(graphBasePath) ? path.substring(graphBasePath.length()) : path;
    this.operation = GraphOperations.of(request.method(), relative);
  }

  /** What listeners learn about the current attempt. */
  GraphCall call(int status, Duration elapsed) {
    return new GraphCall(
        request.method(),
        path,
        operation,
        request.tenant().value(),
        Optional.ofNullable(request.mailbox()),
        attempt,
        status,
        elapsed);
  }

  String describe() {
    return request.method() + " " + path;
  }
}
