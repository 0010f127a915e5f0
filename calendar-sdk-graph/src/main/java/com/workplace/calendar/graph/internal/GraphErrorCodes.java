package com.workplace.calendar.graph.internal;

import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.tenant.TenantFailureReason;
import java.util.Locale;
import java.util.Optional;

/** Maps Graph's answers about a mailbox to the SDK's failure reasons. */
final class GraphErrorCodes {
  private GraphErrorCodes() {}

  /** Why a mailbox could not be reached, or empty when the status is a success. */
  static Optional<CalendarFailureReason> mailboxFailure(int status, String code, String message) {
    if (status >= 200 && status < 300) {
      return Optional.empty();
    }
    String c = code == null ? "" : code.toLowerCase(Locale.ROOT);
    String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (status == 401) {
      return Optional.of(CalendarFailureReason.TENANT_NOT_AUTHORIZED);
    }
    if (status == 403) {
      if (m.contains("odata is disabled") || c.equals("extensionerror") || m.contains("access policy")) {
        return Optional.of(CalendarFailureReason.ACCESS_DENIED_BY_POLICY);
      }
      return Optional.of(CalendarFailureReason.PERMISSION_MISSING);
    }
    if (status == 404) {
      if (c.equals("mailboxnotenabledforrestapi") || c.equals("mailboxnotsupportedforrestapi")) {
        return Optional.of(CalendarFailureReason.NOT_IN_EXCHANGE_ONLINE);
      }
      return Optional.of(CalendarFailureReason.MAILBOX_NOT_FOUND);
    }
    if (status == 400 && (c.equals("errorinvaliduser") || c.equals("errornonexistentmailbox"))) {
      return Optional.of(CalendarFailureReason.MAILBOX_NOT_FOUND);
    }
    return Optional.of(CalendarFailureReason.THROTTLED_GIVE_UP);
  }

  /** The tenant-level reading of a mailbox failure met while verifying access. */
  static TenantFailureReason tenantFailure(CalendarFailureReason reason) {
    return switch (reason) {
      case ACCESS_DENIED_BY_POLICY -> TenantFailureReason.MAILBOX_ACCESS_DENIED;
      case MAILBOX_NOT_FOUND, NOT_IN_EXCHANGE_ONLINE -> TenantFailureReason.MAILBOX_NOT_FOUND;
      case PERMISSION_MISSING -> TenantFailureReason.PERMISSION_MISSING;
      case TENANT_NOT_AUTHORIZED -> TenantFailureReason.APP_NOT_CONSENTED;
      case THROTTLED_GIVE_UP -> TenantFailureReason.SERVICE_UNAVAILABLE;
    };
  }
}
