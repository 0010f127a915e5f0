package com.workplace.calendar.graph;

import com.sun.net.httpserver.HttpServer;
import com.workplace.calendar.sync.NotificationReceiver;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.NotificationResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A host's web endpoint in miniature: hands every request to the SDK's receiver. */
public final class NotificationEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final AtomicReference<NotificationReceiver> receiver = new AtomicReference<>();
  public final AtomicInteger accepted = new AtomicInteger();
  public final AtomicInteger rejected = new AtomicInteger();

  public NotificationEndpoint() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          NotificationReceiver target = receiver.get();
          NotificationResponse response =
              target == null
                  ? new NotificationResponse(503, "text/plain", "not ready")
                  : target.handle(
                      new NotificationRequest(
                          exchange.getRequestMethod(),
                          exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
                          exchange.getRequestHeaders(),
                          body));
          (response.status() < 300 ? accepted : rejected).incrementAndGet();
          byte[] out = response.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", response.contentType());
          exchange.sendResponseHeaders(response.status(), out.length == 0 ? -1 : out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        });
    server.start();
  }

  public void connect(NotificationReceiver target) {
    receiver.set(target);
  }

  public URI notifications() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/notifications");
  }

  public URI lifecycle() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/lifecycle");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
