package com.workplace.calendar.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The fake's server certificate (generated at start, valid for {@code localhost} and {@code
 * 127.0.0.1}), the key store file the HTTPS connector reads, and the trust material clients use.
 */
public final class TlsMaterial implements AutoCloseable {

  private static final String ALIAS = "fake-microsoft365";

  private final X509Certificate certificate;
  private final Path keyStoreFile;
  private final String keyStorePassword;
  private final X509TrustManager trustManager;
  private final SSLContext sslContext;

  private TlsMaterial(
      X509Certificate certificate,
      Path keyStoreFile,
      String keyStorePassword,
      X509TrustManager trustManager,
      SSLContext sslContext) {
    this.certificate = certificate;
    this.keyStoreFile = keyStoreFile;
    this.keyStorePassword = keyStorePassword;
    this.trustManager = trustManager;
    this.sslContext = sslContext;
  }

  /**
   * Generates a fresh key and certificate and writes a PKCS#12 key store to a private temporary
   * file (deleted on {@link #close()}).
   *
   * @return the material
   */
  public static TlsMaterial generate() {
    SelfSignedCertificates.KeyAndCertificate kc =
        SelfSignedCertificates.generate(
            "localhost", List.of("localhost"), List.of("127.0.0.1", "::1"), Duration.ofDays(3650));
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          ALIAS,
          kc.keyPair().getPrivate(),
          password.toCharArray(),
          new Certificate[] {kc.certificate()});
      Path file = Files.createTempFile("fake-microsoft365-", ".p12");
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // the file is still created in the user's temporary directory
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        keyStore.store(out, password.toCharArray());
      }
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      trustStore.setCertificateEntry(ALIAS, kc.certificate());
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trustStore);
      X509TrustManager trustManager = null;
      for (TrustManager tm : tmf.getTrustManagers()) {
        if (tm instanceof X509TrustManager) {
          trustManager = (X509TrustManager) tm;
        }
      }
      if (trustManager == null) {
        throw new IllegalStateException("no X509TrustManager available");
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trustManager}, new SecureRandom());
      return new TlsMaterial(kc.certificate(), file, password, trustManager, context);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot prepare the fake's TLS material", e);
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public Path keyStoreFile() {
    return keyStoreFile;
  }

  public String keyStorePassword() {
    return keyStorePassword;
  }

  public X509TrustManager trustManager() {
    return trustManager;
  }

  public SSLContext sslContext() {
    return sslContext;
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(keyStoreFile);
    } catch (IOException ignored) {
      // a temporary file; nothing else to do
    }
  }
}
