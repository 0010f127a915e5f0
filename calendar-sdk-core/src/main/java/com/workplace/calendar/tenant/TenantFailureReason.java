package com.workplace.calendar.tenant;

/**
 * Why a tenant could not be authorized or verified, each with the action that fixes it.
 *
 * @since 0.1.0
 */
public enum TenantFailureReason {
  /** The administrator cancelled or declined the consent. */
  CONSENT_DECLINED(
      "The administrator declined the consent request.",
      "Ask a Global or Privileged Role Administrator of the tenant to authorize again and accept."),
  /** The app is not consented (has no service principal) in the tenant. */
  APP_NOT_CONSENTED(
      "The application is not consented in this tenant.",
      "Run the admin-consent flow for this tenant; new consents can take a few minutes to apply."),
  /** The client secret is wrong (often the secret's ID was configured instead of its value). */
  INVALID_CLIENT_SECRET(
      "The application's client secret was rejected.",
      "Configure the secret's value (not its ID) or a valid certificate for the application."),
  /** The client secret has expired. */
  CLIENT_SECRET_EXPIRED(
      "The application's client secret has expired.",
      "Create a new client secret for the application and configure it."),
  /** The tenant does not exist. */
  TENANT_NOT_FOUND(
      "No tenant with this ID or domain exists.",
      "Check the tenant ID: use the directory GUID or a verified domain of the customer."),
  /** The consented permissions lack one the SDK needs. */
  PERMISSION_MISSING(
      "The consent does not include every permission the SDK needs.",
      "Add the missing application permissions to the app registration and consent again."),
  /** The probed room mailbox is blocked for the application by an access policy. */
  MAILBOX_ACCESS_DENIED(
      "An application access policy or RBAC scope blocks the application from the room mailbox.",
      "Add the room mailboxes to the group or management scope the policy allows."),
  /** The probed room mailbox does not exist or is not in Exchange Online. */
  MAILBOX_NOT_FOUND(
      "The room mailbox used for verification was not found in Exchange Online.",
      "Verify with the e-mail address of an existing room mailbox of the tenant."),
  /** The consent callback did not come back as expected (missing parameters). */
  INVALID_CALLBACK(
      "The consent callback did not carry the expected parameters.",
      "Start the authorization again from the beginning."),
  /** Microsoft's services could not be reached or kept failing. */
  SERVICE_UNAVAILABLE(
      "Microsoft's services could not be reached or kept failing.",
      "Try again later; check the network path to Microsoft 365.");

  private final String description;
  private final String action;

  TenantFailureReason(String description, String action) {
    this.description = description;
    this.action = action;
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
}
