package com.workplace.calendar.examples.admin;

import com.workplace.calendar.graph.ClientCertificateSource;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.graph.GraphCalendarServiceBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Gives the SDK the app registration's credential the tool was configured with. Each one is read
 * again whenever the SDK needs a token, so a rotated secret file, a replaced certificate or a
 * refreshed federated token is used by a long-running {@code sync watch} or {@code shell} at once.
 */
final class Credentials {
  private Credentials() {}

  /**
   * Sets the one credential of {@link Settings#requireUsableForMicrosoft365() usable settings}.
   *
   * @throws AdminException when a credential file cannot be used
   */
  static void apply(Settings settings, GraphCalendarServiceBuilder builder) {
    if (settings.federatedTokenFile().isPresent()) {
      builder.federatedTokenFile(requireFile(settings.federatedTokenFile().get(), "--federated-token-file"));
    } else if (settings.certificate().isPresent()) {
      builder.clientCertificate(certificate(settings.certificate().get(), settings.certificatePassword().orElse("")));
    } else if (settings.clientSecretFile().isPresent()) {
      builder.clientSecret(secretFile(requireFile(settings.clientSecretFile().get(), "--client-secret-file")));
    } else {
      builder.clientSecret(settings.clientSecret().orElseThrow());
    }
  }

  /**
   * A secret kept in a file (a mounted Kubernetes or Docker secret), read for every token request.
   *
   * @param file the file holding the secret's value
   * @return the supplier
   */
  static Supplier<String> secretFile(Path file) {
    return () -> {
      try {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalStateException("the client secret file " + file + " cannot be read", e);
      }
    };
  }

  private static ClientCertificateSource certificate(Path file, String password) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      return name.endsWith(".p12") || name.endsWith(".pfx")
          ? ClientCertificateSource.fromPkcs12(file, password.toCharArray())
          : ClientCertificateSource.fromPem(file, file);
    } catch (IllegalArgumentException e) {
      throw AdminException.configuration(
          e.getMessage(),
          "use a PKCS#12 file (.p12/.pfx, with --certificate-password) or a PEM file holding an"
              + " unencrypted 'BEGIN PRIVATE KEY' block and the certificate, for --certificate");
    }
  }

  private static Path requireFile(Path file, String option) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw AdminException.configuration(
          "the file " + file + " of " + option + " does not exist or cannot be read",
          "pass a readable file to " + option);
    }
    return file;
  }
}
