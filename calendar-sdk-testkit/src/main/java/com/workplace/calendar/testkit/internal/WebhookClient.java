package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.WebhookDelivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * Makes the fake's outgoing calls: subscription validation requests and notification POSTs.
 * Every call is recorded as a {@link WebhookDelivery}.
 */
public final class WebhookClient {

  private final HttpClient http;
  private final Clock clock;
  private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
  private volatile Duration validationTimeout;

  public WebhookClient(Clock clock, Duration validationTimeout, SSLContext sslContext) {
    this.clock = clock;
    this.validationTimeout = validationTimeout;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1);
    if (sslContext != null) {
      builder.sslContext(sslContext);
    }
    this.http = builder.build();
  }

  public List<WebhookDelivery> deliveries() {
    return List.copyOf(deliveries);
  }

  public void clear() {
    deliveries.clear();
  }

  /**
   * Checks a notification URL: {@code https}, or {@code http} on a loopback host.
   *
   * @param url the URL
   * @return null when acceptable, else the reason
   */
  public static String checkUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return "The notification URL '" + url + "' is not a valid URL.";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (scheme.equals("https") && !host.isEmpty()) {
      return null;
    }
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1")
        || host.equals("[::1]") || host.equals("::1");
    if (scheme.equals("http") && loopback) {
      return null;
    }
    return "The notification URL must use https (plain http is accepted for loopback hosts"
        + " only).";
  }

  /**
   * Performs the validation handshake: POST {@code url?validationToken=<encoded token>} and
   * require 200, {@code text/plain} and the decoded token as the body.
   *
   * @param url the notification URL
   * @param token the token (characters that need URL encoding included)
   * @return null on success, else the reason
   */
  public String validate(String url, String token) {
    String target = url + (url.contains("?") ? "&" : "?") + "validationToken="
        + UrlCodec.formEncode(token);
    Instant sentAt = clock.instant();
    int status = -1;
    String failure;
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(target))
              .timeout(validationTimeout)
              .header("Content-Type", "text/plain; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      status = response.statusCode();
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (status != 200) {
        failure = "the endpoint answered " + status + " instead of 200";
      } else if (!type.toLowerCase(Locale.ROOT).startsWith("text/plain")) {
        failure = "the endpoint answered Content-Type '" + type + "' instead of text/plain";
      } else if (!token.equals(response.body())) {
        failure = "the endpoint did not echo the decoded validation token";
      } else {
        failure = null;
      }
    } catch (IOException | IllegalArgumentException e) {
      failure = "no answer within " + validationTimeout.toMillis() + " ms: "
          + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    }
    deliveries.add(new WebhookDelivery(WebhookDelivery.Kind.VALIDATION, "", target,
        "validation", status, failure == null ? "" : failure, sentAt, ""));
    return failure;
  }

  /**
   * POSTs a JSON notification and records the outcome.
   *
   * @param kind notification or lifecycle
   * @param subscriptionId the subscription
   * @param url the endpoint
   * @param event the change type or lifecycle event
   * @param json the body
   */
  public void post(
      WebhookDelivery.Kind kind, String subscriptionId, String url, String event, String json) {
    Instant sentAt = clock.instant();
    int status = -1;
    String failure = "";
    try {
      HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
              .timeout(Duration.ofSeconds(10))
              .header("Content-Type", "application/json; charset=utf-8")
              .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      if (status < 200 || status > 299) {
        failure = "the endpoint answered " + status;
      }
    } catch (IOException | IllegalArgumentException e) {
      failure = "delivery failed: " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    }
    deliveries.add(new WebhookDelivery(kind, subscriptionId, url, event, status, failure, sentAt,
        json));
  }

  public void validationTimeout(Duration timeout) {
    this.validationTimeout = timeout;
  }
}
