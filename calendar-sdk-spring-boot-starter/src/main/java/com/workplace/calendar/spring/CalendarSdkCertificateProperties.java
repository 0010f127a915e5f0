package com.workplace.calendar.spring;

import org.springframework.core.io.Resource;

/**
 * The settings under {@code workplace.calendar.certificate}: a certificate credential, used
 * instead of the client secret.
 *
 * @since 0.2.0
 */
public class CalendarSdkCertificateProperties {
  /**
   * A PKCS#12 file (.p12, .pfx) or a PEM file with an unencrypted PKCS#8 private key and the
   * certificate chain, e.g. file:/etc/workplace/calendar-app.pfx.
   */
  private Resource location;

  /** The password of a PKCS#12 file. */
  private String password;

  /** {@return the file} */
  public Resource getLocation() {
    return location;
  }

  /** @param location the file */
  public void setLocation(Resource location) {
    this.location = location;
  }

  /** {@return the password} */
  public String getPassword() {
    return password;
  }

  /** @param password the password */
  public void setPassword(String password) {
    this.password = password;
  }

  @Override
  public String toString() {
    return "CalendarSdkCertificateProperties[location=" + location + "]";
  }
}
