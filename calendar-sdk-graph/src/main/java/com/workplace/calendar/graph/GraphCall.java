package com.workplace.calendar.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link GraphEventListener} learns about one HTTP request. It never carries a token, a
 * query string or a body.
 *
 * @param method the HTTP method
 * @param path the URL path (no query), e.g. {@code /v1.0/users/room@contoso.com/calendar}
 * @param tenant the tenant ID
 * @param mailbox the mailbox the request is charged to, if any
 * @param attempt the attempt number, from 1
 * @param status the HTTP status, or 0 when no response was received
 * @since 0.1.0
 */
public record GraphCall(
    String method, String path, String tenant, Optional<String> mailbox, int attempt, int status) {
  /** Validates the record. */
  public GraphCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(mailbox, "mailbox");
  }
}
