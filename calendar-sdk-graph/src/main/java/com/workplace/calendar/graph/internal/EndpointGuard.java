package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarClientException;
import okhttp3.HttpUrl;

/**
 * The one check that a URL is on the configured Graph endpoint (same scheme, host and port, under
 * its path), applied to every request before a token is attached and to every link the service
 * hands back ({@code @odata.nextLink}, {@code @odata.deltaLink}) before it is followed.
 */
final class EndpointGuard {
  private final HttpUrl base;

  EndpointGuard(HttpUrl base) {
    this.base = base;
  }

  HttpUrl base() {
    return base;
  }

  /** Tells whether a URL is on the endpoint. */
  boolean allows(HttpUrl url) {
    return url != null
        && url.scheme().equals(base.scheme())
        && url.host().equalsIgnoreCase(base.host())
        && url.port() == base.port()
        && url.encodedPath().startsWith(base.encodedPath());
  }

  /**
   * Parses and checks a link given by the service.
   *
   * @throws CalendarClientException if it points anywhere else; no request is sent
   */
  HttpUrl checkedLink(String link) {
    HttpUrl url = HttpUrl.parse(link);
    if (!allows(url)) {
      throw new CalendarClientException(
          "refusing to follow a link to " + describe(url)
              + ": links must stay on the configured Graph endpoint " + base.host());
    }
    return url;
  }

  /**
   * Checks a request's URL before a token is attached to it.
   *
   * @throws CalendarClientException if it is not on the endpoint
   */
  void check(HttpUrl url) {
    if (!allows(url)) {
      throw new CalendarClientException(
          "refusing to send a token to " + describe(url) + ": not the configured Graph endpoint");
    }
  }

  private static String describe(HttpUrl url) {
    return url == null ? "an unreadable URL" : url.host();
  }
}
