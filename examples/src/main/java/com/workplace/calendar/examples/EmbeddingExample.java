package com.workplace.calendar.examples;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * How a booking product embeds the SDK: one {@link CalendarService} for the application, the
 * admin-consent button and redirect handler, registering, connecting, linking and booking a room,
 * and a listener for bookings made in Outlook. The part between the {@code [START embedding]} and
 * {@code [END embedding]} markers is the README's embedding sample (a test keeps them equal).
 *
 * <p>{@link #main(String[])} runs the same steps against an embedded {@link FakeMicrosoft365} and an
 * in-memory H2 database, so the sample is not only compiled but also run in the build.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /**
   * What the product's configuration holds about its app registration.
   *
   * @param clientId the multi-tenant app registration's application (client) ID
   * @param clientSecret the client secret's value
   * @param consentRedirectUri the redirect URI registered on the app for admin consent
   */
  public record HostConfig(String clientId, String clientSecret, URI consentRedirectUri) {}

  // [START embedding]
  /** Once, at start-up: one service for the whole application; close it at shutdown. */
  static CalendarService startCalendars(HostConfig config, DataSource database, SpaceDirectory spaces) {
    return GraphCalendarService.builder()
        .clientId(config.clientId())
        .clientSecret(config.clientSecret()) // the secret's value, not its ID
        .redirectUri(config.consentRedirectUri()) // as registered on the app
        .store(JdbcCalendarStore.create(database)) // H2 or PostgreSQL, shared by all instances
        .spaceDirectory(spaces) // the product's own rooms
        .syncListener(EmbeddingExample::onCalendarChanges) // bookings made in Outlook
        .build();
  }

  /** The "Connect Microsoft 365" button: where to send the customer's administrator. */
  static URI connectButton(CalendarService calendars, String customerTenant) {
    return calendars.tenants().begin(TenantId.parse(customerTenant)).consentUri();
  }

  /** The handler of the redirect URI: the identity platform's query goes to the SDK as it is. */
  static String onConsentRedirect(CalendarService calendars, String rawQuery) {
    VerificationResult result = calendars.tenants().complete(ConsentCallback.fromQuery(rawQuery));
    return result.message(); // "Account Verified", or what the administrator must do
  }

  /** Registers a room mailbox, connects it, links it to a space and books it by space. */
  static Booking bookRoom(
      CalendarService calendars, TenantId tenant, String roomEmail, SpaceId space, Instant start) {
    calendars.calendars().add(tenant, roomEmail);
    for (ConnectOutcome outcome : calendars.calendars().connect(tenant, List.of(roomEmail)).outcomes()) {
      if (outcome.failureReason().isPresent()) { // e.g. ACCESS_DENIED_BY_POLICY, with what to do
        throw new IllegalStateException(roomEmail + ": " + outcome.failureReason().get().action());
      }
    }
    calendars.spaces().link(tenant, roomEmail, space, LinkMode.FAIL_IF_LINKED);
    return calendars.bookings().create(
        BookingRequest.builder(tenant, "booking-4711") // the product's own key: never two events
            .space(space)
            .subject("Team meeting")
            .time(start, start.plus(Duration.ofHours(1)))
            .booker("megan.bowen@contoso.com", "Megan Bowen")
            .build());
  }

  /** Changes found by sync; bookings made through the SDK carry the product's key. */
  static void onCalendarChanges(TenantId tenant, String room, List<BookingChange> changes) {
    for (BookingChange change : changes) {
      if (!change.isOurs()) {
        System.out.printf("%s in %s: %s, %s%n", change.type(), room,
            change.subject().orElse("(private)"), change.start().map(Object::toString).orElse(""));
      }
    }
  }
  // [END embedding]

  /** The product's spaces, for the example: two rooms of one building. */
  static SpaceDirectory spaces() {
    Map<SpaceId, Space> all =
        Map.of(
            SpaceId.of("4.12"), Space.of(SpaceId.of("4.12"), "Orchard"),
            SpaceId.of("4.13"), Space.of(SpaceId.of("4.13"), "Meadow"));
    return new SpaceDirectory() {
      @Override
      public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
        return Optional.ofNullable(all.get(spaceId));
      }

      @Override
      public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
        return Page.last(all.values().stream()
            .filter(s -> s.name().toLowerCase().contains(text.toLowerCase()))
            .limit(page.size()).toList());
      }
    };
  }

  /**
   * Runs the sample's steps against an embedded Microsoft 365 fake.
   *
   * @param args not used
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    URI redirect = URI.create("https://workplace.example.com/admin/calendar/consent");
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().build().start()) {
      FakeApp app = m365.registerApp().addRedirectUri(redirect.toString());
      m365.tenant("contoso.onmicrosoft.com").addRoom("orchard@contoso.onmicrosoft.com", "Orchard");
      JdbcDataSource database = new JdbcDataSource();
      database.setURL("jdbc:h2:mem:embedding-example;DB_CLOSE_DELAY=-1");
      // the same settings as startCalendars, plus where the fake is and how to trust it
      try (CalendarService calendars =
          GraphCalendarService.builder()
              .clientId(app.clientId())
              .clientSecret(app.clientSecret())
              .redirectUri(redirect)
              .store(JdbcCalendarStore.create(database))
              .spaceDirectory(spaces())
              .syncListener(EmbeddingExample::onCalendarChanges)
              .authorityHost(m365.authorityUri())
              .graphEndpoint(m365.graphUri())
              .trust(m365.sslContext(), m365.trustManager())
              .build()) {
        URI consentPage = connectButton(calendars, "contoso.onmicrosoft.com");
        String query = administratorAccepts(consentPage, m365);
        System.out.println("Consent: " + onConsentRedirect(calendars, query));

        TenantId contoso = TenantId.parse("contoso.onmicrosoft.com");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
        Booking booking = bookRoom(calendars, contoso, "orchard@contoso.onmicrosoft.com", SpaceId.of("4.12"), start);
        System.out.println("Booked: " + booking.subject() + " in " + booking.calendarEmail() + " at " + booking.start());

        calendars.sync().syncNow(contoso, "orchard@contoso.onmicrosoft.com");
        m365.findTenant("contoso.onmicrosoft.com").orElseThrow().addEvent(
            "orchard@contoso.onmicrosoft.com", "Booked in Outlook", start.plus(Duration.ofHours(2)),
            start.plus(Duration.ofHours(3)));
        calendars.sync().syncNow(contoso, "orchard@contoso.onmicrosoft.com");
      }
    }
  }

  /** The administrator's browser: opens the consent page (the fake accepts) and returns the redirect's query. */
  private static String administratorAccepts(URI consentPage, FakeMicrosoft365 m365)
      throws IOException, InterruptedException {
    HttpClient browser =
        HttpClient.newBuilder().sslContext(m365.sslContext()).followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<Void> answer =
        browser.send(HttpRequest.newBuilder(consentPage).build(), HttpResponse.BodyHandlers.discarding());
    return URI.create(answer.headers().firstValue("Location").orElseThrow()).getRawQuery();
  }
}
