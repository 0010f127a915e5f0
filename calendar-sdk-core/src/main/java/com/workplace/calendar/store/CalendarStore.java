package com.workplace.calendar.store;

import com.workplace.calendar.Page;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the SDK keeps its state: tenants, consent states, room calendars, space links, booking links,
 * sync state, subscriptions and work leases, and (optionally) the {@linkplain
 * #mailboxCoordination() coordination} of mailbox limits between instances. Implementations must be
 * thread-safe; the testkit's
 * {@code CalendarStoreContract} checks one.
 *
 * <p>Rules every implementation follows:
 *
 * <ul>
 *   <li>Every method is atomic: it happens completely or not at all.
 *   <li>Versioned records: an insert stores version 1; an update must carry the stored version and
 *       stores version + 1; otherwise it throws {@link com.workplace.calendar.StaleRecordException}
 *       and changes nothing. Inserting an existing key, or a value that must be unique, throws
 *       {@link com.workplace.calendar.DuplicateRecordException} and changes nothing. Updating a
 *       record that does not exist throws {@link com.workplace.calendar.ResourceNotFoundException}.
 *   <li>E-mail addresses arrive normalized; keys compare exactly.
 *   <li>Secrets are never given to a store. Consent states and subscription client states arrive as
 *       hashes.
 * </ul>
 *
 * @since 0.1.0
 */
public interface CalendarStore extends AutoCloseable {

  // ---- tenants

  /**
   * Finds a tenant.
   *
   * @param tenantId the tenant
   * @return the tenant, if stored
   */
  Optional<Tenant> findTenant(TenantId tenantId);

  /**
   * Lists all tenants.
   *
   * @return the tenants ordered by ID
   */
  List<Tenant> listTenants();

  /**
   * Stores a new tenant.
   *
   * @param tenant the tenant (its version is ignored)
   * @return the stored tenant with version 1
   */
  Tenant insertTenant(Tenant tenant);

  /**
   * Updates a tenant.
   *
   * @param tenant the changed tenant carrying the version it was read with
   * @return the stored tenant with the next version
   */
  Tenant updateTenant(Tenant tenant);

  /**
   * Deletes a tenant and everything stored for it: calendars, space links, booking links, sync
   * states, subscriptions and consent states.
   *
   * @param tenantId the tenant
   * @return {@code true} if it was stored
   */
  boolean deleteTenant(TenantId tenantId);

  // ---- consent states

  /**
   * Stores a consent state.
   *
   * @param state the state (hash, tenant, expiry); unused
   */
  void insertConsentState(ConsentState state);

  /**
   * Finds a consent state by the hash of its value.
   *
   * @param stateHash the hex SHA-256 of the value
   * @return the state, used or not
   */
  Optional<ConsentState> findConsentState(String stateHash);

  /**
   * Marks a consent state used, once: of two concurrent calls, exactly one succeeds.
   *
   * @param stateHash the hex SHA-256 of the value
   * @param usedAt when it was used
   * @return {@code true} if it existed and was unused until now
   */
  boolean markConsentStateUsed(String stateHash, Instant usedAt);

  /**
   * Deletes consent states that expired before a time.
   *
   * @param cutoff the time
   * @return how many were deleted
   */
  int deleteConsentStatesExpiredBefore(Instant cutoff);

  // ---- room calendars

  /**
   * Finds a calendar.
   *
   * @param tenantId the tenant
   * @param email the normalized address
   * @return the calendar, if stored
   */
  Optional<RoomCalendar> findCalendar(TenantId tenantId, String email);

  /**
   * Stores a new calendar. The tenant must be stored.
   *
   * @param calendar the calendar (its version is ignored)
   * @return the stored calendar with version 1
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not stored
   */
  RoomCalendar insertCalendar(RoomCalendar calendar);

  /**
   * Updates a calendar.
   *
   * @param calendar the changed calendar carrying the version it was read with
   * @return the stored calendar with the next version
   */
  RoomCalendar updateCalendar(RoomCalendar calendar);

  /**
   * Deletes a calendar with its space link, booking links, sync state and subscription.
   *
   * @param tenantId the tenant
   * @param email the address
   * @return {@code true} if it was stored
   */
  boolean deleteCalendar(TenantId tenantId, String email);

  /**
   * Lists a tenant's calendars ordered by address; the cursor is the last address of the previous
   * page.
   *
   * @param tenantId the tenant
   * @param query the status filter and page
   * @return one page
   */
  Page<RoomCalendar> listCalendars(TenantId tenantId, CalendarQuery query);

  /**
   * Counts a tenant's calendars.
   *
   * @param tenantId the tenant
   * @return how many are stored
   */
  long countCalendars(TenantId tenantId);

  // ---- space links

  /**
   * Links a space to a calendar atomically. The calendar must be stored. A previous link of the same
   * calendar to another space is removed. If the space is linked to another calendar, that link is
   * removed when {@code replaceSpaceLink} is set; otherwise the call fails.
   *
   * @param link the link (its version is ignored)
   * @param replaceSpaceLink whether to take the space from another calendar
   * @return the stored link with version 1
   * @throws com.workplace.calendar.DuplicateRecordException if the space is linked to another
   *     calendar and {@code replaceSpaceLink} is {@code false}
   * @throws com.workplace.calendar.ResourceNotFoundException if the calendar is not stored
   */
  SpaceLink putSpaceLink(SpaceLink link, boolean replaceSpaceLink);

  /**
   * Finds the link of a space.
   *
   * @param tenantId the tenant
   * @param spaceId the space
   * @return the link, if any
   */
  Optional<SpaceLink> findSpaceLinkBySpace(TenantId tenantId, SpaceId spaceId);

  /**
   * Finds the link of a calendar.
   *
   * @param tenantId the tenant
   * @param email the calendar
   * @return the link, if any
   */
  Optional<SpaceLink> findSpaceLinkByCalendar(TenantId tenantId, String email);

  /**
   * Deletes the link of a space.
   *
   * @param tenantId the tenant
   * @param spaceId the space
   * @return {@code true} if there was one
   */
  boolean deleteSpaceLinkBySpace(TenantId tenantId, SpaceId spaceId);

  /**
   * Deletes the link of a calendar.
   *
   * @param tenantId the tenant
   * @param email the calendar
   * @return {@code true} if there was one
   */
  boolean deleteSpaceLinkByCalendar(TenantId tenantId, String email);

  /**
   * Lists a tenant's space links ordered by space ID.
   *
   * @param tenantId the tenant
   * @return the links
   */
  List<SpaceLink> listSpaceLinks(TenantId tenantId);

  // ---- booking links

  /**
   * Stores a new booking link; the booking key is unique per tenant. The calendar must be stored.
   *
   * @param link the link (its version is ignored)
   * @return the stored link with version 1
   */
  BookingLink insertBookingLink(BookingLink link);

  /**
   * Updates a booking link (e.g. with its event id).
   *
   * @param link the changed link carrying the version it was read with
   * @return the stored link with the next version
   */
  BookingLink updateBookingLink(BookingLink link);

  /**
   * Finds a booking link by the host's key.
   *
   * @param tenantId the tenant
   * @param bookingKey the key
   * @return the link, if any
   */
  Optional<BookingLink> findBookingLink(TenantId tenantId, String bookingKey);

  /**
   * Finds the booking link of an event.
   *
   * @param tenantId the tenant
   * @param email the calendar
   * @param eventId the event id
   * @return the link, if any
   */
  Optional<BookingLink> findBookingLinkByEvent(TenantId tenantId, String email, String eventId);

  /**
   * Finds a booking link by the transaction id its create was sent with, e.g. for an event whose
   * id the link does not hold yet.
   *
   * @param tenantId the tenant
   * @param transactionId the transaction id
   * @return the link, if any
   */
  Optional<BookingLink> findBookingLinkByTransaction(TenantId tenantId, String transactionId);

  /**
   * Deletes a booking link.
   *
   * @param tenantId the tenant
   * @param bookingKey the key
   * @return {@code true} if there was one
   */
  boolean deleteBookingLink(TenantId tenantId, String bookingKey);

  // ---- sync state and subscriptions

  /**
   * Finds the sync state of a calendar.
   *
   * @param tenantId the tenant
   * @param email the calendar
   * @return the state, if any
   */
  Optional<SyncState> findSyncState(TenantId tenantId, String email);

  /**
   * Saves a sync state: version 0 inserts, any other version updates. The calendar must be stored.
   *
   * @param state the state
   * @return the stored state with its new version
   */
  SyncState saveSyncState(SyncState state);

  /**
   * Finds the subscription of a calendar.
   *
   * @param tenantId the tenant
   * @param email the calendar
   * @return the subscription, if any
   */
  Optional<SubscriptionState> findSubscription(TenantId tenantId, String email);

  /**
   * Finds a subscription by the service's id.
   *
   * @param subscriptionId the id
   * @return the subscription, if any
   */
  Optional<SubscriptionState> findSubscriptionById(String subscriptionId);

  /**
   * Saves a subscription: version 0 inserts, any other version updates. One subscription per
   * calendar; subscription ids are unique. The calendar must be stored.
   *
   * @param subscription the subscription
   * @return the stored subscription with its new version
   */
  SubscriptionState saveSubscription(SubscriptionState subscription);

  /**
   * Deletes the subscription of a calendar.
   *
   * @param tenantId the tenant
   * @param email the calendar
   * @return {@code true} if there was one
   */
  boolean deleteSubscription(TenantId tenantId, String email);

  /**
   * Lists subscriptions that expire before a time, soonest first.
   *
   * @param cutoff the time
   * @param limit the most to return
   * @return the subscriptions
   */
  List<SubscriptionState> listSubscriptionsExpiringBefore(Instant cutoff, int limit);

  // ---- leases

  /**
   * Takes a lease if it is free, expired, or already held by the same owner (which renews it).
   *
   * @param name what the lease is for
   * @param owner who asks
   * @param ttl how long it lasts, positive
   * @return the lease, or empty if another owner holds an unexpired one
   */
  Optional<Lease> tryAcquireLease(String name, String owner, Duration ttl);

  /**
   * Extends a held lease.
   *
   * @param lease the lease as acquired or last renewed
   * @param ttl the new duration from now
   * @return the renewed lease, or empty if it was lost (expired and taken, or released)
   */
  Optional<Lease> renewLease(Lease lease, Duration ttl);

  /**
   * Gives a lease up.
   *
   * @param lease the lease
   * @return {@code true} if it was still held by its owner
   */
  boolean releaseLease(Lease lease);

  /**
   * Finds the current holder of a lease.
   *
   * @param name what the lease is for
   * @return the lease, if held and not expired
   */
  Optional<Lease> findLease(String name);

  // ---- coordination between instances

  /**
   * The coordination through which every SDK instance on this store shares each mailbox's limits
   * (permits in flight, penalty box, request budget). A store shared by several instances must
   * offer one; the default offers none, and the SDK then keeps the limits within each instance
   * only (and says so in its log).
   *
   * @return the coordination, if this store offers one
   * @since 0.2.0
   */
  default Optional<MailboxCoordination> mailboxCoordination() {
    return Optional.empty();
  }

  /** Releases resources (connections); the default does nothing. */
  @Override
  default void close() {}
}
