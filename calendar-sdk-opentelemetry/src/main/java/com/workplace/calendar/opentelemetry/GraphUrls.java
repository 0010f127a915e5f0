package com.workplace.calendar.opentelemetry;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a Graph request path into what a span may carry: a {@code url.template} without addresses
 * or ids, and a {@code url.full} with every user and address segment redacted.
 */
final class GraphUrls {
  static final String REDACTED = "REDACTED";
  private static final Set<String> ID_AFTER = Set.of("events", "subscriptions", "instances");

  private final String origin;
  private final String host;
  private final int port;

  GraphUrls(URI endpoint) {
    String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
    this.host = endpoint.getHost();
    int given = endpoint.getPort();
    this.port = given > 0 ? given : scheme.equals("http") ? 80 : 443;
    boolean defaultPort = (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    this.origin = scheme + "://" + hostPart + (defaultPort ? "" : ":" + port);
  }

  String host() {
    return host;
  }

  int port() {
    return port;
  }

  /** The full URL with user and address segments redacted; no query is ever known here. */
  String redactedUrl(String path) {
    return origin + rewrite(path, false);
  }

  /** The path with placeholders for users, addresses and ids. */
  static String template(String path) {
    return rewrite(path, true);
  }

  private static String rewrite(String path, boolean template) {
    String[] segments = path.split("/", -1);
    StringBuilder out = new StringBuilder(path.length());
    String previous = "";
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (i > 0) {
        out.append('/');
      }
      String replaced = s;
      String lower = s.toLowerCase(Locale.ROOT);
      if (previous.equals("users") && !s.isEmpty()) {
        replaced = template ? "{user}" : REDACTED;
      } else if (lower.contains("@") || lower.contains("%40")) {
        replaced = template ? "{address}" : REDACTED;
      } else if (template && ID_AFTER.contains(previous) && !s.isEmpty() && !s.startsWith("$")
          && !s.startsWith("microsoft.graph")) {
        replaced = "{id}";
      }
      out.append(replaced);
      previous = s;
    }
    return out.toString();
  }
}
