package com.workplace.calendar.graph.internal;

import com.microsoft.aad.msal4j.IClientCredential;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.ClientCertificate;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.graph.GraphRetryOptions;
import com.workplace.calendar.internal.CoreCalendarService;
import com.workplace.calendar.internal.DefaultCalendarRegistry;
import com.workplace.calendar.internal.DefaultSpaceMapper;
import com.workplace.calendar.internal.DefaultTenantAuthorizer;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.internal.booking.DefaultRoomBookings;
import com.workplace.calendar.internal.sync.DefaultCalendarSync;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** Wires a Microsoft 365 {@link CalendarService} from the builder's settings. */
public final class GraphServiceAssembly {
  private GraphServiceAssembly() {}

  /** The builder's settings, validated. {@link #toString()} hides the credentials. */
  public record Settings(
      String clientId,
      String clientSecret,
      ClientCertificate clientCertificate,
      URI redirectUri,
      CalendarStore store,
      SpaceDirectory spaceDirectory,
      SyncListener syncListener,
      SyncOptions syncOptions,
      URI authorityHost,
      URI graphEndpoint,
      String graphResource,
      SSLContext sslContext,
      X509TrustManager trustManager,
      GraphLimits limits,
      GraphRetryOptions retry,
      GraphEventListener eventListener,
      Set<String> requiredPermissions,
      Duration consentStateLifetime,
      Duration verificationTimeout,
      ExecutorService executor,
      Clock clock) {
    @Override
    public String toString() {
      return "Settings[clientId=" + clientId + ", graph=" + graphEndpoint + "]";
    }
  }

  /** Builds the service. */
  public static CalendarService assemble(Settings s) {
    List<AutoCloseable> owned = new ArrayList<>();
    ExecutorService batchPool =
        s.executor() != null ? s.executor() : Executors.newCachedThreadPool(daemon("calendar-sdk-batch"));
    ExecutorService msalPool = Executors.newCachedThreadPool(daemon("calendar-sdk-token"));
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS)
            .writeTimeout(30, TimeUnit.SECONDS)
            .callTimeout(60, TimeUnit.SECONDS)
            .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
            .followRedirects(false)
            .retryOnConnectionFailure(false);
    if (s.sslContext() != null) {
      http.sslSocketFactory(s.sslContext().getSocketFactory(), s.trustManager());
    }
    OkHttpClient client = http.build();
    IClientCredential credential =
        s.clientSecret() != null
            ? MsalTokenSource.secret(s.clientSecret())
            : MsalTokenSource.certificate(s.clientCertificate().privateKey(), s.clientCertificate().chain());
    MsalTokenSource tokens =
        new MsalTokenSource(
            s.clientId(),
            credential,
            s.authorityHost(),
            s.graphResource(),
            s.sslContext() == null ? null : s.sslContext().getSocketFactory(),
            msalPool);
    Runnable closeTransport =
        () -> {
          if (s.executor() == null) {
            batchPool.shutdownNow();
          }
          msalPool.shutdownNow();
          client.dispatcher().executorService().shutdown();
          client.connectionPool().evictAll();
        };
    GraphCalendarProvider provider =
        GraphCalendarProvider.create(
            new GraphSettings(
                client,
                HttpUrl.get(s.graphEndpoint()),
                tokens,
                s.limits(),
                s.retry(),
                s.eventListener(),
                batchPool,
                s.clientId(),
                s.redirectUri(),
                s.authorityHost(),
                s.graphResource(),
                s.requiredPermissions(),
                closeTransport));
    CalendarStore store = s.store() != null ? s.store() : InMemoryCalendarStore.create(s.clock());
    owned.add(provider);
    owned.add(store);
    DefaultCalendarRegistry registry = new DefaultCalendarRegistry(store, provider, s.clock());
    DefaultSpaceMapper spaces = new DefaultSpaceMapper(store, s.spaceDirectory(), s.clock());
    DefaultTenantAuthorizer tenants =
        new DefaultTenantAuthorizer(
            store,
            provider,
            s.clock(),
            s.consentStateLifetime(),
            s.verificationTimeout(),
            d -> TimeUnit.MILLISECONDS.sleep(d.toMillis()));
    DefaultRoomBookings bookings = new DefaultRoomBookings(store, provider, s.clock());
    DefaultCalendarSync sync =
        new DefaultCalendarSync(store, provider, registry, s.syncListener(), s.syncOptions(), s.clock());
    return new CoreCalendarService(tenants, registry, spaces, bookings, sync, owned);
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
