package com.workplace.calendar.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response produced by a handler; turned into a WireMock response by the bridge. */
public final class FakeResponse {

  /** Graph's JSON content type. */
  public static final String GRAPH_JSON =
      "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;"
          + "charset=utf-8";

  /** What the connection does instead of answering normally. */
  public enum Fault {
    /** Answer normally. */
    NONE,
    /** Reset the connection (TCP RST) without answering. */
    CONNECTION_RESET
  }

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] body;
  private Fault fault = Fault.NONE;

  private FakeResponse(int status, byte[] body) {
    this.status = status;
    this.body = body;
  }

  /** A response with a JSON body in Graph's content type. */
  public static FakeResponse json(int status, Object value) {
    return new FakeResponse(status, Json.write(value).getBytes(StandardCharsets.UTF_8))
        .header("Content-Type", GRAPH_JSON);
  }

  /** A response with a JSON body in plain {@code application/json}. */
  public static FakeResponse plainJson(int status, Object value) {
    return new FakeResponse(status, Json.write(value).getBytes(StandardCharsets.UTF_8))
        .header("Content-Type", "application/json; charset=utf-8");
  }

  /** A response with a raw body and content type. */
  public static FakeResponse raw(int status, String contentType, String body) {
    FakeResponse r = new FakeResponse(status, body.getBytes(StandardCharsets.UTF_8));
    if (contentType != null) {
      r.header("Content-Type", contentType);
    }
    return r;
  }

  /** An HTML page. */
  public static FakeResponse html(int status, String html) {
    return raw(status, "text/html; charset=utf-8", html);
  }

  /** A response without a body. */
  public static FakeResponse empty(int status) {
    return new FakeResponse(status, new byte[0]);
  }

  /** A 302 redirect. */
  public static FakeResponse redirect(String location) {
    return empty(302).header("Location", location);
  }

  /** A connection reset instead of a response. */
  public static FakeResponse connectionReset() {
    FakeResponse r = empty(0);
    r.fault = Fault.CONNECTION_RESET;
    return r;
  }

  /** Sets a header, replacing an earlier value of the same name. */
  public FakeResponse header(String name, String value) {
    headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
    headers.put(name, value);
    return this;
  }

  /** Sets a header only when it is not set yet. */
  public FakeResponse headerIfAbsent(String name, String value) {
    for (String k : headers.keySet()) {
      if (k.equalsIgnoreCase(name)) {
        return this;
      }
    }
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public byte[] body() {
    return body;
  }

  public String bodyString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public Fault fault() {
    return fault;
  }
}
