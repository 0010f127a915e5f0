package com.workplace.calendar.graph.internal;

import java.net.URI;
import java.util.Locale;

/** The one check of the endpoints a service is configured with. */
public final class Endpoints {
  private Endpoints() {}

  /**
   * Requires an absolute https URI, or http on a loopback address (for local tests and the
   * consent redirect of command-line tools).
   *
   * @param uri the URI
   * @param name the setting's name, for the message
   * @throws IllegalStateException if it is neither
   */
  public static void requireHttpsOrLoopback(URI uri, String name) {
    String scheme = scheme(uri);
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri))) {
      throw new IllegalStateException(name + " must be an https URI (http only for loopback)");
    }
    requireHost(uri, name);
  }

  /**
   * Requires an absolute https URI.
   *
   * @param uri the URI
   * @param name the setting's name, for the message
   * @throws IllegalStateException if it is not
   */
  public static void requireHttps(URI uri, String name) {
    if (!scheme(uri).equals("https")) {
      throw new IllegalStateException(name + " must be an https URI");
    }
    requireHost(uri, name);
  }

  /**
   * Adds a trailing slash to a root URI when it has none.
   *
   * @param uri the URI
   * @return the URI ending in a slash
   */
  public static URI withSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? uri : URI.create(text + "/");
  }

  private static void requireHost(URI uri, String name) {
    if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalStateException(
          name + " must be an absolute URI with a host and without query or fragment");
    }
  }

  private static String scheme(URI uri) {
    return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
  }

  private static boolean isLoopback(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
  }
}
