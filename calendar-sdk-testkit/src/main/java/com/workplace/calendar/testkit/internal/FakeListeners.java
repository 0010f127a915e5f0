package com.workplace.calendar.testkit.internal;

import java.net.URI;

/**
 * The fake's HTTP and HTTPS listeners over their lifetime: started at most once, never again
 * after {@link #close()}, and the addresses and TLS material they serve while running. Closing
 * also stops the engine's notification executor, under the same lock, so that no request or
 * start-up races a close.
 */
public final class FakeListeners implements AutoCloseable {

  private final FakeEngine engine;
  private final int containerThreads;
  private FakeServer server;
  private boolean closed;

  /**
   * Listeners for an engine, not started yet.
   *
   * @param engine the engine answering requests
   * @param containerThreads Jetty's thread pool size
   */
  public FakeListeners(FakeEngine engine, int containerThreads) {
    this.engine = engine;
    this.containerThreads = containerThreads;
  }

  /**
   * Starts the listeners unless they run already.
   *
   * @throws IllegalStateException when they were closed
   */
  public synchronized void start() {
    if (closed) {
      throw new IllegalStateException("the fake was closed");
    }
    if (server == null) {
      server = FakeServer.start(engine, containerThreads);
    }
  }

  /**
   * Whether the listeners run.
   *
   * @return whether started and not closed
   */
  public synchronized boolean isRunning() {
    return server != null && !closed;
  }

  /**
   * The identity platform root over HTTPS, {@code https://localhost:PORT/}.
   *
   * @return the URI
   * @throws IllegalStateException when not started or closed
   */
  public URI httpsRoot() {
    return URI.create("https://localhost:" + server().httpsPort() + "/");
  }

  /**
   * The identity platform root over plain HTTP, {@code http://localhost:PORT/}.
   *
   * @return the URI
   * @throws IllegalStateException when not started or closed
   */
  public URI httpRoot() {
    return URI.create("http://localhost:" + server().httpPort() + "/");
  }

  /**
   * The certificate, key store and trust of the HTTPS listener.
   *
   * @return the TLS material
   * @throws IllegalStateException when not started or closed
   */
  public TlsMaterial tls() {
    return server().tls();
  }

  /**
   * The instance discovery document of the HTTPS listener, as msal4j fetches it.
   *
   * @return the JSON document
   * @throws IllegalStateException when not started or closed
   */
  public String instanceDiscoveryResponse() {
    String base = httpsRoot().toString();
    return Json.write(IdentityRouter.instanceDiscovery(base.substring(0, base.length() - 1),
        "common"));
  }

  /** Stops the listeners and the engine's notification executor. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.close();
    }
    engine.close();
  }

  @Override
  public String toString() {
    return isRunning() ? "https port " + server().httpsPort() : "not running";
  }

  private synchronized FakeServer server() {
    if (server == null || closed) {
      throw new IllegalStateException(closed ? "the fake was closed" : "the fake is not"
          + " started; call start()");
    }
    return server;
  }
}
