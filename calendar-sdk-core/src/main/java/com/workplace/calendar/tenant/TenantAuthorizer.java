package com.workplace.calendar.tenant;

import java.util.List;
import java.util.Optional;

/**
 * Authorizes customer tenants through Microsoft's admin-consent flow and proves access.
 *
 * <p>The flow: {@link #begin(TenantId)} returns the consent URL to send the administrator to; the
 * identity platform redirects back to the configured redirect URI; the host hands that query to
 * {@link #complete(ConsentCallback)}, which checks the {@code state} (known, unused, unexpired,
 * bound to that tenant), then the {@code error}, then proves access and records the tenant as
 * {@link TenantStatus#VERIFIED}. A forged, replayed or expired callback changes nothing.
 *
 * @since 0.1.0
 */
public interface TenantAuthorizer {

  /**
   * Starts (or restarts) authorization of a tenant. An unknown tenant is recorded as {@link
   * TenantStatus#CONSENT_PENDING}; a known one keeps its status until the callback arrives.
   *
   * @param tenantId the tenant to authorize
   * @return the consent URL and its single-use state
   */
  ConsentRequest begin(TenantId tenantId);

  /**
   * Completes authorization with what came back to the redirect URI.
   *
   * @param callback the parsed redirect query
   * @return the outcome; a failure carries a reason the administrator can act on
   * @throws com.workplace.calendar.CalendarClientException if the state is unknown, used, expired or
   *     bound to another tenant; nothing is changed then
   * @throws com.workplace.calendar.CalendarServiceException with status code 0 if the service could
   *     not be reached to prove access within the verification bound; the tenant stays consented
   */
  VerificationResult complete(ConsentCallback callback);

  /**
   * Proves access again for a tenant that consented earlier, probing its recorded mailbox or its
   * first registered calendar.
   *
   * @param tenantId the tenant
   * @return the outcome
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   * @throws com.workplace.calendar.CalendarServiceException with status code 0 if the service could
   *     not be reached within the verification bound; the tenant is left as it was
   */
  VerificationResult verify(TenantId tenantId);

  /**
   * Proves access by probing a given room mailbox, which is remembered for later checks.
   *
   * @param tenantId the tenant
   * @param probeMailbox a room mailbox of the tenant
   * @return the outcome
   * @throws com.workplace.calendar.ResourceNotFoundException if the tenant is not known
   * @throws com.workplace.calendar.CalendarServiceException with status code 0 if the service could
   *     not be reached within the verification bound; the tenant is left as it was
   */
  VerificationResult verify(TenantId tenantId, String probeMailbox);

  /**
   * Looks a tenant up.
   *
   * @param tenantId the tenant
   * @return the tenant, if known
   */
  Optional<Tenant> get(TenantId tenantId);

  /**
   * Lists every known tenant.
   *
   * @return the tenants, ordered by ID
   */
  List<Tenant> list();

  /**
   * Forgets a tenant that has no registered calendars.
   *
   * @param tenantId the tenant
   * @return {@code true} if it was known
   * @throws com.workplace.calendar.ConflictException if calendars are still registered
   */
  boolean remove(TenantId tenantId);

  /**
   * Forgets a tenant; with {@code removeCalendars} its calendars, links, bookings links and
   * subscriptions go too.
   *
   * @param tenantId the tenant
   * @param removeCalendars whether to remove its calendars as well
   * @return {@code true} if it was known
   * @throws com.workplace.calendar.ConflictException if calendars remain and {@code
   *     removeCalendars} is {@code false}
   */
  boolean remove(TenantId tenantId, boolean removeCalendars);
}
