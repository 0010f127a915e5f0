package com.workplace.calendar.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.workplace.calendar.testkit.internal.UrlCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A loopback HTTP endpoint playing a client's notification receiver. */
final class WebhookReceiver implements AutoCloseable {

  /** How the receiver answers validation requests. */
  enum Validation {
    ECHO,
    WRONG_BODY,
    NOT_FOUND,
    HANG
  }

  private final HttpServer server;
  private final List<String> notifications = new CopyOnWriteArrayList<>();
  private final List<String> validationTokens = new CopyOnWriteArrayList<>();
  private final CountDownLatch unhang = new CountDownLatch(1);
  private volatile Validation validation = Validation.ECHO;

  WebhookReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  void validation(Validation mode) {
    this.validation = mode;
  }

  List<String> notifications() {
    return notifications;
  }

  List<String> validationTokens() {
    return validationTokens;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (query != null && query.startsWith("validationToken=")) {
      String token = UrlCodec.decode(query.substring("validationToken=".length()), true);
      validationTokens.add(token);
      switch (validation) {
        case HANG:
          try {
            unhang.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          reply(exchange, 200, "text/plain", token);
          return;
        case NOT_FOUND:
          reply(exchange, 404, "text/plain", "");
          return;
        case WRONG_BODY:
          reply(exchange, 200, "text/plain", "not the token");
          return;
        case ECHO:
        default:
          reply(exchange, 200, "text/plain; charset=utf-8", token);
          return;
      }
    }
    notifications.add(new String(body, StandardCharsets.UTF_8));
    reply(exchange, 202, "text/plain", "");
  }

  private static void reply(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    unhang.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
