package com.workplace.calendar.spring;

/**
 * The settings under {@code workplace.calendar.web.consent}: the admin-consent redirect
 * endpoint.
 *
 * @since 0.2.0
 */
public class CalendarSdkConsentEndpointProperties {
  /** Whether to serve it (GET). */
  private boolean enabled;

  /** Its path. Default: the path of the redirect URI. */
  private String path;

  /**
   * Where the administrator's browser goes afterwards: a path of this application or an
   * absolute http(s) URL; the outcome is added as the query parameters outcome (VERIFIED,
   * CONSENTED, FAILED or REJECTED), tenant and reason.
   */
  private String resultPage = "/";

  /** {@return the value} */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param value the value */
  public void setEnabled(boolean value) {
    this.enabled = value;
  }

  /** {@return the value} */
  public String getPath() {
    return path;
  }

  /** @param value the value */
  public void setPath(String value) {
    this.path = value;
  }

  /** {@return the value} */
  public String getResultPage() {
    return resultPage;
  }

  /** @param value the value */
  public void setResultPage(String value) {
    this.resultPage = value;
  }
}
