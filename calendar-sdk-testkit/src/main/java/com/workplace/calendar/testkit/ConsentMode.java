package com.workplace.calendar.testkit;

/**
 * How the fake's admin-consent and authorize endpoints answer a signing-in administrator.
 *
 * <p>Set it for the whole fake with {@link FakeMicrosoft365Builder#consentMode(ConsentMode)} or
 * for one tenant with {@link FakeTenant#consentMode(ConsentMode)}.
 *
 * @since 0.1.0
 */
public enum ConsentMode {
  /**
   * The administrator accepts at once: consent is recorded and the browser is redirected to the
   * redirect URI with {@code admin_consent=True}. The default.
   */
  AUTO_ACCEPT,
  /**
   * The administrator declines: the browser is redirected with {@code error=access_denied} and
   * an {@code AADSTS65004} description; nothing is recorded.
   */
  DECLINE,
  /**
   * The endpoint answers an HTML page listing the requested permissions with an Accept and a
   * Cancel button (forms and links); following either one finishes like {@link #AUTO_ACCEPT} or
   * {@link #DECLINE}.
   */
  INTERACTIVE
}
