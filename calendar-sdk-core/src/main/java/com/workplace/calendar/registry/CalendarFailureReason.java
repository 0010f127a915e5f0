package com.workplace.calendar.registry;

/**
 * Why a room calendar could not be connected, each with the action that fixes it.
 *
 * @since 0.1.0
 */
public enum CalendarFailureReason {
  /** No mailbox exists for the address in the tenant. */
  MAILBOX_NOT_FOUND(
      "No mailbox with this address exists in the tenant.",
      "Check the e-mail address of the room mailbox.",
      false),
  /** An application access policy or RBAC scope blocks the application from this mailbox. */
  ACCESS_DENIED_BY_POLICY(
      "An application access policy or RBAC scope blocks access to this mailbox.",
      "Add the mailbox to the group or management scope that the policy allows.",
      false),
  /** The tenant's consent lacks the calendar permissions. */
  PERMISSION_MISSING(
      "The application lacks calendar permissions in this tenant.",
      "Grant Calendars.ReadWrite (application) and consent again.",
      false),
  /** The mailbox is inactive, soft-deleted or hosted on-premises. */
  NOT_IN_EXCHANGE_ONLINE(
      "The mailbox is inactive, soft-deleted or hosted on-premises, not in Exchange Online.",
      "Move the room mailbox to Exchange Online or use another room.",
      false),
  /** The tenant has not authorized the application, or its authorization was withdrawn. */
  TENANT_NOT_AUTHORIZED(
      "The tenant has not authorized the application.",
      "Authorize the tenant (admin consent) and verify it first.",
      false),
  /** The service kept throttling the requests for this mailbox beyond the retry budget. */
  THROTTLED_GIVE_UP(
      "Microsoft 365 kept throttling requests for this mailbox.",
      "Nothing to fix: the next connect run retries it.",
      true);

  private final String description;
  private final String action;
  private final boolean transientFailure;

  CalendarFailureReason(String description, String action, boolean transientFailure) {
    this.description = description;
    this.action = action;
    this.transientFailure = transientFailure;
  }

  /**
   * Says what went wrong.
   *
   * @return a sentence for a person
   */
  public String description() {
    return description;
  }

  /**
   * Says what to do about it.
   *
   * @return a sentence for a person
   */
  public String action() {
    return action;
  }

  /**
   * Tells whether the failure may go away by itself, so a later run should simply try again.
   *
   * @return {@code true} for transient failures
   */
  public boolean isTransient() {
    return transientFailure;
  }
}
