package com.workplace.calendar.graph;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Builds services against the fake and walks the admin-consent redirect like a browser would. */
public final class GraphTestSupport {
  public static final URI REDIRECT = URI.create("https://workplace.example.com/admin/calendar/consent");
  private static final AtomicInteger TENANTS = new AtomicInteger();

  private GraphTestSupport() {}

  /** A fresh tenant domain for one test. */
  public static String uniqueDomain(String name) {
    return name + TENANTS.incrementAndGet() + ".onmicrosoft.com";
  }

  public static FakeApp app(FakeMicrosoft365 m365) {
    FakeApp app = m365.registerApp().addRedirectUri(REDIRECT.toString());
    SecretsInLogsExtension.watch(app.clientSecret());
    return app;
  }

  public static GraphCalendarServiceBuilder builder(FakeMicrosoft365 m365, FakeApp app) {
    return builderWithoutCredential(m365, app).clientSecret(app.clientSecret());
  }

  /** A builder against the fake for the app, with every setting but the credential. */
  public static GraphCalendarServiceBuilder builderWithoutCredential(FakeMicrosoft365 m365, FakeApp app) {
    return GraphCalendarService.builder()
        .clientId(app.clientId())
        .redirectUri(REDIRECT)
        .authorityHost(m365.authorityUri())
        .graphEndpoint(m365.graphUri())
        .trust(m365.sslContext(), m365.trustManager())
        .verificationTimeout(java.time.Duration.ZERO)
        .syncListener((tenant, calendar, changes) -> {})
        .spaceDirectory(spaces("4.12", "4.13", "5.01"));
  }

  public static CalendarService service(FakeMicrosoft365 m365, FakeApp app, Consumer<GraphCalendarServiceBuilder> more) {
    GraphCalendarServiceBuilder builder = builder(m365, app);
    more.accept(builder);
    return builder.build();
  }

  /** Opens the consent URL as the administrator's browser and returns the redirect's query. */
  public static ConsentCallback consent(FakeMicrosoft365 m365, ConsentRequest request) {
    SecretsInLogsExtension.watch(request.state());
    OkHttpClient browser =
        new OkHttpClient.Builder()
            .followRedirects(false)
            .sslSocketFactory(m365.sslContext().getSocketFactory(), m365.trustManager())
            .build();
    try (Response response = browser.newCall(new Request.Builder().url(request.consentUri().toString()).build()).execute()) {
      if (response.code() != 302) {
        throw new AssertionError("the consent page answered " + response.code() + " instead of redirecting");
      }
      URI location = URI.create(response.header("Location"));
      if (!location.toString().startsWith(REDIRECT.toString())) {
        throw new AssertionError("the consent page redirected elsewhere: " + location.getHost());
      }
      return ConsentCallback.fromQuery(location.getRawQuery());
    } catch (IOException e) {
      throw new AssertionError("the consent page could not be opened", e);
    } finally {
      browser.connectionPool().evictAll();
    }
  }

  public static SpaceDirectory spaces(String... ids) {
    List<Space> all = java.util.Arrays.stream(ids).map(id -> Space.of(SpaceId.of(id), "Space " + id)).toList();
    return new SpaceDirectory() {
      @Override
      public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
        return all.stream().filter(s -> s.id().equals(spaceId)).findFirst();
      }

      @Override
      public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
        String needle = text.toLowerCase(Locale.ROOT);
        return Page.last(all.stream().filter(s -> s.id().value().contains(needle)).limit(page.size()).toList());
      }
    };
  }
}
