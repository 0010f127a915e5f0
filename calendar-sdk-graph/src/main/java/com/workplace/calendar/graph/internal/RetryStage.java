package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.graph.GraphEventListener;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends an exchange again when the answer is worth it ({@link RetryPolicy}): a 429 always (its
 * mailbox's penalty, shared by every instance, is the wait: the permit stage waits it out), 502,
 * 503, 504 and no answer when sending twice is harmless, after {@code Retry-After} or a backoff,
 * within the attempts and the deadline.
 */
final class RetryStage implements GraphStage {
  private final RetryPolicy policy;
  private final GraphEventListener listener;

  RetryStage(RetryPolicy policy, GraphEventListener listener) {
    this.policy = policy;
    this.listener = listener;
  }

  @Override
  public GraphResponse handle(GraphExchange exchange, GraphChain next) throws IOException {
    GraphRequest request = exchange.request;
    while (true) {
      GraphResponse response;
      try {
        response = next.proceed(exchange);
      } catch (HttpStage.ResponseTooLargeException e) {
        throw e;
      } catch (IOException e) {
        Duration wait = policy.backoff(exchange.attempt);
        if (!request.retrySafe() || !policy.mayRetry(exchange.attempt, exchange.deadlineNanos, wait)) {
          throw e;
        }
        listener.retrying(exchange.call(0, Duration.ZERO), wait);
        sleep(wait);
        exchange.attempt++;
        continue;
      }
      int status = response.status();
      if (!RetryPolicy.retryable(status, request.retrySafe())) {
        return response;
      }
      Duration wait =
          status == 429 && exchange.throttleWait != null
              ? exchange.throttleWait
              : policy.waitAfter(exchange.attempt, response.header("Retry-After"));
      exchange.throttleWait = null;
      if (!policy.mayRetry(exchange.attempt, exchange.deadlineNanos, wait)) {
        if (status != 429) {
          exchange.gaveUpReason = "service unavailable";
        }
        return response;
      }
      listener.retrying(exchange.call(status, Duration.ZERO), wait);
      if (status != 429 || request.mailbox() == null) {
        sleep(wait);
      }
      exchange.attempt++;
    }
  }

  private static void sleep(Duration wait) {
    try {
      TimeUnit.NANOSECONDS.sleep(wait.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CalendarClientException("interrupted while waiting to retry");
    }
  }
}
