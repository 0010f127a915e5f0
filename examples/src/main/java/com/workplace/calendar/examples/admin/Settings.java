package com.workplace.calendar.examples.admin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The tool's configuration after options and environment variables were read.
 *
 * @param target where the calendars are: the embedded fake or a real Microsoft 365 tenant
 * @param tenant the tenant to work on, if chosen
 * @param clientId the app registration's client ID (real tenants)
 * @param clientSecret the client secret's value (real tenants)
 * @param certificate a certificate file instead of the secret (real tenants)
 * @param certificatePassword the PKCS#12 password
 * @param redirectUri the admin-consent redirect URI registered on the app
 * @param jdbcUrl the store's JDBC URL; empty for the default H2 file in the data directory
 * @param jdbcUser the database user
 * @param jdbcPassword the database password
 * @param dataDir where the default store lives
 * @param spaces the space directory file; empty for the bundled demo spaces
 * @param authorityHost the identity platform's root (sovereign clouds)
 * @param graphEndpoint the Graph root (sovereign clouds)
 */
record Settings(
    Target target,
    Optional<String> tenant,
    Optional<String> clientId,
    Optional<String> clientSecret,
    Optional<Path> certificate,
    Optional<String> certificatePassword,
    Optional<URI> redirectUri,
    Optional<String> jdbcUrl,
    Optional<String> jdbcUser,
    Optional<String> jdbcPassword,
    Path dataDir,
    Optional<Path> spaces,
    Optional<URI> authorityHost,
    Optional<URI> graphEndpoint) {

  /** The redirect URI a real tenant's app registration gets unless told otherwise. */
  static final URI DEFAULT_REDIRECT_URI = URI.create("http://localhost:8765/calendar-admin/consent");

  /** Where the calendars are. */
  enum Target {
    /** The embedded FakeMicrosoft365 with the demo organisation. */
    fake,
    /** A real Microsoft 365 tenant, through an app registration. */
    microsoft365
  }

  @Override
  public String toString() {
    return "Settings[target=" + target + ", tenant=" + tenant.orElse("-") + ", dataDir=" + dataDir + "]";
  }
}
