package com.workplace.calendar.spring.app;

import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The administrator's browser on the fake's consent page. */
public final class Consent {
  private Consent() {}

  /**
   * Opens a consent URL and returns where the identity platform sends the browser back.
   *
   * @param m365 the fake
   * @param consentUri the URL the SDK made
   * @return the redirect's target, with its query
   */
  public static URI redirectFrom(FakeMicrosoft365 m365, URI consentUri) throws IOException, InterruptedException {
    HttpClient browser =
        HttpClient.newBuilder()
            .sslContext(m365.sslContext())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<Void> page =
        browser.send(HttpRequest.newBuilder(consentUri).GET().build(), HttpResponse.BodyHandlers.discarding());
    if (page.statusCode() != 302) {
      throw new IllegalStateException("the consent page answered " + page.statusCode());
    }
    return URI.create(page.headers().firstValue("Location").orElseThrow());
  }
}
