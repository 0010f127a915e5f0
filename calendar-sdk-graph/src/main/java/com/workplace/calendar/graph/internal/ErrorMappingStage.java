package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.graph.GraphEventListener;
import java.io.IOException;
import java.time.Duration;

/**
 * Turns what the retries could not mend into typed exceptions: no answer becomes a {@link
 * CalendarServiceException} with status 0, a 429 that outlasted the retries a {@code
 * ThrottledException}; every other answer goes back to the caller, whose operation knows what its
 * statuses mean (a 404 may be "gone").
 */
final class ErrorMappingStage implements GraphStage {
  private final GraphEventListener listener;

  ErrorMappingStage(GraphEventListener listener) {
    this.listener = listener;
  }

  @Override
  public GraphResponse handle(GraphExchange exchange, GraphChain next) {
    GraphResponse response;
    try {
      response = next.proceed(exchange);
    } catch (HttpStage.ResponseTooLargeException e) {
      listener.gaveUp(exchange.call(0, Duration.ZERO), "response too large");
      throw new CalendarServiceException(
          exchange.describe() + " failed: the response is larger than " + HttpStage.MAX_BODY_BYTES
              + " bytes",
          0,
          null,
          null,
          null,
          null);
    } catch (IOException e) {
      listener.gaveUp(
          exchange.call(0, Duration.ZERO), "connection failed: " + e.getClass().getSimpleName());
      throw new CalendarServiceException(
          exchange.describe() + " failed: no answer from Graph (" + e.getClass().getSimpleName()
              + ")",
          0,
          null,
          null,
          null,
          null);
    }
    if (response.status() == 429) {
      listener.gaveUp(exchange.call(429, Duration.ZERO), "throttled");
      throw GraphErrors.toException(exchange.describe(), response);
    }
    if (exchange.gaveUpReason != null) {
      listener.gaveUp(exchange.call(response.status(), Duration.ZERO), exchange.gaveUpReason);
    }
    return response;
  }
}
