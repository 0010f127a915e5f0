package com.workplace.calendar.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The WireMock server: HTTPS and HTTP on free loopback ports, one catch-all stub routed to the
 * {@link WireMockBridge}, no request journal, no logging of requests, an admin API closed with
 * random credentials.
 */
public final class FakeServer implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(FakeServer.class.getName());

  private final WireMockServer server;
  private final TlsMaterial tls;

  private FakeServer(WireMockServer server, TlsMaterial tls) {
    this.server = server;
    this.tls = tls;
  }

  /**
   * Starts a server for an engine.
   *
   * @param engine the engine answering requests
   * @param containerThreads Jetty's thread pool size
   * @return the running server
   */
  public static FakeServer start(FakeEngine engine, int containerThreads) {
    TlsMaterial tls = TlsMaterial.generate();
    WireMockConfiguration options = WireMockConfiguration.options()
        .bindAddress("127.0.0.1")
        .port(0)
        .httpsPort(0)
        .keystorePath(tls.keyStoreFile().toString())
        .keystoreType("PKCS12")
        .keystorePassword(tls.keyStorePassword())
        .keyManagerPassword(tls.keyStorePassword())
        .containerThreads(containerThreads)
        .http2PlainDisabled(true)
        .http2TlsDisabled(true)
        .disableRequestJournal()
        .stubRequestLoggingDisabled(true)
        .gzipDisabled(true)
        .extensionScanningEnabled(false)
        .basicAdminAuthenticator(engine.ids().token(12), engine.ids().secret())
        .notifier(new QuietNotifier())
        .extensions(new WireMockBridge(engine));
    WireMockServer server = new WireMockServer(options);
    try {
      server.start();
      server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
    } catch (RuntimeException e) {
      server.stop();
      tls.close();
      throw e;
    }
    return new FakeServer(server, tls);
  }

  public int httpsPort() {
    return server.httpsPort();
  }

  public int httpPort() {
    return server.port();
  }

  public TlsMaterial tls() {
    return tls;
  }

  @Override
  public void close() {
    try {
      server.stop();
    } finally {
      tls.close();
    }
  }

  /**
   * Drops WireMock's informational messages (they can describe requests) and keeps only the
   * first line of errors.
   */
  private static final class QuietNotifier implements Notifier {
    @Override
    public void info(String message) {
      // request-level chatter is never logged: it could carry tokens
    }

    @Override
    public void error(String message) {
      LOG.log(System.Logger.Level.WARNING, firstLine(message));
    }

    @Override
    public void error(String message, Throwable t) {
      LOG.log(System.Logger.Level.WARNING, firstLine(message) + " ("
          + t.getClass().getName() + ")");
    }

    private static String firstLine(String message) {
      if (message == null) {
        return "";
      }
      int nl = message.indexOf('\n');
      return nl < 0 ? message : message.substring(0, nl);
    }
  }
}
