package com.workplace.calendar.graph.internal;

import com.microsoft.aad.msal4j.IClientCredential;
import com.workplace.calendar.store.PermitPolicy;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Wires the Microsoft 365 {@link GraphCalendarProvider} of a service from its settings. */
public final class GraphServiceAssembly {
  private GraphServiceAssembly() {}

  /**
   * Builds the provider with the threads and connections it owns; closing it releases them.
   *
   * @param config the settings
   * @return the provider
   */
  public static GraphCalendarProvider provider(GraphConfig config) {
    ExecutorService batchPool =
        config.executor() != null
            ? config.executor()
            : Executors.newCachedThreadPool(daemon("calendar-sdk-batch"));
    ExecutorService msalPool = Executors.newCachedThreadPool(daemon("calendar-sdk-token"));
    ScheduledExecutorService heartbeat =
        Executors.newSingleThreadScheduledExecutor(daemon("calendar-sdk-permits"));
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .writeTimeout(30, TimeUnit.SECONDS)
            .callTimeout(60, TimeUnit.SECONDS)
            .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
            .followRedirects(false)
            .retryOnConnectionFailure(false);
    if (config.sslContext() != null) {
      http.sslSocketFactory(config.sslContext().getSocketFactory(), config.trustManager());
    }
    OkHttpClient client = http.build();
    IClientCredential credential =
        config.clientSecret() != null
            ? MsalTokenSource.secret(config.clientSecret())
            : MsalTokenSource.certificate(
                config.clientCertificate().privateKey(), config.clientCertificate().chain());
    MsalTokenSource tokens =
        new MsalTokenSource(
            config.clientId(),
            credential,
            config.authorityHost(),
            config.graphResource(),
            config.sslContext() == null ? null : config.sslContext().getSocketFactory(),
            msalPool);
    PermitPolicy policy =
        PermitPolicy.of(
            config.limits().maxConcurrentPerMailbox(),
            config.limits().requestsPerWindow(),
            config.limits().window(),
            config.limits().permitExpiry());
    MailboxPermits permits =
        new MailboxPermits(
            config.coordination(),
            policy,
            "instance-" + UUID.randomUUID(),
            config.clientId(),
            heartbeat);
    RetryPolicy retry = new RetryPolicy(config.retry());
    GraphTransport transport =
        new GraphTransport(
            client,
            new EndpointGuard(HttpUrl.get(config.graphEndpoint())),
            tokens,
            permits,
            retry,
            config.eventListener());
    Runnable close =
        () -> {
          heartbeat.shutdownNow();
          permits.close();
          if (config.executor() == null) {
            batchPool.shutdownNow();
          }
          msalPool.shutdownNow();
          client.dispatcher().executorService().shutdown();
          client.connectionPool().evictAll();
        };
    return new GraphCalendarProvider(
        transport,
        tokens,
        new BatchExecutor(transport, config.limits(), batchPool),
        new TenantDirectory(client, config.authorityHost()),
        config,
        close);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
