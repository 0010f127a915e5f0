package com.workplace.calendar.examples.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Receives the admin-consent redirect on the loopback interface ({@code 127.0.0.1}): the redirect
 * URI is {@code http://localhost:PORT/PATH}, registered on the app as a Web redirect URI. While the
 * tool waits for an authorization, the first request to the path that carries a query is handed to
 * it, and the browser gets a page saying how the authorization ended. Nothing else is served.
 */
final class LoopbackConsentListener implements AutoCloseable {
  /** What the browser brought back, and where to send the page it waits for. */
  record Arrival(String rawQuery, CompletableFuture<String> page) {}

  private static final Duration PAGE_WAIT = Duration.ofMinutes(3);

  private final HttpServer server;
  private final ExecutorService executor;
  private final URI redirectUri;
  private final AtomicReference<CompletableFuture<Arrival>> next = new AtomicReference<>();

  private LoopbackConsentListener(HttpServer server, ExecutorService executor, URI redirectUri) {
    this.server = server;
    this.executor = executor;
    this.redirectUri = redirectUri;
  }

  /** Checks that a redirect URI can be received here: {@code http}, {@code localhost} or {@code 127.0.0.1}. */
  static void requireLoopback(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (!"http".equalsIgnoreCase(uri.getScheme()) || !(host.equals("localhost") || host.equals("127.0.0.1"))) {
      throw AdminException.configuration(
          "calendar-admin receives the consent redirect itself, so the redirect URI must be"
              + " http://localhost:PORT/PATH, not " + uri,
          "register e.g. http://localhost:8765/calendar-admin/consent as a Web redirect URI of the"
              + " app and pass it with --redirect-uri (CALENDAR_ADMIN_REDIRECT_URI)");
    }
  }

  /**
   * Starts listening for a redirect URI; port 0 picks a free port.
   *
   * @return the listener; {@link #redirectUri()} has the actual port
   */
  static LoopbackConsentListener start(URI redirectUri) {
    requireLoopback(redirectUri);
    int port = redirectUri.getPort() < 0 ? 80 : redirectUri.getPort();
    String path = redirectUri.getPath() == null || redirectUri.getPath().isEmpty() ? "/" : redirectUri.getPath();
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
    } catch (BindException e) {
      throw AdminException.configuration(
          "cannot listen for the consent redirect on port " + port + ": " + e.getMessage(),
          "stop what uses the port, or register another http://localhost:PORT/... redirect URI on the"
              + " app and pass it with --redirect-uri");
    } catch (IOException e) {
      throw AdminException.configuration(
          "cannot listen for the consent redirect: " + e.getMessage(), "check the --redirect-uri");
    }
    ExecutorService executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread thread = new Thread(r, "consent-redirect-listener");
              thread.setDaemon(true);
              return thread;
            });
    URI actual =
        URI.create("http://" + redirectUri.getHost() + ":" + server.getAddress().getPort() + path);
    LoopbackConsentListener listener = new LoopbackConsentListener(server, executor, actual);
    server.createContext("/", listener::handle);
    server.setExecutor(executor);
    server.start();
    return listener;
  }

  URI redirectUri() {
    return redirectUri;
  }

  /** Accepts the next redirect; call it before sending the administrator to the consent URL. */
  void expect() {
    next.set(new CompletableFuture<>());
  }

  /**
   * Ends the wait announced with {@link #expect()} without a redirect: the administrator's browser
   * cannot come back (e.g. the identity platform refused the consent request on its page).
   *
   * @param reason what {@link #await(Duration)} throws
   */
  void abandon(RuntimeException reason) {
    CompletableFuture<Arrival> expected = next.get();
    if (expected != null) {
      expected.completeExceptionally(reason);
    }
  }

  /**
   * Waits for the redirect announced with {@link #expect()}.
   *
   * @throws TimeoutException if none arrived in time
   * @throws RuntimeException the reason given to {@link #abandon(RuntimeException)}
   */
  Arrival await(Duration timeout) throws TimeoutException, InterruptedException {
    CompletableFuture<Arrival> expected = next.get();
    if (expected == null) {
      throw new IllegalStateException("await() without expect()");
    }
    try {
      return expected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new TimeoutException("no redirect within " + timeout);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException reason) {
        throw reason;
      }
      throw new IllegalStateException("the wait for the consent redirect failed", e.getCause());
    } finally {
      next.compareAndSet(expected, null);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String query = exchange.getRequestURI().getRawQuery();
      if (!exchange.getRequestURI().getPath().equals(redirectUri.getPath())
          || query == null
          || !"GET".equals(exchange.getRequestMethod())) {
        respond(exchange, 404, page("Not found", "This address only receives the consent redirect."));
        return;
      }
      Arrival arrival = new Arrival(query, new CompletableFuture<>());
      CompletableFuture<Arrival> expected = next.get();
      if (expected == null || !expected.complete(arrival)) {
        respond(exchange, 409, page("No authorization in progress",
            "calendar-admin is not waiting for a consent redirect (it was handled already, or it"
                + " timed out). Start the authorization again."));
        return;
      }
      String html;
      try {
        html = arrival.page().get(PAGE_WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (Exception e) {
        html = page("Still working", "Look at the terminal where calendar-admin runs.");
      }
      respond(exchange, 200, html);
    }
  }

  /** A minimal HTML page. */
  static String page(String title, String text) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title></head><body style=\"font-family:sans-serif;margin:3em\"><h1>" + escape(title)
        + "</h1><p>" + escape(text) + "</p><p>You can close this tab.</p></body></html>";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static void respond(HttpExchange exchange, int status, String html) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
