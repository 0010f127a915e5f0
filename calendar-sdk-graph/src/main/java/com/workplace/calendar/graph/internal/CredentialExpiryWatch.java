package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.ClientCertificate;
import com.workplace.calendar.graph.CredentialExpiry;
import com.workplace.calendar.graph.GraphEventListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the certificate the service signs with: one that expires within the warning window (or
 * has expired) is reported through {@link GraphEventListener#credentialExpiring} and a log warning
 * when first seen and then once a day; when a reported certificate is replaced by one outside the
 * window, {@link GraphEventListener#credentialRenewed} says so once.
 */
final class CredentialExpiryWatch {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialExpiryWatch.class);
  static final Duration REPEAT = Duration.ofDays(1);

  private final Duration warning;
  private final Clock clock;
  private final GraphEventListener listener;
  private String reportedThumbprint;
  private Instant reportedAt;

  CredentialExpiryWatch(Duration warning, Clock clock, GraphEventListener listener) {
    this.warning = warning;
    this.clock = clock;
    this.listener = listener;
  }

  /**
   * Looks at the certificate in use.
   *
   * @param certificate the certificate
   * @return what was found
   */
  synchronized CredentialExpiry check(ClientCertificate certificate) {
    Instant now = clock.instant();
    CredentialExpiry expiry =
        new CredentialExpiry(certificate.subject(), certificate.thumbprint(),
            certificate.expiresAt(), now);
    boolean soon = !certificate.expiresAt().isAfter(now.plus(warning));
    if (soon) {
      boolean due = !expiry.thumbprint().equals(reportedThumbprint)
          || !reportedAt.plus(REPEAT).isAfter(now);
      if (due) {
        reportedThumbprint = expiry.thumbprint();
        reportedAt = now;
        warn(expiry);
        notify(expiry, true);
      }
    } else if (reportedThumbprint != null) {
      reportedThumbprint = null;
      reportedAt = null;
      LOG.info("The application's certificate {} (thumbprint {}) is now in use; it expires at {}",
          expiry.subject(), expiry.thumbprint(), expiry.expiresAt());
      notify(expiry, false);
    }
    return expiry;
  }

  private static void warn(CredentialExpiry expiry) {
    if (expiry.expired()) {
      LOG.warn("The application's certificate {} (thumbprint {}) expired at {}: every token request"
              + " fails until a new certificate is uploaded to the app registration and configured",
          expiry.subject(), expiry.thumbprint(), expiry.expiresAt());
    } else {
      LOG.warn("The application's certificate {} (thumbprint {}) expires at {}, in {} days: upload a"
              + " new certificate to the app registration and configure it before then",
          expiry.subject(), expiry.thumbprint(), expiry.expiresAt(), expiry.remaining().toDays());
    }
  }

  private void notify(CredentialExpiry expiry, boolean expiring) {
    try {
      if (expiring) {
        listener.credentialExpiring(expiry);
      } else {
        listener.credentialRenewed(expiry);
      }
    } catch (RuntimeException e) {
      LOG.warn("The event listener failed on a credential expiry event ({})",
          e.getClass().getSimpleName());
    }
  }
}
