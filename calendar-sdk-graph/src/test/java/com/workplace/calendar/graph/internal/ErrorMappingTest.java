package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.tenant.TenantFailureReason;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {

  @Test
  void mapsMailboxAnswersToReasons() {
    assertThat(GraphErrorCodes.mailboxFailure(200, "", "")).isEmpty();
    assertThat(GraphErrorCodes.mailboxFailure(403, "ErrorAccessDenied", "Access to OData is disabled."))
        .contains(CalendarFailureReason.ACCESS_DENIED_BY_POLICY);
    assertThat(GraphErrorCodes.mailboxFailure(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again."))
        .contains(CalendarFailureReason.PERMISSION_MISSING);
    assertThat(GraphErrorCodes.mailboxFailure(404, "ErrorInvalidUser", "The requested user 'x' is invalid."))
        .contains(CalendarFailureReason.MAILBOX_NOT_FOUND);
    assertThat(GraphErrorCodes.mailboxFailure(404, "ResourceNotFound", ""))
        .contains(CalendarFailureReason.MAILBOX_NOT_FOUND);
    assertThat(GraphErrorCodes.mailboxFailure(404, "MailboxNotEnabledForRESTAPI", ""))
        .contains(CalendarFailureReason.NOT_IN_EXCHANGE_ONLINE);
    assertThat(GraphErrorCodes.mailboxFailure(401, "InvalidAuthenticationToken", ""))
        .contains(CalendarFailureReason.TENANT_NOT_AUTHORIZED);
    assertThat(GraphErrorCodes.mailboxFailure(429, "TooManyRequests", ""))
        .contains(CalendarFailureReason.THROTTLED_GIVE_UP);
  }

  @Test
  void mapsIdentityPlatformCodesToReasons() {
    TenantFailureReason secret = TenantFailureReason.INVALID_CLIENT_SECRET;
    assertThat(MsalTokenIssuer.reasonFor("7000215", "invalid_client", secret)).isEqualTo(TenantFailureReason.INVALID_CLIENT_SECRET);
    assertThat(MsalTokenIssuer.reasonFor("7000222", "invalid_client", secret)).isEqualTo(TenantFailureReason.CLIENT_SECRET_EXPIRED);
    assertThat(MsalTokenIssuer.reasonFor("7000229", "invalid_client", secret)).isEqualTo(TenantFailureReason.APP_NOT_CONSENTED);
    assertThat(MsalTokenIssuer.reasonFor("700016", "unauthorized_client", secret)).isEqualTo(TenantFailureReason.APP_NOT_CONSENTED);
    assertThat(MsalTokenIssuer.reasonFor("90002", "invalid_request", secret)).isEqualTo(TenantFailureReason.TENANT_NOT_FOUND);
    assertThat(MsalTokenIssuer.reasonFor(null, "invalid_client", secret)).isEqualTo(TenantFailureReason.INVALID_CLIENT_SECRET);
    assertThat(MsalTokenIssuer.reasonFor(null, "temporarily_unavailable", secret)).isEqualTo(TenantFailureReason.SERVICE_UNAVAILABLE);
  }

  @Test
  void mapsAssertionAndFederationCodesToReasons() {
    TenantFailureReason certificate = TenantFailureReason.CERTIFICATE_NOT_REGISTERED;
    TenantFailureReason assertion = TenantFailureReason.CLIENT_ASSERTION_INVALID;
    assertThat(MsalTokenIssuer.reasonFor("700027", "invalid_client", certificate)).isEqualTo(certificate);
    assertThat(MsalTokenIssuer.reasonFor("700027", "invalid_client", assertion)).isEqualTo(assertion);
    assertThat(MsalTokenIssuer.reasonFor(null, "invalid_client", certificate)).isEqualTo(certificate);
    for (String code : new String[] {"700021", "700023", "50027", "50013", "5002727"}) {
      assertThat(MsalTokenIssuer.reasonFor(code, "invalid_client", certificate)).as(code).isEqualTo(assertion);
    }
    assertThat(MsalTokenIssuer.reasonFor("700024", "invalid_client", certificate))
        .isEqualTo(TenantFailureReason.CLIENT_ASSERTION_EXPIRED);
    for (String code : new String[] {"70021", "700211", "700212", "700213", "7002138"}) {
      assertThat(MsalTokenIssuer.reasonFor(code, "invalid_client", assertion)).as(code)
          .isEqualTo(TenantFailureReason.FEDERATED_CREDENTIAL_MISMATCH);
    }
  }
}
