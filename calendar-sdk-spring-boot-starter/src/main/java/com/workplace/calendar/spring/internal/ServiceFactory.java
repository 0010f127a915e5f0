package com.workplace.calendar.spring.internal;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphCalendarServiceBuilder;
import com.workplace.calendar.graph.GraphLimits;
import com.workplace.calendar.graph.GraphRetryOptions;
import com.workplace.calendar.spring.CalendarSdkLimitsProperties;
import com.workplace.calendar.spring.CalendarSdkProperties;
import com.workplace.calendar.spring.CalendarSdkRetryProperties;
import com.workplace.calendar.spring.CalendarSdkSyncProperties;
import com.workplace.calendar.sync.SyncOptions;
import java.util.function.Consumer;

/**
 * Turns the properties into a {@link GraphCalendarServiceBuilder}: only what is set is passed on,
 * so the SDK's defaults and its validation (and its messages) apply unchanged.
 */
public final class ServiceFactory {
  private ServiceFactory() {}

  /**
   * A builder with every property that is set.
   *
   * @param p the properties
   * @return the builder
   * @throws CalendarSdkConfigurationException when a setting is refused
   */
  public static GraphCalendarServiceBuilder builder(CalendarSdkProperties p) {
    try {
      GraphCalendarServiceBuilder b = GraphCalendarService.builder();
      set(p.getClientId(), b::clientId);
      set(p.getClientSecret(), b::clientSecret);
      if (p.getCertificate().getLocation() != null) {
        b.clientCertificate(
            Certificates.load(p.getCertificate().getLocation(), p.getCertificate().getPassword()));
      }
      set(p.getFederatedTokenFile(), b::federatedTokenFile);
      set(p.getCredentialExpiryWarning(), b::credentialExpiryWarning);
      set(p.getRedirectUri(), b::redirectUri);
      set(p.getAuthorityHost(), b::authorityHost);
      set(p.getGraphEndpoint(), b::graphEndpoint);
      set(p.getGraphResource(), b::graphResource);
      if (!p.getRequiredPermissions().isEmpty()) {
        b.requiredPermissions(p.getRequiredPermissions());
      }
      set(p.getConsentStateLifetime(), b::consentStateLifetime);
      set(p.getVerificationTimeout(), b::verificationTimeout);
      set(p.getTenantStatusRefresh(), b::tenantStatusRefresh);
      b.limits(limits(p.getLimits()));
      b.retry(retry(p.getRetry()));
      b.syncOptions(sync(p.getSync()));
      return b;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CalendarSdkConfigurationException(e.getMessage(), e);
    }
  }

  /**
   * Builds the service, reporting the builder's refusal as a configuration problem.
   *
   * @param builder the builder
   * @return the service
   * @throws CalendarSdkConfigurationException with the builder's message
   */
  public static CalendarService build(GraphCalendarServiceBuilder builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CalendarSdkConfigurationException(e.getMessage(), e);
    }
  }

  private static GraphLimits limits(CalendarSdkLimitsProperties l) {
    GraphLimits.Builder b = GraphLimits.defaults().toBuilder();
    set(l.getMaxConcurrentPerMailbox(), b::maxConcurrentPerMailbox);
    set(l.getRequestsPerWindow(), b::requestsPerWindow);
    set(l.getWindow(), b::window);
    set(l.getMaxBatchSize(), b::maxBatchSize);
    set(l.getMaxConcurrentBatches(), b::maxConcurrentBatches);
    set(l.getPermitExpiry(), b::permitExpiry);
    return b.build();
  }

  private static GraphRetryOptions retry(CalendarSdkRetryProperties r) {
    GraphRetryOptions.Builder b = GraphRetryOptions.defaults().toBuilder();
    set(r.getMaxAttempts(), b::maxAttempts);
    set(r.getBaseDelay(), b::baseDelay);
    set(r.getMaxDelay(), b::maxDelay);
    set(r.getDeadline(), b::deadline);
    return b.build();
  }

  private static SyncOptions sync(CalendarSdkSyncProperties s) {
    SyncOptions defaults = SyncOptions.defaults();
    SyncOptions.Builder b = defaults.toBuilder();
    if (s.getWindowDaysBack() != null || s.getWindowDaysAhead() != null) {
      b.window(
          s.getWindowDaysBack() != null ? s.getWindowDaysBack() : defaults.windowDaysBack(),
          s.getWindowDaysAhead() != null ? s.getWindowDaysAhead() : defaults.windowDaysAhead());
    }
    set(s.getSyncInterval(), b::syncInterval);
    set(s.getConnectInterval(), b::connectInterval);
    set(s.getStartDelay(), b::startDelay);
    set(s.getLeaseTtl(), b::leaseTtl);
    set(s.getBusyRetryDelay(), b::busyRetryDelay);
    set(s.getWorkerThreads(), b::workerThreads);
    set(s.getMaxPagesPerRound(), b::maxPagesPerRound);
    set(s.getSeriesCacheSize(), b::seriesCacheSize);
    if (s.getNotificationUrl() != null || s.getLifecycleUrl() != null) {
      if (s.getNotificationUrl() == null || s.getLifecycleUrl() == null) {
        throw new IllegalStateException(
            "set both workplace.calendar.sync.notification-url and lifecycle-url, or neither");
      }
      b.notifications(s.getNotificationUrl(), s.getLifecycleUrl());
    }
    if (s.getSubscriptionLifetime() != null || s.getFallbackSubscriptionLifetime() != null) {
      b.subscriptionLifetime(
          s.getSubscriptionLifetime() != null
              ? s.getSubscriptionLifetime()
              : defaults.subscriptionLifetime(),
          s.getFallbackSubscriptionLifetime() != null
              ? s.getFallbackSubscriptionLifetime()
              : defaults.fallbackSubscriptionLifetime());
    }
    set(s.getOwnerId(), b::ownerId);
    return b.build();
  }

  private static <T> void set(T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }
}
