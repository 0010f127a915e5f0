package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/** Small helpers over the transport: URLs, JSON requests, paging. */
final class GraphClient {
  /** The most pages one listing follows before it is treated as a loop. */
  static final int MAX_PAGES = 10_000;

  private final GraphTransport transport;

  GraphClient(GraphTransport transport) {
    this.transport = transport;
  }

  GraphTransport transport() {
    return transport;
  }

  /** {@code {graph}/users/{mailbox}/...} with each segment encoded. */
  HttpUrl.Builder user(String mailbox, String... segments) {
    HttpUrl.Builder url = transport.graphBase().newBuilder().addPathSegment("users").addPathSegment(mailbox);
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url;
  }

  HttpUrl.Builder path(String... segments) {
    HttpUrl.Builder url = transport.graphBase().newBuilder();
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return url;
  }

  /** The part of a URL after the version root, with a leading slash, for {@code $batch} items. */
  String relative(HttpUrl url) {
    String base = transport.graphBase().toString();
    String full = url.toString();
    return "/" + full.substring(base.length());
  }

  GraphResponse send(GraphRequest request) {
    return transport.send(request);
  }

  GraphResponse sendJson(
      String method, HttpUrl url, TenantId tenant, String mailbox, JsonValue body, boolean retrySafe, Map<String, String> headers) {
    byte[] bytes = body == null ? null : body.toBytes();
    return transport.send(new GraphRequest(method, url, tenant, mailbox, bytes, headers, retrySafe));
  }

  /** The JSON body of a successful answer, or a typed error. */
  static JsonValue successJson(GraphResponse response, String what) {
    if (!response.isSuccess()) {
      throw GraphErrors.toException(what, response);
    }
    return readJson(response, what);
  }

  /**
   * Checks a successful answer to a call that needs no body (cancel, delete): it must have none, or a
   * JSON object that is not an error. Garbage or an error body means the answer cannot be taken as
   * proof that the change was made.
   *
   * @throws CalendarServiceException if the body is not JSON or carries an error
   */
  static void checkNoContent(GraphResponse response, String what) {
    byte[] body = response.body();
    if (body == null || new String(body, StandardCharsets.UTF_8).isBlank()) {
      return;
    }
    readJson(response, what);
  }

  static JsonValue readJson(GraphResponse response, String what) {
    if (response.body().length == 0) {
      throw GraphReader.malformed(what + " did not return a JSON object");
    }
    try {
      JsonValue node = JsonValue.parse(response.body());
      if (node == null || !node.isObject()) {
        throw GraphReader.malformed(what + " did not return a JSON object");
      }
      if (node.has("error") && node.path("error").isObject()) {
        throw new CalendarServiceException(
            what + " returned an error in a successful answer: "
                + node.path("error").path("code").asText("unknown"),
            response.status(),
            node.path("error").path("code").asText(null),
            response.requestId(),
            null,
            null);
      }
      return node;
    } catch (IOException e) {
      throw GraphReader.malformed(what + " returned invalid JSON");
    }
  }

  /** Follows {@code @odata.nextLink} from a first page, handing each page's {@code value} items on. */
  void forEachPage(
      HttpUrl first, TenantId tenant, String mailbox, Map<String, String> headers, String what, Consumer<JsonValue> item) {
    Set<String> seen = new HashSet<>();
    HttpUrl url = first;
    for (int page = 0; page < MAX_PAGES; page++) {
      if (!seen.add(url.toString())) {
        throw GraphReader.malformed(what + " repeats a page link (a paging loop)");
      }
      GraphResponse response = send(new GraphRequest("GET", url, tenant, mailbox, null, headers, true));
      JsonValue body = successJson(response, what);
      JsonValue value = body.path("value");
      if (!value.isArray()) {
        throw GraphReader.malformed(what + " has no value array");
      }
      value.forEach(item);
      JsonValue next = body.get("@odata.nextLink");
      if (next == null || next.isNull()) {
        return;
      }
      if (!next.isTextual()) {
        throw GraphReader.malformed(what + " has a next link that is not text");
      }
      url = transport.checkedLink(next.asText());
    }
    throw GraphReader.malformed(what + " has more than " + MAX_PAGES + " pages");
  }
}
