package com.workplace.calendar.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP request as the fake's handlers see it: decoded path segments and query parameters. */
public final class FakeRequest {

  private final String method;
  private final String baseUrl;
  private final String rawPath;
  private final String rawQuery;
  private final List<String> segments;
  private final Map<String, List<String>> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  /**
   * Creates a request.
   *
   * @param method the HTTP method
   * @param baseUrl scheme, host and port, e.g. {@code https://localhost:8443}
   * @param pathAndQuery the raw (still encoded) path with an optional query string
   * @param headers header names to values (names are matched case-insensitively)
   * @param body the body, empty when there is none
   */
  public FakeRequest(
      String method,
      String baseUrl,
      String pathAndQuery,
      Map<String, List<String>> headers,
      byte[] body) {
    this.method = method.toUpperCase(Locale.ROOT);
    this.baseUrl = baseUrl;
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    this.rawPath = path.startsWith("/") ? path : "/" + path;
    this.rawQuery = q < 0 ? "" : pathAndQuery.substring(q + 1);
    List<String> segs = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        segs.add(UrlCodec.decode(s, false));
      }
    }
    this.segments = Collections.unmodifiableList(segs);
    this.query = UrlCodec.parseParameters(rawQuery, false);
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    this.headers = h;
    this.body = body == null ? new byte[0] : body;
  }

  public String method() {
    return method;
  }

  /** Scheme, host and port the client used, without a trailing slash. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The raw path, still percent-encoded, starting with {@code /}. */
  public String rawPath() {
    return rawPath;
  }

  /** The raw query string without {@code ?}; empty when there is none. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The path and query as received. */
  public String pathAndQuery() {
    return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
  }

  /** The decoded, non-empty path segments. */
  public List<String> segments() {
    return segments;
  }

  /** The first value of a query parameter (name matched case-insensitively) or null. */
  public String query(String name) {
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  /** The first value of a header or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** All values of a header (never null). */
  public List<String> headers(String name) {
    List<String> values = headers.get(name);
    return values == null ? List.of() : values;
  }

  public byte[] body() {
    return body;
  }

  public String bodyString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Parses the body as an {@code application/x-www-form-urlencoded} form. */
  public Map<String, List<String>> form() {
    return UrlCodec.parseParameters(bodyString(), true);
  }
}
