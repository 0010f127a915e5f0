package com.workplace.calendar.graph;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.store.MailboxCoordination;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/**
 * Builds a {@link CalendarService} for Microsoft 365: Microsoft Graph for calendars and rooms, the
 * Microsoft identity platform for admin consent and application tokens.
 *
 * <pre>{@code
 * CalendarService calendars = GraphCalendarService.builder()
 *     .clientId(appId)
 *     .federatedTokenFile(Path.of(System.getenv("AZURE_FEDERATED_TOKEN_FILE"))) // no secret
 *     .redirectUri(URI.create("https://workplace.example.com/admin/calendar/consent"))
 *     .store(JdbcCalendarStore.create(dataSource))
 *     .spaceDirectory(hostSpaces)
 *     .syncListener(hostListener)
 *     .build();
 * calendars.sync().start();   // background work: connecting new calendars, sync rounds,
 *                             // subscription upkeep; shared by instances through the store
 * }</pre>
 *
 * <p>Everything the service does stays inside Exchange Online's limits per application and mailbox
 * ({@link GraphLimits}), summed over every instance that shares the store: the store's {@link
 * MailboxCoordination} shares the permits in flight, the penalty box (a 429 pauses the mailbox on
 * every instance until {@code Retry-After}) and the request budget. Tokens are only ever sent to the
 * configured Graph endpoint, and no secret, token or consent state is ever logged.
 *
 * @since 0.1.0
 */
public final class GraphCalendarService {
  /** Microsoft's public-cloud identity platform. */
  public static final URI DEFAULT_AUTHORITY_HOST = URI.create("https://login.microsoftonline.com/");

  /** Microsoft Graph v1.0 in the public cloud. */
  public static final URI DEFAULT_GRAPH_ENDPOINT = URI.create("https://graph.microsoft.com/v1.0/");

  /** The application permissions the SDK checks for by default. */
  public static final Set<String> DEFAULT_REQUIRED_PERMISSIONS =
      Set.of("Calendars.ReadWrite", "Place.Read.All");

  private GraphCalendarService() {}

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static GraphCalendarServiceBuilder builder() {
    return new GraphCalendarServiceBuilder();
  }
}
