package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The loopback listener that receives the admin-consent redirect. */
class LoopbackConsentListenerTest {
  private final HttpClient browser = HttpClient.newHttpClient();

  private CompletableFuture<HttpResponse<String>> open(URI uri) {
    return browser.sendAsync(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void handsTheRedirectsQueryOverAndAnswersTheBrowserWithThePage() throws Exception {
    try (LoopbackConsentListener listener =
        LoopbackConsentListener.start(URI.create("http://localhost:0/calendar-admin/consent"))) {
      assertThat(listener.redirectUri().getPort()).isPositive();
      listener.expect();
      CompletableFuture<HttpResponse<String>> page =
          open(URI.create(listener.redirectUri() + "?admin_consent=True&tenant=abc&state=xyz"));
      LoopbackConsentListener.Arrival arrival = listener.await(Duration.ofSeconds(10));
      assertThat(arrival.rawQuery()).isEqualTo("admin_consent=True&tenant=abc&state=xyz");
      arrival.page().complete(LoopbackConsentListener.page("Account Verified", "<done> & dusted"));
      HttpResponse<String> response = page.get();
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("Account Verified").contains("&lt;done&gt; &amp; dusted");
      assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }
  }

  @Test
  void servesNothingElseAndNothingWhenNotWaiting() throws Exception {
    try (LoopbackConsentListener listener =
        LoopbackConsentListener.start(URI.create("http://127.0.0.1:0/cb"))) {
      URI base = listener.redirectUri();
      assertThat(open(base.resolve("/favicon.ico")).get().statusCode()).isEqualTo(404);
      assertThat(open(URI.create(base + "?state=x")).get().statusCode()).as("not expecting").isEqualTo(409);
    }
  }

  @Test
  void timesOut() {
    try (LoopbackConsentListener listener =
        LoopbackConsentListener.start(URI.create("http://localhost:0/cb"))) {
      listener.expect();
      assertThatThrownBy(() -> listener.await(Duration.ofMillis(200))).isInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void aWaitTheAdministratorCannotEndStopsWithTheReason() {
    try (LoopbackConsentListener listener = LoopbackConsentListener.start(URI.create("http://localhost:0/cb"))) {
      listener.expect();
      AdminException refused = AdminException.configuration("the consent page refused", "check the tenant");
      listener.abandon(refused);
      assertThatThrownBy(() -> listener.await(Duration.ofMinutes(5))).isSameAs(refused);
    }
  }

  @Test
  void refusesRedirectUrisItCannotReceive() {
    assertThatThrownBy(() -> LoopbackConsentListener.requireLoopback(URI.create("https://workplace.example.com/consent")))
        .isInstanceOf(AdminException.class)
        .hasMessageContaining("http://localhost:PORT/PATH");
  }
}
