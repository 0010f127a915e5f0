package com.workplace.calendar.spring.web;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.sync.NotificationReceiver;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.NotificationResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The change and lifecycle notification endpoint: reads at most {@link
 * NotificationReceiver#MAX_BODY_BYTES} plus one byte of the body, hands the request to the SDK's
 * {@link NotificationReceiver} (validation handshake, {@code clientState} and tenant checks, size
 * limit; valid notifications only queue a delta round) and writes its answer. Nothing of the
 * request is logged here.
 *
 * @since 0.2.0
 */
public final class NotificationHandler {
  private static final int MAX_HEADERS = 100;

  private final CalendarService service;

  /**
   * Creates the handler.
   *
   * @param service the service whose receiver answers
   */
  public NotificationHandler(CalendarService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Handles one request.
   *
   * @param request the request
   * @return the receiver's answer
   * @throws IOException if the body cannot be read
   */
  public ServerResponse handle(ServerRequest request) throws IOException {
    HttpServletRequest http = request.servletRequest();
    byte[] body;
    try (InputStream in = http.getInputStream()) {
      body = in.readNBytes(NotificationReceiver.MAX_BODY_BYTES + 1);
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(http.getHeaderNames())) {
      if (headers.size() >= MAX_HEADERS) {
        break;
      }
      headers.put(name, Collections.list(http.getHeaders(name)));
    }
    String query = http.getQueryString();
    NotificationResponse answer =
        service
            .sync()
            .notifications()
            .handle(new NotificationRequest(http.getMethod(), query == null ? "" : query, headers, body));
    return ServerResponse.status(answer.status())
        .contentType(MediaType.parseMediaType(answer.contentType()))
        .header("Cache-Control", "no-store")
        .body(answer.body());
  }
}
