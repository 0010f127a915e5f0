package com.workplace.calendar.examples.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The demo tenant's administrator, with the embedded fake only: opens the consent URL like a
 * browser, accepts (the fake's consent page accepts at once), and follows the redirect back to the
 * tool's loopback listener, exactly the path a real browser takes.
 */
final class SimulatedAdministrator {
  private SimulatedAdministrator() {}

  /**
   * Starts the visit in the background.
   *
   * @return the HTTP status of the page the tool answered at the redirect URI
   */
  static CompletableFuture<Integer> visit(URI consentUri, SSLContext fakeTrust) {
    ExecutorService thread =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "simulated-administrator");
              t.setDaemon(true);
              return t;
            });
    CompletableFuture<Integer> result =
        CompletableFuture.supplyAsync(() -> browse(consentUri, fakeTrust), thread);
    result.whenComplete((status, error) -> thread.shutdown());
    return result;
  }

  private static int browse(URI consentUri, SSLContext fakeTrust) {
    HttpClient browser =
        HttpClient.newBuilder()
            .sslContext(fakeTrust)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    try {
      HttpResponse<Void> consentPage =
          browser.send(
              HttpRequest.newBuilder(consentUri).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      String location =
          consentPage
              .headers()
              .firstValue("Location")
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the consent page answered " + consentPage.statusCode() + " without a redirect"));
      HttpResponse<String> landing =
          browser.send(
              HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofMinutes(4)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return landing.statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("the simulated browser failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the simulated browser was interrupted", e);
    }
  }
}
