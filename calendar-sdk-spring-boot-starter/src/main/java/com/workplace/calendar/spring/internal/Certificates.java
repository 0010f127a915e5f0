package com.workplace.calendar.spring.internal;

import com.workplace.calendar.graph.ClientCertificate;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import org.springframework.core.io.Resource;

/**
 * Reads the app's certificate credential from a PKCS#12 file ({@code .p12}, {@code .pfx}) or a PEM
 * file with an unencrypted PKCS#8 key ({@code BEGIN PRIVATE KEY}) and the certificate chain. Error
 * messages name the file, never its content or the password.
 */
final class Certificates {
  private static final int MAX_BYTES = 1 << 20;
  private static final Pattern KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private static final Pattern CERTIFICATE =
      Pattern.compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+-----END CERTIFICATE-----");

  private Certificates() {}

  static ClientCertificate load(Resource location, String password) {
    String name = String.valueOf(location.getFilename()).toLowerCase(Locale.ROOT);
    byte[] bytes;
    try (InputStream in = location.getInputStream()) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "workplace.calendar.certificate.location " + location.getDescription() + " cannot be read");
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "workplace.calendar.certificate.location " + location.getDescription() + " is over 1 MiB");
    }
    try {
      return name.endsWith(".p12") || name.endsWith(".pfx")
          ? pkcs12(bytes, password == null ? new char[0] : password.toCharArray())
          : pem(new String(bytes, StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "workplace.calendar.certificate.location " + location.getDescription()
              + " holds no usable certificate credential (a .p12/.pfx file with its password, or a"
              + " PEM file with a 'BEGIN PRIVATE KEY' block and the certificate)");
    }
  }

  private static ClientCertificate pkcs12(byte[] bytes, char[] password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(new ByteArrayInputStream(bytes), password);
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        Key key = store.getKey(alias, password);
        Certificate[] chain = store.getCertificateChain(alias);
        if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
          List<X509Certificate> certificates = new ArrayList<>();
          for (Certificate c : chain) {
            certificates.add((X509Certificate) c);
          }
          return new ClientCertificate(privateKey, certificates);
        }
      }
    }
    throw new IllegalArgumentException("no private key entry");
  }

  private static ClientCertificate pem(String text) throws GeneralSecurityException {
    Matcher key = KEY.matcher(text);
    if (!key.find()) {
      throw new IllegalArgumentException("no PKCS#8 key");
    }
    byte[] der = Base64.getMimeDecoder().decode(key.group(1).replaceAll("\\s", ""));
    List<X509Certificate> chain = new ArrayList<>();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    Matcher block = CERTIFICATE.matcher(text);
    while (block.find()) {
      chain.add(
          (X509Certificate)
              factory.generateCertificate(
                  new ByteArrayInputStream(block.group().getBytes(StandardCharsets.US_ASCII))));
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("no certificate");
    }
    String algorithm = chain.get(0).getPublicKey().getAlgorithm();
    PrivateKey privateKey =
        KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    return new ClientCertificate(privateKey, chain);
  }
}
