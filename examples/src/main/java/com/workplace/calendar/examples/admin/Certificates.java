package com.workplace.calendar.examples.admin;

import com.workplace.calendar.graph.ClientCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an app registration's certificate credential: a PKCS#12 file ({@code .p12}, {@code .pfx})
 * or a PEM file with an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) and the
 * certificate chain, leaf first.
 */
final class Certificates {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private Certificates() {}

  static ClientCertificate load(Path file, String password) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    try {
      byte[] bytes = Files.readAllBytes(file);
      return name.endsWith(".p12") || name.endsWith(".pfx")
          ? fromPkcs12(bytes, password == null ? new char[0] : password.toCharArray())
          : fromPem(new String(bytes, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw AdminException.configuration(
          "the certificate file cannot be read: " + ErrorReporter.describe(e),
          "pass a readable .pem or .p12/.pfx file to --certificate");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw AdminException.configuration(
          "the certificate file " + file + " is not usable: " + e.getMessage(),
          "use a PKCS#12 file (with --certificate-password) or a PEM file holding an unencrypted"
              + " 'BEGIN PRIVATE KEY' block and the certificate");
    }
  }

  private static ClientCertificate fromPkcs12(byte[] bytes, char[] password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      store.load(in, password);
    }
    for (String alias : Collections.list(store.aliases())) {
      Key key = store.getKey(alias, password);
      if (key instanceof PrivateKey privateKey) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain(alias)) {
          chain.add((X509Certificate) certificate);
        }
        return new ClientCertificate(privateKey, chain);
      }
    }
    throw new IllegalArgumentException("it holds no private key");
  }

  private static ClientCertificate fromPem(String text) throws GeneralSecurityException {
    PrivateKey key = null;
    List<X509Certificate> chain = new ArrayList<>();
    CertificateFactory certificates = CertificateFactory.getInstance("X.509");
    Matcher matcher = PEM.matcher(text);
    while (matcher.find()) {
      byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
      switch (matcher.group(1)) {
        case "PRIVATE KEY" -> key = privateKey(der);
        case "CERTIFICATE" ->
            chain.add((X509Certificate) certificates.generateCertificate(new ByteArrayInputStream(der)));
        case "RSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY" ->
            throw new IllegalArgumentException(
                "its key is PKCS#1 or encrypted; convert it with: openssl pkcs8 -topk8 -nocrypt");
        default -> {
          // other blocks (e.g. parameters) do not matter
        }
      }
    }
    if (key == null) {
      throw new IllegalArgumentException("it holds no 'BEGIN PRIVATE KEY' block");
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("it holds no 'BEGIN CERTIFICATE' block");
    }
    return new ClientCertificate(key, chain);
  }

  private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }
}
