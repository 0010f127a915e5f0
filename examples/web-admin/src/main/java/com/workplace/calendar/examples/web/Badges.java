package com.workplace.calendar.examples.web;

import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.tenant.TenantStatus;
import org.springframework.stereotype.Component;

/** The words and colours of status badges; pages call it as {@code @badges}. */
@Component("badges")
public final class Badges {

  Badges() {}

  /**
   * The badge text of a tenant's status.
   *
   * @param status the status
   * @return the text
   */
  public String label(TenantStatus status) {
    return switch (status) {
      case VERIFIED -> "Account Verified";
      case CONSENTED -> "Consented, not verified yet";
      case CONSENT_PENDING -> "Waiting for consent";
      case FAILED -> "Failed";
      case REVOKED -> "Consent revoked";
    };
  }

  /**
   * The CSS class of a tenant's badge.
   *
   * @param status the status
   * @return the classes
   */
  public String css(TenantStatus status) {
    return switch (status) {
      case VERIFIED -> "badge ok";
      case CONSENTED, CONSENT_PENDING -> "badge pending";
      case FAILED, REVOKED -> "badge bad";
    };
  }

  /**
   * The badge text of a calendar's status.
   *
   * @param status the status
   * @return the text
   */
  public String label(CalendarStatus status) {
    return switch (status) {
      case ADDED -> "Added, not connected";
      case CONNECTED -> "Connected";
      case FAILED -> "Failed";
    };
  }

  /**
   * The CSS class of a calendar's badge.
   *
   * @param status the status
   * @return the classes
   */
  public String css(CalendarStatus status) {
    return switch (status) {
      case ADDED -> "badge pending";
      case CONNECTED -> "badge ok";
      case FAILED -> "badge bad";
    };
  }
}
