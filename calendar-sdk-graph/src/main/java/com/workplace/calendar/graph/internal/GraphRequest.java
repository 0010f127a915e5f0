package com.workplace.calendar.graph.internal;

import com.workplace.calendar.tenant.TenantId;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One Graph request.
 *
 * @param method the HTTP method
 * @param url the absolute URL, already checked to be on the Graph endpoint
 * @param tenant the tenant whose token authorizes it
 * @param mailbox the mailbox it is charged to, or {@code null} for tenant-level requests
 * @param body the JSON body, or {@code null}
 * @param headers extra headers (e.g. {@code Prefer})
 * @param retrySafe whether sending it twice is harmless (GET, PATCH, DELETE, or a create with a
 *     transaction id)
 */
record GraphRequest(
    String method,
    HttpUrl url,
    TenantId tenant,
    String mailbox,
    byte[] body,
    Map<String, String> headers,
    boolean retrySafe) {
  GraphRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(tenant, "tenant");
    headers = Map.copyOf(headers);
  }

  static GraphRequest get(HttpUrl url, TenantId tenant, String mailbox) {
    return new GraphRequest("GET", url, tenant, mailbox, null, Map.of(), true);
  }

  @Override
  public String toString() {
    return method + " " + url.encodedPath();
  }
}
