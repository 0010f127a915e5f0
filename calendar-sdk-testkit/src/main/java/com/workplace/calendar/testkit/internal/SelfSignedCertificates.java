package com.workplace.calendar.testkit.internal;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates RSA key pairs and self-signed X.509 v3 certificates with plain JDK APIs.
 *
 * <p>The certificate is encoded by hand with {@link Der} and signed with SHA256withRSA; the JDK's
 * {@link CertificateFactory} then parses it, which also checks the encoding.
 */
public final class SelfSignedCertificates {

  private static final String SHA256_WITH_RSA = "1.2.840.113549.1.1.11";
  private static final String COMMON_NAME = "2.5.4.3";
  private static final String SUBJECT_ALT_NAME = "2.5.29.17";
  private static final String BASIC_CONSTRAINTS = "2.5.29.19";
  private static final String KEY_USAGE = "2.5.29.15";
  private static final String EXTENDED_KEY_USAGE = "2.5.29.37";
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private SelfSignedCertificates() {}

  /** A key pair with its self-signed certificate. */
  public record KeyAndCertificate(KeyPair keyPair, X509Certificate certificate) {}

  /**
   * Generates a 2048-bit RSA key pair.
   *
   * @return the key pair
   */
  public static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, new SecureRandom());
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is not available", e);
    }
  }

  /**
   * Generates a key pair and a self-signed certificate for it.
   *
   * @param commonName the subject and issuer common name
   * @param dnsNames DNS names for the subject alternative name extension
   * @param ipAddresses IP address literals for the subject alternative name extension
   * @param validity how long the certificate is valid (it starts one day in the past)
   * @return the key pair and certificate
   */
  public static KeyAndCertificate generate(
      String commonName, List<String> dnsNames, List<String> ipAddresses, Duration validity) {
    KeyPair keyPair = rsaKeyPair();
    return new KeyAndCertificate(keyPair, certificate(keyPair, commonName, dnsNames, ipAddresses,
        validity));
  }

  /**
   * Creates a self-signed certificate for an existing key pair.
   *
   * @param keyPair the RSA key pair
   * @param commonName the subject and issuer common name
   * @param dnsNames DNS names for the subject alternative name extension
   * @param ipAddresses IP address literals for the subject alternative name extension
   * @param validity how long the certificate is valid (it starts one day in the past)
   * @return the certificate
   */
  public static X509Certificate certificate(
      KeyPair keyPair,
      String commonName,
      List<String> dnsNames,
      List<String> ipAddresses,
      Duration validity) {
    ZonedDateTime now = ZonedDateTime.now();
    return certificate(keyPair, commonName, dnsNames, ipAddresses, now.minusDays(1),
        now.plus(validity));
  }

  /**
   * Creates a self-signed certificate valid between two instants.
   *
   * @param keyPair the RSA key pair
   * @param commonName the subject and issuer common name
   * @param dnsNames DNS names for the subject alternative name extension
   * @param ipAddresses IP address literals for the subject alternative name extension
   * @param notBefore the start of validity
   * @param notAfter the end of validity
   * @return the certificate
   */
  public static X509Certificate certificate(
      KeyPair keyPair,
      String commonName,
      List<String> dnsNames,
      List<String> ipAddresses,
      ZonedDateTime notBefore,
      ZonedDateTime notAfter) {
    try {
      byte[] algorithm = Der.sequence(Der.oid(SHA256_WITH_RSA), Der.nullValue());
      byte[] name =
          Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
      byte[] validityPeriod = Der.sequence(Der.time(notBefore), Der.time(notAfter));
      byte[] serial = Der.integer(new BigInteger(64, new SecureRandom()).add(BigInteger.ONE));
      byte[] tbs =
          Der.sequence(
              Der.explicit(0, Der.integer(2)),
              serial,
              algorithm,
              name,
              validityPeriod,
              name,
              keyPair.getPublic().getEncoded(),
              Der.explicit(3, extensions(dnsNames, ipAddresses)));
      Signature signer = Signature.getInstance("SHA256withRSA");
      signer.initSign(keyPair.getPrivate());
      signer.update(tbs);
      byte[] certificate = Der.sequence(tbs, algorithm, Der.bitString(signer.sign(), 0));
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      return (X509Certificate)
          factory.generateCertificate(new ByteArrayInputStream(certificate));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a self-signed certificate", e);
    }
  }

  private static byte[] extensions(List<String> dnsNames, List<String> ipAddresses) {
    List<byte[]> extensions = new ArrayList<>();
    extensions.add(extension(BASIC_CONSTRAINTS, true, Der.sequence()));
    // digitalSignature (bit 0) and keyEncipherment (bit 2): 1010 0000, 5 unused bits
    extensions.add(extension(KEY_USAGE, true, Der.bitString(new byte[] {(byte) 0xA0}, 5)));
    extensions.add(
        extension(
            EXTENDED_KEY_USAGE, false, Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH))));
    if (!dnsNames.isEmpty() || !ipAddresses.isEmpty()) {
      List<byte[]> names = new ArrayList<>();
      for (String dns : dnsNames) {
        names.add(Der.implicitPrimitive(2, dns.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
      }
      for (String ip : ipAddresses) {
        names.add(Der.implicitPrimitive(7, ipBytes(ip)));
      }
      extensions.add(extension(SUBJECT_ALT_NAME, false, Der.sequence(names.toArray(byte[][]::new))));
    }
    return Der.sequence(extensions.toArray(byte[][]::new));
  }

  private static byte[] extension(String oid, boolean critical, byte[] value) {
    if (critical) {
      return Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value));
    }
    return Der.sequence(Der.oid(oid), Der.octetString(value));
  }

  private static byte[] ipBytes(String literal) {
    if (!literal.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      throw new IllegalArgumentException("not an IP address literal: " + literal);
    }
    try {
      // a literal never triggers a name lookup
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + literal, e);
    }
  }
}
