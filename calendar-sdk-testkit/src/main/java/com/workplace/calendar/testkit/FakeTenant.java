package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.FakeEngine;
import com.workplace.calendar.testkit.internal.MailboxState;
import com.workplace.calendar.testkit.internal.RoomListState;
import com.workplace.calendar.testkit.internal.TenantState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A Microsoft 365 tenant of the fake, for building scenarios: consent, rooms, room lists,
 * users, bookings made "in Outlook", access policies. Get one with {@link
 * FakeMicrosoft365#tenant(String)}.
 *
 * <p>Every tenant has a user {@code admin@<domain>}, the administrator who signs in to consent
 * pages and the default organizer of {@link #addEvent(String, String, Instant, Instant)}.
 *
 * @since 0.1.0
 */
public final class FakeTenant {

  private final FakeEngine engine;
  private final TenantState state;

  FakeTenant(FakeEngine engine, TenantState state) {
    this.engine = engine;
    this.state = state;
  }

  /**
   * The tenant id, a lower-case GUID.
   *
   * @return the id
   */
  public String id() {
    return state.id();
  }

  /**
   * The initial domain, e.g. {@code contoso.onmicrosoft.com}.
   *
   * @return the domain
   */
  public String domain() {
    return state.domain();
  }

  /**
   * The administrator's address, {@code admin@<domain>}.
   *
   * @return the address
   */
  public String adminAddress() {
    return "admin@" + state.domain();
  }

  // ------------------------------------------------------------------ consent

  /**
   * Records admin consent of an app in this tenant, as if an administrator had consented.
   *
   * @param clientId the app's client id
   * @param permissions the granted application permissions; none means the app's configured
   *     permissions
   * @return this
   * @throws IllegalArgumentException when the app is not registered
   */
  public FakeTenant grantAdminConsent(String clientId, String... permissions) {
    List<String> configured = engine.directory().app(clientId).orElseThrow(() ->
        new IllegalArgumentException("no app registered with client id " + clientId))
        .permissions();
    state.grant(clientId.toLowerCase(java.util.Locale.ROOT),
        permissions.length > 0 ? List.of(permissions) : configured);
    return this;
  }

  /**
   * Removes the app's service principal: token requests then fail with {@code AADSTS7000229}.
   * Tokens issued before stay valid until they expire.
   *
   * @param clientId the app's client id
   * @return this
   */
  public FakeTenant revokeConsent(String clientId) {
    state.revoke(clientId.toLowerCase(java.util.Locale.ROOT));
    return this;
  }

  /**
   * The permissions granted to an app here.
   *
   * @param clientId the app's client id
   * @return the permissions; empty when the app has no consent here
   */
  public Set<String> consentedPermissions(String clientId) {
    return state.consent(clientId.toLowerCase(java.util.Locale.ROOT)).orElse(Set.of());
  }

  /**
   * Sets how this tenant's administrator answers consent pages (overrides the builder's mode).
   *
   * @param mode the mode
   * @return this
   */
  public FakeTenant consentMode(ConsentMode mode) {
    state.consentMode(Objects.requireNonNull(mode, "mode"));
    return this;
  }

  // ---------------------------------------------------------------- recipients

  /**
   * Adds a room mailbox.
   *
   * @param address the room's SMTP address
   * @param displayName the display name
   * @return this
   * @throws IllegalArgumentException when the address exists
   */
  public FakeTenant addRoom(String address, String displayName) {
    return room(address).displayName(displayName).add();
  }

  /**
   * Starts a room with place properties; finish with {@link FakeRoomBuilder#add()}.
   *
   * @param address the room's SMTP address
   * @return the builder
   */
  public FakeRoomBuilder room(String address) {
    return new FakeRoomBuilder(this, engine, state, address);
  }

  /**
   * Adds a user (a possible organizer of bookings made in Outlook).
   *
   * @param address the user's address
   * @param displayName the display name
   * @return this
   * @throws IllegalArgumentException when the address exists
   */
  public FakeTenant addUser(String address, String displayName) {
    state.add(engine.directory().newMailbox(address, displayName, MailboxState.Kind.USER, null,
        null));
    return this;
  }

  /**
   * Adds a recipient without an Exchange Online mailbox (on-premises or unlicensed): Graph
   * answers {@code 404 MailboxNotEnabledForRESTAPI} for it.
   *
   * @param address the address
   * @return this
   */
  public FakeTenant addMailboxNotInExchangeOnline(String address) {
    state.add(engine.directory().newMailbox(address, address, MailboxState.Kind
        .NOT_IN_EXCHANGE_ONLINE, null, null));
    return this;
  }

  /**
   * Adds a room list.
   *
   * @param address the list's SMTP address
   * @param displayName the display name
   * @param roomAddresses rooms to add to it (they must exist)
   * @return this
   */
  public FakeTenant addRoomList(String address, String displayName, String... roomAddresses) {
    state.addRoomList(new RoomListState(engine.ids().guid(), address.trim(), displayName));
    for (String room : roomAddresses) {
      addRoomToList(address, room);
    }
    return this;
  }

  /**
   * Makes a room a member of a room list.
   *
   * @param listAddress the list
   * @param roomAddress the room
   * @return this
   * @throws IllegalArgumentException when either does not exist
   */
  public FakeTenant addRoomToList(String listAddress, String roomAddress) {
    RoomListState list = state.roomList(listAddress).orElseThrow(() ->
        new IllegalArgumentException("no room list " + listAddress));
    MailboxState room = mailbox(roomAddress);
    if (room.kind() != MailboxState.Kind.ROOM) {
      throw new IllegalArgumentException(roomAddress + " is not a room");
    }
    list.addMember(room.key());
    return this;
  }

  /**
   * Sets the Windows time-zone name of working hours in {@code getSchedule} answers (default
   * {@code Pacific Standard Time}); rooms may override it.
   *
   * @param windowsTimeZoneName e.g. {@code W. Europe Standard Time}
   * @return this
   */
  public FakeTenant workingHoursTimeZone(String windowsTimeZoneName) {
    state.workingHoursTimeZone(Objects.requireNonNull(windowsTimeZoneName));
    return this;
  }

  /**
   * The addresses of the rooms, in the order they were added.
   *
   * @return the addresses
   */
  public List<String> rooms() {
    List<String> out = new ArrayList<>();
    state.rooms().forEach(m -> out.add(m.address()));
    return out;
  }

  // ------------------------------------------------------- "Outlook" bookings

  /**
   * Books a mailbox "in Outlook": the tenant administrator organizes a meeting with the room
   * as a resource attendee. Subscribers are notified.
   *
   * @param mailbox the room (or user) whose calendar gets the item
   * @param subject the subject
   * @param start the start
   * @param end the end, not before {@code start}
   * @return the event id
   */
  public String addEvent(String mailbox, String subject, Instant start, Instant end) {
    return addEvent(mailbox, subject, start, end, adminAddress());
  }

  /**
   * Books a mailbox "in Outlook" with a chosen organizer.
   *
   * @param mailbox the room (or user) whose calendar gets the item
   * @param subject the subject
   * @param start the start
   * @param end the end, not before {@code start}
   * @param organizerAddress the organizer (a user of this tenant or any address)
   * @return the event id
   * @throws IllegalArgumentException when the mailbox does not exist or end is before start
   */
  public String addEvent(
      String mailbox, String subject, Instant start, Instant end, String organizerAddress) {
    return event(mailbox).subject(subject).start(start).end(end).organizer(organizerAddress)
        .add();
  }

  /**
   * Starts a meeting booked "in Outlook" with more options: attendees, {@code showAs}, {@code
   * sensitivity}, already cancelled, a time zone, a recurrence (a series); finish with {@link
   * FakeEventBuilder#add()}.
   *
   * @param mailbox the room (or user) whose calendar gets the item
   * @return the builder
   * @throws IllegalArgumentException when the mailbox does not exist
   */
  public FakeEventBuilder event(String mailbox) {
    return new FakeEventBuilder(this, state, mailbox(mailbox));
  }

  /**
   * Changes a booking "in Outlook" (subject and times). Subscribers are notified. On an
   * occurrence it makes an exception (a moved or renamed occurrence). On a series master with the
   * same times it renames every occurrence that is not an exception; with other times it moves
   * the series, which drops every exception and removed occurrence as Exchange does (a start on
   * another date moves the series' start date).
   *
   * @param mailbox the calendar's mailbox
   * @param eventId the event, occurrence or series master
   * @param subject the new subject
   * @param start the new start
   * @param end the new end
   * @return this
   * @throws IllegalArgumentException when the mailbox or event does not exist, or Exchange
   *     would refuse the change (an occurrence moved onto or past a neighbour's day)
   */
  public FakeTenant updateEvent(
      String mailbox, String eventId, String subject, Instant start, Instant end) {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end is before start");
    }
    FakeEvents.change(mailbox(mailbox).calendar(), eventId,
        e -> e.withSubject(subject).withTimes(start, end));
    return this;
  }

  /**
   * Marks a booking cancelled "in Outlook" (the organizer cancelled; the room's copy stays with
   * {@code isCancelled: true}). On an occurrence it makes a cancelled exception; on a series
   * master every instance is marked. Subscribers are notified of an update.
   *
   * @param mailbox the calendar's mailbox
   * @param eventId the event, occurrence or series master
   * @return this
   * @throws IllegalArgumentException when the mailbox or event does not exist
   */
  public FakeTenant markCancelled(String mailbox, String eventId) {
    FakeEvents.change(mailbox(mailbox).calendar(), eventId, FakeEvents::markCancelled);
    return this;
  }

  /**
   * Deletes a booking "in Outlook". Subscribers are notified. An occurrence is removed from its
   * series (as a room's booking assistant removes an occurrence its organizer cancelled); a
   * series master deletes the whole series.
   *
   * @param mailbox the calendar's mailbox
   * @param eventId the event, occurrence or series master
   * @return this
   * @throws IllegalArgumentException when the mailbox or event does not exist
   */
  public FakeTenant deleteEvent(String mailbox, String eventId) {
    mailbox(mailbox).calendar().delete(eventId)
        .orElseThrow(() -> new IllegalArgumentException("no event " + eventId));
    return this;
  }

  /**
   * What a mailbox's calendar holds: single instances and series masters (as Graph's {@code
   * /events} lists them), ordered by start.
   *
   * @param mailbox the mailbox
   * @return the events
   * @throws IllegalArgumentException when the mailbox does not exist
   */
  public List<FakeEvent> events(String mailbox) {
    MailboxState m = mailbox(mailbox);
    return FakeEvents.of(m, m.calendar().all());
  }

  /**
   * What a calendar view of a mailbox shows: single instances, occurrences and exceptions
   * overlapping {@code [from, to)}, ordered by start; never series masters nor removed
   * occurrences.
   *
   * @param mailbox the mailbox
   * @param from the window's start
   * @param to the window's end
   * @return the instances
   * @throws IllegalArgumentException when the mailbox does not exist
   */
  public List<FakeEvent> calendarView(String mailbox, Instant from, Instant to) {
    MailboxState m = mailbox(mailbox);
    return FakeEvents.of(m, m.calendar().overlapping(from, to));
  }

  // ---------------------------------------------------------- access policies

  /**
   * Denies an app access to mailboxes, like an application access policy with {@code
   * DenyAccess}: Graph answers {@code 403 ErrorAccessDenied "Access to OData is disabled."}.
   *
   * @param clientId the app
   * @param mailboxes the mailboxes
   * @return this
   */
  public FakeTenant denyByAccessPolicy(String clientId, String... mailboxes) {
    state.deny(clientId.toLowerCase(java.util.Locale.ROOT), keys(mailboxes));
    return this;
  }

  /**
   * Restricts an app to the given mailboxes ({@code RestrictAccess}); all others are denied.
   *
   * @param clientId the app
   * @param mailboxes the mailboxes it may reach
   * @return this
   */
  public FakeTenant restrictByAccessPolicy(String clientId, String... mailboxes) {
    state.restrict(clientId.toLowerCase(java.util.Locale.ROOT), keys(mailboxes));
    return this;
  }

  /**
   * Removes every access policy of an app.
   *
   * @param clientId the app
   * @return this
   */
  public FakeTenant removeAccessPolicies(String clientId) {
    state.removePolicies(clientId.toLowerCase(java.util.Locale.ROOT));
    return this;
  }

  /**
   * Expires every delta and skip token issued for a mailbox: their next use answers {@code 410
   * SyncStateNotFound}.
   *
   * @param mailbox the mailbox
   * @return this
   */
  public FakeTenant expireDeltaTokens(String mailbox) {
    mailbox(mailbox).calendar().expireDeltaTokens();
    return this;
  }

  private static List<String> keys(String... mailboxes) {
    List<String> keys = new ArrayList<>();
    for (String m : mailboxes) {
      keys.add(MailboxState.key(m));
    }
    return keys;
  }

  private MailboxState mailbox(String address) {
    return state.mailbox(address).orElseThrow(() ->
        new IllegalArgumentException("no mailbox " + address + " in " + state.domain()));
  }

  @Override
  public String toString() {
    return "FakeTenant{" + domain() + ", id=" + id() + "}";
  }
}
