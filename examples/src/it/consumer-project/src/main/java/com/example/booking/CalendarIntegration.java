// [START embedding]
package com.example.booking;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.workplace.calendar.CalendarSdkException;
import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphCalendarServiceBuilder;
import com.workplace.calendar.registry.ConnectOutcome;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.store.JdbcCalendarStore;
import com.workplace.calendar.sync.NotificationRequest;
import com.workplace.calendar.sync.NotificationResponse;
import com.workplace.calendar.sync.SyncListener;
import com.workplace.calendar.sync.SyncOptions;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import javax.sql.DataSource;

/**
 * The booking product's side of the calendar integration: one {@link CalendarService} for the whole
 * application with its background work started, and the two web endpoints Microsoft 365 calls:
 * the admin-consent redirect and the change notifications (served here with the JDK's HTTP server;
 * a product routes the same two paths through its own web framework).
 */
public final class CalendarIntegration implements AutoCloseable {
  /**
   * What the product's configuration holds.
   *
   * @param clientId the multi-tenant app registration's application (client) ID
   * @param clientSecret the client secret's value (not its ID)
   * @param publicUrl where Microsoft 365 reaches this backend, e.g. {@code
   *     https://workplace.example.com}; {@code /calendar/consent} must be registered on the app
   * @param port the local port the two endpoints listen on
   * @param authorityHost the identity platform, {@code https://login.microsoftonline.com/}
   * @param graphEndpoint Microsoft Graph, {@code https://graph.microsoft.com/v1.0/}
   * @param trust the certificates to trust for both, or {@code null} for the JVM's trust store
   */
  public record Settings(
      String clientId,
      String clientSecret,
      URI publicUrl,
      int port,
      URI authorityHost,
      URI graphEndpoint,
      Trust trust) {}

  /**
   * Trust material other than the JVM's (a private CA, or the testkit's fake).
   *
   * @param context the SSL context
   * @param manager its trust manager
   */
  public record Trust(SSLContext context, X509TrustManager manager) {}

  private final CalendarService calendars;
  private final HttpServer web;

  private CalendarIntegration(CalendarService calendars, HttpServer web) {
    this.calendars = calendars;
    this.web = web;
  }

  /**
   * Once, at start-up: builds the service, opens the two endpoints and starts the background work
   * (connecting newly added calendars, sync rounds, change subscriptions). Every backend instance
   * does the same on one shared database; they split the work and share Exchange's limits.
   */
  public static CalendarIntegration start(
      Settings settings, DataSource database, SpaceDirectory spaces, SyncListener onChanges)
      throws IOException {
    GraphCalendarServiceBuilder builder =
        GraphCalendarService.builder()
            .clientId(settings.clientId())
            .clientSecret(settings.clientSecret())
            .redirectUri(settings.publicUrl().resolve("/calendar/consent"))
            .authorityHost(settings.authorityHost())
            .graphEndpoint(settings.graphEndpoint())
            .store(JdbcCalendarStore.create(database)) // H2 or PostgreSQL, shared by all instances
            .spaceDirectory(spaces) // the product's own rooms
            .syncListener(onChanges) // bookings made in Outlook
            .syncOptions(
                SyncOptions.builder()
                    .notifications(
                        settings.publicUrl().resolve("/calendar/notifications"),
                        settings.publicUrl().resolve("/calendar/lifecycle"))
                    .build());
    if (settings.trust() != null) {
      builder.trust(settings.trust().context(), settings.trust().manager());
    }
    CalendarService calendars = builder.build();
    HttpServer web = HttpServer.create(new InetSocketAddress(settings.port()), 0);
    CalendarIntegration integration = new CalendarIntegration(calendars, web);
    web.createContext("/calendar/consent", integration::onConsentRedirect);
    web.createContext("/calendar/notifications", integration::onNotification);
    web.createContext("/calendar/lifecycle", integration::onNotification);
    web.start();
    calendars.sync().start(); // without it, bookings made in Outlook never arrive
    return integration;
  }

  /** The "Connect Microsoft 365" button: where to send the customer's administrator. */
  public URI connectButton(String customerTenant) {
    return calendars.tenants().begin(TenantId.parse(customerTenant)).consentUri();
  }

  /** The redirect URI: the identity platform's query goes to the SDK as it is. */
  private void onConsentRedirect(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    String page;
    int status;
    try {
      VerificationResult result =
          calendars.tenants().complete(ConsentCallback.fromQuery(query == null ? "" : query));
      page = result.message(); // "Account Verified", or what the administrator must do
      status = 200;
    } catch (InvalidConsentStateException e) { // forged, replayed or expired: nothing changed
      page = "This authorization link is not valid any more: start again from the product.";
      status = 400;
    } catch (CalendarSdkException e) { // e.g. Microsoft 365 could not be reached
      page = "The authorization could not be finished: " + e.getMessage();
      status = 503;
    }
    respond(exchange, status, "text/plain; charset=utf-8", page);
  }

  /** Change and lifecycle notifications: the SDK checks them and answers Microsoft 365. */
  private void onNotification(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(1 << 20); // the SDK refuses larger bodies anyway
    }
    String query = exchange.getRequestURI().getRawQuery();
    NotificationResponse response =
        calendars.sync().notifications().handle(
            new NotificationRequest(
                exchange.getRequestMethod(),
                query == null ? "" : query,
                exchange.getRequestHeaders(),
                body));
    respond(exchange, response.status(), response.contentType(), response.body());
  }

  /** Registers a room mailbox, connects it, links it to a space and books it by space. */
  public Booking bookRoom(TenantId tenant, String roomEmail, SpaceId space, Instant start) {
    calendars.calendars().add(tenant, roomEmail);
    for (ConnectOutcome outcome :
        calendars.calendars().connect(tenant, List.of(roomEmail)).outcomes()) {
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

  /** The service, for the rest of the product. */
  public CalendarService calendars() {
    return calendars;
  }

  /** At shutdown: stops the endpoints, then the background work, and releases connections. */
  @Override
  public void close() {
    web.stop(1);
    calendars.close();
  }

  private static void respond(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
// [END embedding]
