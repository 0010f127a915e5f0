package com.workplace.calendar.graph.internal;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.IClientCredential;
import com.workplace.calendar.graph.ClientCertificate;
import com.workplace.calendar.graph.ClientCertificateSource;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;

/**
 * A certificate credential from a {@link ClientCertificateSource}: a new msal4j credential when the
 * source hands out another certificate; its expiry is watched on every use, and an expired
 * certificate is refused here, before the identity platform is asked.
 */
final class CertificateCredential implements MsalCredential {
  private final ClientCertificateSource source;
  private final CredentialExpiryWatch watch;
  private final Clock clock;
  private ClientCertificate certificate;
  private IClientCredential credential;

  CertificateCredential(ClientCertificateSource source, CredentialExpiryWatch watch, Clock clock) {
    this.source = source;
    this.watch = watch;
    this.clock = clock;
  }

  /** Reads the source and reports the certificate's expiry as due; called on a schedule too. */
  ClientCertificate check() {
    ClientCertificate current;
    try {
      current = source.current();
    } catch (RuntimeException e) {
      throw new CredentialUnavailableException(
          "the client certificate source failed (" + e.getClass().getSimpleName() + ")");
    }
    if (current == null) {
      throw new CredentialUnavailableException("the client certificate source returned nothing");
    }
    watch.check(current);
    return current;
  }

  @Override
  public synchronized IClientCredential current(TenantId tenant) {
    ClientCertificate current = check();
    if (!current.expiresAt().isAfter(clock.instant())) {
      throw new TokenException(
          "the application's certificate " + current.subject() + " (thumbprint "
              + current.thumbprint() + ") expired at " + current.expiresAt(),
          0,
          null,
          TenantFailureReason.CERTIFICATE_EXPIRED,
          false,
          null);
    }
    if (current != certificate) {
      certificate = current;
      credential = ClientCredentialFactory.createFromCertificateChain(
          current.privateKey(), current.chain());
    }
    return credential;
  }

  @Override
  public TenantFailureReason refusedReason() {
    return TenantFailureReason.CERTIFICATE_NOT_REGISTERED;
  }
}
