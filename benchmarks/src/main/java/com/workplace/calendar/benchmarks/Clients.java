package com.workplace.calendar.benchmarks;

import com.microsoft.graph.core.requests.GraphClientFactory;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.micrometer.CalendarMetrics;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Builds the clients under test against the fake: this SDK through its public builder, Microsoft's
 * {@code GraphServiceClient} the way its documentation shows (default middleware from {@code
 * GraphClientFactory}), and a bare OkHttp client. Only base URL, trust and token differ from a real
 * deployment.
 */
final class Clients {
  static final URI REDIRECT = URI.create("https://workplace.example.com/admin/calendar/consent");

  private Clients() {}

  /** Registers the app both clients use, with the redirect URI the consent flow needs. */
  static FakeApp app(FakeMicrosoft365 m365) {
    return m365.registerApp().addRedirectUri(REDIRECT.toString());
  }

  /** This SDK with the given limits (Exchange's defaults unless a benchmark says otherwise). */
  static CalendarService ours(
      FakeMicrosoft365 m365, FakeApp app, SyncListener listener, GraphLimits limits) {
    return ours(m365, app, listener, limits, GraphEventListener.NONE);
  }

  /** This SDK with the given limits and a listener for its HTTP events. */
  static CalendarService ours(
      FakeMicrosoft365 m365,
      FakeApp app,
      SyncListener listener,
      GraphLimits limits,
      GraphEventListener events) {
    return ours(m365, app, listener, limits, events, Clock.systemUTC());
  }

  /** This SDK on a clock of the benchmark's (to run tomorrow's round today). */
  static CalendarService ours(
      FakeMicrosoft365 m365,
      FakeApp app,
      SyncListener listener,
      GraphLimits limits,
      GraphEventListener events,
      Clock clock) {
    return GraphCalendarService.builder()
        .clock(clock)
        .clientId(app.clientId())
        .clientSecret(app.clientSecret())
        .redirectUri(REDIRECT)
        .authorityHost(m365.authorityUri())
        .graphEndpoint(m365.graphUri())
        .trust(m365.sslContext(), m365.trustManager())
        .limits(limits)
        .eventListener(events)
        .verificationTimeout(Duration.ZERO)
        .syncListener(listener)
        .spaceDirectory(NO_SPACES)
        .build();
  }

  /** This SDK with the given limits and Micrometer metrics on, for both kinds of event. */
  static CalendarService oursWithMetrics(
      FakeMicrosoft365 m365,
      FakeApp app,
      SyncListener listener,
      GraphLimits limits,
      CalendarMetrics metrics) {
    return GraphCalendarService.builder()
        .clientId(app.clientId())
        .clientSecret(app.clientSecret())
        .redirectUri(REDIRECT)
        .authorityHost(m365.authorityUri())
        .graphEndpoint(m365.graphUri())
        .trust(m365.sslContext(), m365.trustManager())
        .limits(limits)
        .eventListener(metrics)
        .calendarEventListener(metrics)
        .verificationTimeout(Duration.ZERO)
        .syncListener(listener)
        .spaceDirectory(NO_SPACES)
        .build();
  }

  /**
   * Authorizes a tenant the way an administrator does: begin, open the consent page, come back
   * with its redirect, and let the service verify access.
   */
  static void authorize(CalendarService service, FakeMicrosoft365 m365, TenantId tenant) {
    ConsentRequest request = service.tenants().begin(tenant);
    OkHttpClient browser =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .sslSocketFactory(m365.sslContext().getSocketFactory(), m365.trustManager())
            .build();
    ConsentCallback callback;
    try (Response response =
        browser
            .newCall(new Request.Builder().url(request.consentUri().toString()).build())
            .execute()) {
      String location = response.header("Location");
      if (response.code() != 302 || location == null) {
        throw new IllegalStateException("the consent page answered " + response.code());
      }
      callback = ConsentCallback.fromQuery(URI.create(location).getRawQuery());
    } catch (IOException e) {
      throw new UncheckedIOException("the consent page could not be opened", e);
    } finally {
      browser.connectionPool().evictAll();
      browser.dispatcher().executorService().shutdown();
    }
    VerificationResult result = service.tenants().complete(callback);
    if (!result.verified()) {
      throw new IllegalStateException("tenant " + tenant + " was not verified: " + result);
    }
  }

  /**
   * Microsoft's Graph SDK 6.69.0 with its default middleware (retry handler included), given an
   * app token directly: its Azure credential sends no token to a loopback host.
   */
  static GraphServiceClient official(FakeMicrosoft365 m365, String token) {
    OkHttpClient http =
        GraphClientFactory.create()
            .sslSocketFactory(m365.sslContext().getSocketFactory(), m365.trustManager())
            .build();
    AuthenticationProvider auth =
        (request, context) -> request.headers.add("Authorization", "Bearer " + token);
    GraphServiceClient graph = new GraphServiceClient(auth, http);
    String base = m365.graphUri().toString();
    graph.getRequestAdapter().setBaseUrl(base.substring(0, base.length() - 1));
    return graph;
  }

  /** A plain OkHttp client trusting the fake, configured like the SDK's own. */
  static OkHttpClient bare(FakeMicrosoft365 m365) {
    return new OkHttpClient.Builder()
        .sslSocketFactory(m365.sslContext().getSocketFactory(), m365.trustManager())
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .build();
  }

  static final SyncListener IGNORE_CHANGES = (tenant, calendar, changes) -> {};

  /** The benchmarks map no spaces. */
  static final SpaceDirectory NO_SPACES =
      new SpaceDirectory() {
        @Override
        public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
          return Optional.empty();
        }

        @Override
        public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
          return Page.last(List.of());
        }
      };
}
