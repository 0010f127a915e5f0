package com.workplace.calendar.examples.admin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;

/**
 * The demo tenant's administrator, with the embedded fake only: opens the consent URL like a
 * browser, accepts (the fake's consent page accepts at once), and follows the redirect back to the
 * tool's loopback listener, exactly the path a real browser takes. When the identity platform
 * answers with an error page instead of a redirect, the visit fails with what the page says.
 */
final class SimulatedAdministrator {
  private static final Pattern ERROR_PARAGRAPH =
      Pattern.compile("<p id=\"error\">(.*?)</p>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
  private static final Pattern AADSTS = Pattern.compile("AADSTS(\\d+)");
  private static final int MAX_PAGE_TEXT = 300;

  /** The identity platform answered the consent URL with an error page, not a redirect. */
  static final class ConsentPageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String pageText;

    ConsentPageError(int status, String pageText) {
      super("the consent page answered " + status + ": " + pageText, null, false, false);
      this.status = status;
      this.pageText = pageText;
    }

    /** The HTTP status of the page. */
    int status() {
      return status;
    }

    /** The error the page shows, e.g. {@code AADSTS90002: Tenant '...' not found. ...}. */
    String pageText() {
      return pageText;
    }

    /** The AADSTS number in the page's error, if it names one. */
    Optional<String> aadsts() {
      Matcher m = AADSTS.matcher(pageText);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
  }

  private SimulatedAdministrator() {}

  /**
   * Starts the visit in the background; when it fails before the redirect reaches the listener (the
   * consent page shows an error, the browser fails), the listener's wait ends with that failure
   * instead of running into its timeout.
   *
   * @param consentUri the consent URL
   * @param fakeTrust trust for the fake's certificate
   * @param listener the listener that expects the redirect
   */
  static void visit(URI consentUri, SSLContext fakeTrust, LoopbackConsentListener listener) {
    visit(consentUri, fakeTrust)
        .whenComplete(
            (status, failure) -> {
              if (failure != null) {
                listener.abandon(
                    failure.getCause() instanceof RuntimeException cause
                        ? cause
                        : new IllegalStateException("the simulated administrator failed", failure));
              }
            });
  }

  /**
   * Starts the visit in the background.
   *
   * @return the HTTP status of the page the tool answered at the redirect URI; fails with a {@link
   *     ConsentPageError} when the consent page does not redirect
   */
  private static CompletableFuture<Integer> visit(URI consentUri, SSLContext fakeTrust) {
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
      HttpResponse<String> consentPage =
          browser.send(
              HttpRequest.newBuilder(consentUri).timeout(Duration.ofSeconds(30)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      Optional<String> location = consentPage.headers().firstValue("Location");
      if (location.isEmpty()) {
        throw new ConsentPageError(consentPage.statusCode(), errorOf(consentPage.body()));
      }
      HttpResponse<String> landing =
          browser.send(
              HttpRequest.newBuilder(URI.create(location.get())).timeout(Duration.ofMinutes(4)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return landing.statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("the simulated browser failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the simulated browser was interrupted", e);
    }
  }

  /** The error an identity platform page shows: its error paragraph, else its text. */
  static String errorOf(String html) {
    Matcher m = ERROR_PARAGRAPH.matcher(html == null ? "" : html);
    String text = m.find() ? m.group(1) : String.valueOf(html);
    text = unescape(text.replaceAll("<[^>]*>", " ")).replaceAll("\\s+", " ").strip();
    if (text.isEmpty()) {
      return "(the page shows no error text)";
    }
    return text.length() > MAX_PAGE_TEXT ? text.substring(0, MAX_PAGE_TEXT) + "..." : text;
  }

  private static String unescape(String text) {
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }
}
