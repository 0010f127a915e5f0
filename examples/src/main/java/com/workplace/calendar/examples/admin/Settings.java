package com.workplace.calendar.examples.admin;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The tool's configuration after options and environment variables were read.
 *
 * @param target where the calendars are: the embedded fake or a real Microsoft 365 tenant
 * @param tenant the tenant to work on, if chosen
 * @param clientId the app registration's client ID (real tenants)
 * @param clientSecret the client secret's value (real tenants)
 * @param clientSecretFile a file holding the secret's value, read for every token request
 * @param certificate a certificate file instead of the secret (real tenants)
 * @param certificatePassword the PKCS#12 password
 * @param federatedTokenFile the workload identity token file, read for every token request
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
    Optional<Path> clientSecretFile,
    Optional<Path> certificate,
    Optional<String> certificatePassword,
    Optional<Path> federatedTokenFile,
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

  /**
   * Checks the settings of a real tenant before anything is opened, in the tool's words (the SDK's
   * builder would say the same with its own names).
   *
   * @throws AdminException naming the option that is missing or wrong
   */
  void requireUsableForMicrosoft365() {
    if (clientId.isEmpty()) {
      throw AdminException.configuration(
          "--target microsoft365 needs the app registration's application (client) ID",
          "pass --client-id or set CALENDAR_ADMIN_CLIENT_ID (see the README, 'The calendar-admin"
              + " tool', 'A real Microsoft 365 tenant')");
    }
    long credentials = Stream.of(clientSecret, clientSecretFile, certificate, federatedTokenFile)
        .filter(Optional::isPresent).count();
    if (credentials != 1) {
      throw AdminException.configuration(
          credentials > 1
              ? "more than one credential is configured"
              : "--target microsoft365 needs the app's credential",
          "set exactly one of --federated-token-file, --certificate, --client-secret-file and"
              + " CALENDAR_ADMIN_CLIENT_SECRET (the secret's value, not its ID)");
    }
    if (clientSecret.filter(String::isBlank).isPresent()) {
      throw AdminException.usage(
          "--client-secret is empty", "set CALENDAR_ADMIN_CLIENT_SECRET to the secret's value (not its ID)");
    }
    authorityHost.ifPresent(uri -> {
      if (!secure(uri)) {
        throw AdminException.usage(
            "--authority-host must be an https:// address, not " + uri,
            "use your cloud's identity platform, e.g. --authority-host https://login.microsoftonline.us/");
      }
    });
    graphEndpoint.ifPresent(uri -> {
      if (!(secure(uri) || loopbackHttp(uri))) {
        throw AdminException.usage(
            "--graph-endpoint must be an https:// address (http:// only on this machine), not " + uri,
            "use your cloud's Microsoft Graph, e.g. --graph-endpoint https://graph.microsoft.us/v1.0/");
      }
    });
    redirectUri.ifPresent(LoopbackConsentListener::requireLoopback);
  }

  private static boolean secure(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
  }

  private static boolean loopbackHttp(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    return "http".equalsIgnoreCase(uri.getScheme())
        && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
  }

  @Override
  public String toString() {
    return "Settings[target=" + target + ", tenant=" + tenant.orElse("-") + ", dataDir=" + dataDir + "]";
  }
}
