package com.workplace.calendar.testkit.internal;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One Graph operation being processed: request, caller, tenant, mailbox and preferences. */
public final class GraphCall {

  private final FakeRequest request;
  private final String requestId;
  private final Principal principal;
  private final TenantState tenant;
  private final MailboxState mailbox;
  private final GraphRoute route;
  private final Map<String, String> prefer = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final List<String> applied = new ArrayList<>();

  GraphCall(FakeRequest request, String requestId, Principal principal, TenantState tenant,
      MailboxState mailbox, GraphRoute route) {
    this.request = request;
    this.requestId = requestId;
    this.principal = principal;
    this.tenant = tenant;
    this.mailbox = mailbox;
    this.route = route;
    for (String header : request.headers("Prefer")) {
      for (String part : header.split(",")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          String value = part.substring(eq + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          prefer.put(part.substring(0, eq).trim(), value);
        }
      }
    }
  }

  public FakeRequest request() {
    return request;
  }

  public String requestId() {
    return requestId;
  }

  public Principal principal() {
    return principal;
  }

  public TenantState tenant() {
    return tenant;
  }

  /** The mailbox of a mailbox-scoped operation, else null. */
  public MailboxState mailbox() {
    return mailbox;
  }

  public GraphRoute route() {
    return route;
  }

  /** Graph's root on this fake as the client addressed it, e.g. {@code https://localhost:1/v1.0}. */
  public String graphBase() {
    return request.baseUrl() + "/v1.0";
  }

  /** The zone of {@code Prefer: outlook.timezone}, UTC when absent or unknown. */
  public ZoneId zone() {
    String name = prefer.get("outlook.timezone");
    ZoneId zone = GraphTime.zone(name);
    return zone == null ? ZoneOffset.UTC : zone;
  }

  /** The zone name echoed in {@code timeZone} properties. */
  public String zoneName() {
    String name = prefer.get("outlook.timezone");
    if (name != null && GraphTime.zone(name) != null) {
      if (!applied.contains("outlook.timezone")) {
        applied.add("outlook.timezone");
      }
      return name;
    }
    return "UTC";
  }

  /** {@code Prefer: odata.maxpagesize}, or the fallback when absent or not a positive number. */
  public int maxPageSize(int fallback) {
    String value = prefer.get("odata.maxpagesize");
    if (value != null) {
      try {
        int n = Integer.parseInt(value.trim());
        if (n > 0) {
          applied.add("odata.maxpagesize=" + n);
          return n;
        }
      } catch (NumberFormatException ignored) {
        // fall back
      }
    }
    return fallback;
  }

  /** Adds {@code Preference-Applied} to a response when preferences were honoured. */
  public FakeResponse withPreferences(FakeResponse response) {
    if (!applied.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String a : applied) {
        parts.add(a.equals("outlook.timezone")
            ? "outlook.timezone=\"" + prefer.get("outlook.timezone") + "\"" : a);
      }
      response.header("Preference-Applied", String.join(", ", parts));
    }
    return response;
  }

  /** The parsed JSON object body. */
  public Map<String, Object> jsonBody() {
    try {
      return Json.parseObject(request.bodyString());
    } catch (Json.JsonException e) {
      throw GraphException.malformedBody();
    }
  }

  /** {@code $top} as a positive number, or the fallback; clamped to {@code max}. */
  public int top(int fallback, int max) {
    String value = request.query("$top");
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return Math.min(n, max);
    } catch (NumberFormatException e) {
      throw GraphException.badRequest("BadRequest", "Invalid $top value '" + value
          + "': it must be a positive integer.");
    }
  }

  /** {@code $skip} (or a numeric {@code $skiptoken}) as a non-negative offset. */
  public int skip() {
    String value = request.query("$skip");
    if (value == null) {
      value = request.query("$skiptoken");
    }
    if (value == null) {
      return 0;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw GraphException.badRequest("BadRequest", "Invalid $skip value '" + value + "'.");
    }
  }
}
