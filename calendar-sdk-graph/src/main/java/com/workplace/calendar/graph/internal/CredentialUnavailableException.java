package com.workplace.calendar.graph.internal;

/**
 * This host could not produce the application's credential (a supplier failed or returned nothing,
 * a token file is missing). Thrown inside msal4j's assertion callback and found again in the cause
 * chain of what msal4j throws. Its message names the source, never a credential.
 */
final class CredentialUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  CredentialUnavailableException(String message) {
    super(message, null, false, false);
  }
}
