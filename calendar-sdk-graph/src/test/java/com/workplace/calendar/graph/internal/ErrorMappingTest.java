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
    assertThat(MsalTokenSource.reasonFor("7000215", "invalid_client")).isEqualTo(TenantFailureReason.INVALID_CLIENT_SECRET);
    assertThat(MsalTokenSource.reasonFor("7000222", "invalid_client")).isEqualTo(TenantFailureReason.CLIENT_SECRET_EXPIRED);
    assertThat(MsalTokenSource.reasonFor("7000229", "invalid_client")).isEqualTo(TenantFailureReason.APP_NOT_CONSENTED);
    assertThat(MsalTokenSource.reasonFor("700016", "unauthorized_client")).isEqualTo(TenantFailureReason.APP_NOT_CONSENTED);
    assertThat(MsalTokenSource.reasonFor("90002", "invalid_request")).isEqualTo(TenantFailureReason.TENANT_NOT_FOUND);
    assertThat(MsalTokenSource.reasonFor(null, "invalid_client")).isEqualTo(TenantFailureReason.INVALID_CLIENT_SECRET);
    assertThat(MsalTokenSource.reasonFor(null, "temporarily_unavailable")).isEqualTo(TenantFailureReason.SERVICE_UNAVAILABLE);
  }
}
