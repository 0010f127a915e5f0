package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.CalendarServices;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.store.MailboxCoordination;
import com.workplace.calendar.store.PermitPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assembles a Microsoft 365 {@link CalendarService} from its builder's settings: checks them
 * together, chooses the store and how instances share mailbox limits, wires the {@link
 * GraphCalendarProvider} with the threads and connections it owns, and hands both to the core's
 * {@link CalendarServices.Builder}.
 */
public final class GraphServiceAssembly {
  private static final Logger LOG = LoggerFactory.getLogger(GraphServiceAssembly.class);

  /** How often the certificate in use is looked at besides each token request. */
  static final Duration EXPIRY_CHECK = Duration.ofHours(1);

  private GraphServiceAssembly() {}

  /**
   * Builds the service. The settings are checked before anything is made; when the core refuses
   * its own settings, the provider made for it is closed again.
   *
   * @param settings what the builder holds
   * @param core the core's builder, with the settings the Microsoft 365 builder passed on to it
   * @return a thread-safe service; close it when done
   * @throws IllegalStateException if a required setting is missing or settings conflict
   */
  public static CalendarService service(GraphServiceSettings settings, CalendarServices.Builder core) {
    if (settings.clientId() == null) {
      throw new IllegalStateException("clientId is required: the app registration's application ID");
    }
    GraphCredential credential = settings.credentials().only();
    if (settings.redirectUri() == null) {
      throw new IllegalStateException("redirectUri is required: the URI registered for admin consent");
    }
    Endpoints.requireHttpsOrLoopback(settings.redirectUri(), "redirectUri");
    Endpoints.requireHttpsOrLoopback(settings.graphEndpoint(), "graphEndpoint");
    Endpoints.requireHttps(settings.authorityHost(), "authorityHost");
    Clock clock = settings.clock();
    CalendarStore store =
        settings.store() != null ? settings.store() : InMemoryCalendarStore.create(clock);
    GraphConfig config =
        new GraphConfig(
            settings.clientId(),
            credential,
            settings.credentialExpiryWarning(),
            settings.redirectUri(),
            settings.authorityHost(),
            settings.graphEndpoint(),
            settings.graphResource(),
            settings.sslContext(),
            settings.trustManager(),
            settings.limits(),
            settings.retry(),
            settings.eventListener(),
            settings.requiredPermissions(),
            settings.executor(),
            coordination(store, settings.coordination(), clock),
            clock);
    GraphCalendarProvider provider = provider(config);
    try {
      return core.store(store).provider(provider).build();
    } catch (RuntimeException e) {
      provider.close();
      throw e;
    }
  }

  /**
   * How instances share mailbox limits: the coordination set on the builder, else the store's own;
   * with neither, each instance keeps the limits alone, which is logged as a warning.
   */
  private static MailboxCoordination coordination(
      CalendarStore store, MailboxCoordination chosen, Clock clock) {
    if (chosen != null) {
      return chosen;
    }
    Optional<MailboxCoordination> own = store.mailboxCoordination();
    if (own.isPresent()) {
      return own.get();
    }
    LOG.warn(
        "The calendar store {} offers no mailbox coordination: Exchange's limits are kept per"
            + " instance only. Share a JdbcCalendarStore or set mailboxCoordination(...) when"
            + " several instances run.",
        store.getClass().getSimpleName());
    return MailboxCoordination.inMemory(clock);
  }

  /** Builds the provider with the threads and connections it owns; closing it releases them. */
  private static GraphCalendarProvider provider(GraphConfig config) {
    ExecutorService batchPool =
        config.executor() != null
            ? config.executor()
            : Executors.newCachedThreadPool(daemon("calendar-sdk-batch"));
    ExecutorService msalPool =
        config.credential() instanceof GraphCredential.Provider
            ? null
            : Executors.newCachedThreadPool(daemon("calendar-sdk-token"));
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
    TokenSource tokens;
    try {
      tokens = new TokenSource(issuer(config, msalPool, heartbeat), config.clock());
    } catch (RuntimeException e) {
      heartbeat.shutdownNow();
      if (msalPool != null) {
        msalPool.shutdownNow();
      }
      if (config.executor() == null) {
        batchPool.shutdownNow();
      }
      client.dispatcher().executorService().shutdown();
      throw e;
    }
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
          if (msalPool != null) {
            msalPool.shutdownNow();
          }
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

  /**
   * The token issuer for the configured credential; a certificate's expiry is checked now (so that
   * an expiring one is reported at start) and then every hour.
   */
  private static TokenIssuer issuer(
      GraphConfig config, ExecutorService msalPool, ScheduledExecutorService scheduler) {
    GraphCredential chosen = config.credential();
    if (chosen instanceof GraphCredential.Provider provider) {
      return new HostTokenIssuer(provider.provider(), config.clock());
    }
    MsalCredential credential;
    if (chosen instanceof GraphCredential.Secret secret) {
      credential = new MsalCredential.Secret(secret.secret());
    } else if (chosen instanceof GraphCredential.Certificate certificate) {
      CertificateCredential watched =
          new CertificateCredential(
              certificate.source(),
              new CredentialExpiryWatch(
                  config.credentialExpiryWarning(), config.clock(), config.eventListener()),
              config.clock());
      try {
        watched.check();
      } catch (CredentialUnavailableException e) {
        throw new IllegalStateException(e.getMessage());
      }
      scheduler.scheduleWithFixedDelay(
          () -> checkQuietly(watched), EXPIRY_CHECK.toMinutes(), EXPIRY_CHECK.toMinutes(),
          TimeUnit.MINUTES);
      credential = watched;
    } else if (chosen instanceof GraphCredential.Assertion assertion) {
      credential = new MsalCredential.Assertion(
          assertion.assertion(), "the client assertion function", config.clientId(),
          config.authorityHost());
    } else if (chosen instanceof GraphCredential.FederatedTokenFile file) {
      Supplier<String> token = MsalCredential.tokenFile(file.file());
      credential = new MsalCredential.Assertion(
          request -> token.get(), "the federated token file", config.clientId(),
          config.authorityHost());
    } else {
      throw new IllegalStateException("no credential configured");
    }
    return new MsalTokenIssuer(
        config.clientId(),
        credential,
        config.authorityHost(),
        config.graphResource(),
        config.sslContext() == null ? null : config.sslContext().getSocketFactory(),
        msalPool,
        config.clock());
  }

  private static void checkQuietly(CertificateCredential credential) {
    try {
      credential.check();
    } catch (CredentialUnavailableException e) {
      LOG.warn("Checking the application's certificate failed: {}", e.getMessage());
    }
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
