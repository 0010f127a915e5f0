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
  /**
   * The application's certificate has expired (checked on this host before the identity platform
   * is asked).
   *
   * @since 0.2.0
   */
  CERTIFICATE_EXPIRED(
      "The application's certificate has expired.",
      "Create a new certificate, upload its public part to the app registration (Certificates &"
          + " secrets) and configure it; key store and PEM files are reloaded when they change."),
  /**
   * The certificate that signed the client assertion is not registered on the application, or the
   * signature did not verify (AADSTS700027).
   *
   * @since 0.2.0
   */
  CERTIFICATE_NOT_REGISTERED(
      "The identity platform does not know the certificate the application signed with.",
      "Upload the certificate's public part to the app registration (Certificates & secrets), or"
          + " configure the certificate that is registered there."),
  /**
   * The client assertion was refused: made for another client or audience, malformed or replayed
   * (AADSTS700021, AADSTS700023, AADSTS50027, AADSTS50013, AADSTS5002727).
   *
   * @since 0.2.0
   */
  CLIENT_ASSERTION_INVALID(
      "The identity platform refused the application's client assertion (its signature, issuer,"
          + " subject, audience or jti).",
      "Sign a new assertion for each token request with a certificate registered on the app:"
          + " issuer and subject the application (client) ID, audience the tenant's token"
          + " endpoint, a new jti, header typ JWT; a federated token must verify with its issuer's"
          + " published keys."),
  /**
   * The client assertion or federated token had expired, or was not yet valid, when it arrived
   * (AADSTS700024).
   *
   * @since 0.2.0
   */
  CLIENT_ASSERTION_EXPIRED(
      "The client assertion or federated token was not within its valid time range.",
      "Check this host's clock and that the workload identity platform keeps the federated token"
          + " file fresh; an assertion supplier must return a new assertion on every call."),
  /**
   * No federated credential of the application matches the presented token's issuer, subject or
   * audience (AADSTS70021, AADSTS700211, AADSTS700212, AADSTS700213, AADSTS7002138).
   *
   * @since 0.2.0
   */
  FEDERATED_CREDENTIAL_MISMATCH(
      "No federated credential of the application matches the token this host presented.",
      "Add a federated credential to the app registration with the token's exact issuer and subject"
          + " (compared case-sensitively) and the audience api://AzureADTokenExchange, or mount a"
          + " token with that audience."),
  /**
   * This host could not produce the application's credential: the secret or assertion supplier
   * failed or returned nothing, the federated token file is missing or empty, or the host's token
   * provider had no token for the tenant.
   *
   * @since 0.2.0
   */
  CREDENTIAL_UNAVAILABLE(
      "This host could not read the application's credential.",
      "Check the credential configured on this host: the federated token file exists and is"
          + " readable, the secret or assertion supplier returns a value, the token service answers."),
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
