package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.ClientCertificate;
import com.workplace.calendar.graph.ClientCertificateSource;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificate credentials read from files: a PKCS#12 key store, or PEM files with a PKCS#8 key and
 * the chain. A source reads its files on every {@link ClientCertificateSource#current()} (they are
 * a few kilobytes, and the service asks only when it needs a new token) and parses them again only
 * when their bytes changed; when they changed into something unusable (a rotation caught
 * half-written) it keeps the last good certificate and logs a warning once per change.
 */
public final class CertificateFiles {
  private static final Logger LOG = LoggerFactory.getLogger(CertificateFiles.class);
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
  private static final long MAX_FILE_BYTES = 1024 * 1024;

  private CertificateFiles() {}

  /**
   * A reloading PKCS#12 source.
   *
   * @param file the key store
   * @param password its password (copied)
   * @return the source, loaded once already
   * @throws IllegalArgumentException when it cannot be loaded now
   */
  public static ClientCertificateSource pkcs12(Path file, char[] password) {
    Path store = requireFile(file, "the PKCS#12 file");
    char[] secret = Objects.requireNonNull(password, "password").clone();
    return new Reloading("PKCS#12 " + store, List.of(store), files -> fromPkcs12(store, files.get(0), secret));
  }

  /**
   * A reloading PEM source.
   *
   * @param keyFile the private key file
   * @param chainFile the certificate chain file (may be the key file)
   * @return the source, loaded once already
   * @throws IllegalArgumentException when it cannot be loaded now
   */
  public static ClientCertificateSource pem(Path keyFile, Path chainFile) {
    Path key = requireFile(keyFile, "the private key file");
    Path chain = requireFile(chainFile, "the certificate chain file");
    List<Path> files = key.equals(chain) ? List.of(key) : List.of(key, chain);
    return new Reloading(
        "PEM " + key + (files.size() > 1 ? " and " + chain : ""),
        files,
        bytes -> {
          String keyText = new String(bytes.get(0), StandardCharsets.US_ASCII);
          String chainText = new String(bytes.get(bytes.size() - 1), StandardCharsets.US_ASCII);
          return fromPem(key, keyText, chain, chainText);
        });
  }

  private static Path requireFile(Path file, String what) {
    Objects.requireNonNull(file, what);
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new IllegalArgumentException(what + " " + file + " does not exist or cannot be read");
    }
    return file.toAbsolutePath().normalize();
  }

  @FunctionalInterface
  private interface Parser {
    ClientCertificate parse(List<byte[]> contents) throws GeneralSecurityException, IOException;
  }

  /** A source over files, parsed again when their bytes change. */
  private static final class Reloading implements ClientCertificateSource {
    private final String description;
    private final List<Path> files;
    private final Parser parser;
    private byte[] digest;
    private String warned;
    private ClientCertificate current;

    Reloading(String description, List<Path> files, Parser parser) {
      this.description = description;
      this.files = files;
      this.parser = parser;
      List<byte[]> contents;
      try {
        contents = read();
        this.current = parser.parse(contents);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            description + " cannot be read (" + e.getClass().getSimpleName() + ")", e);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalArgumentException(description + " is not usable: " + describe(e), e);
      }
      this.digest = digest(contents);
    }

    @Override
    public synchronized ClientCertificate current() {
      List<byte[]> contents;
      try {
        contents = read();
      } catch (IOException e) {
        String problem = "cannot be read (" + e.getClass().getSimpleName() + ")";
        warnOnce(problem, problem);
        return current;
      }
      byte[] now = digest(contents);
      if (MessageDigest.isEqual(now, digest)) {
        warned = null;
        return current;
      }
      try {
        ClientCertificate loaded = parser.parse(contents);
        digest = now;
        warned = null;
        current = loaded;
        LOG.info("Loaded the changed client certificate {} from {}", loaded, description);
      } catch (GeneralSecurityException | IOException | IllegalArgumentException e) {
        warnOnce(HexFormat.of().formatHex(now), "changed but is not usable (" + describe(e) + ")");
      }
      return current;
    }

    /** Warns about a problem once, until the files change again. */
    private void warnOnce(String key, String problem) {
      if (key.equals(warned)) {
        return;
      }
      warned = key;
      LOG.warn("The client certificate file {} {}; the previous certificate {} stays in use",
          description, problem, current);
    }

    private List<byte[]> read() throws IOException {
      List<byte[]> contents = new ArrayList<>();
      for (Path file : files) {
        if (Files.size(file) > MAX_FILE_BYTES) {
          throw new IOException("the file is larger than 1 MiB");
        }
        contents.add(Files.readAllBytes(file));
      }
      return contents;
    }

    @Override
    public String toString() {
      return "ClientCertificateSource[" + description + "]";
    }
  }

  private static byte[] digest(List<byte[]> contents) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (byte[] c : contents) {
        sha.update(c);
        sha.update((byte) 0);
      }
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Exception e) {
    // JDK security messages name algorithms and structures, never the password or key material
    return e instanceof IllegalArgumentException || e.getMessage() == null
        ? String.valueOf(e.getMessage()) : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static ClientCertificate fromPkcs12(Path file, byte[] bytes, char[] password)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      store.load(in, password);
    } catch (IOException e) {
      // a wrong password surfaces as an IOException whose cause is an UnrecoverableKeyException
      throw new IllegalArgumentException(
          "the key store " + file + " cannot be opened: wrong password or not a PKCS#12 file");
    }
    ClientCertificate found = null;
    for (String alias : Collections.list(store.aliases())) {
      if (!store.isKeyEntry(alias)) {
        continue;
      }
      Key key = store.getKey(alias, password);
      if (!(key instanceof PrivateKey privateKey)) {
        continue;
      }
      if (found != null) {
        throw new IllegalArgumentException("the key store " + file
            + " holds more than one private key; keep only the application's");
      }
      Certificate[] chain = store.getCertificateChain(alias);
      if (chain == null || chain.length == 0) {
        throw new IllegalArgumentException(
            "the key store " + file + " holds a private key without its certificate");
      }
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate c : chain) {
        certificates.add((X509Certificate) c);
      }
      found = new ClientCertificate(privateKey, certificates);
    }
    if (found == null) {
      throw new IllegalArgumentException("the key store " + file + " holds no private key");
    }
    return found;
  }

  private static ClientCertificate fromPem(Path keyFile, String keyText, Path chainFile,
      String chainText) throws GeneralSecurityException {
    PrivateKey key = null;
    Matcher keys = PEM.matcher(keyText);
    while (keys.find()) {
      switch (keys.group(1)) {
        case "PRIVATE KEY" -> key = privateKey(Base64.getMimeDecoder().decode(keys.group(2)));
        case "RSA PRIVATE KEY", "EC PRIVATE KEY", "ENCRYPTED PRIVATE KEY" ->
            throw new IllegalArgumentException("the key in " + keyFile + " is PKCS#1, SEC1 or"
                + " encrypted; convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem");
        default -> {
          // certificates and parameters are not the key
        }
      }
    }
    if (key == null) {
      throw new IllegalArgumentException(keyFile + " holds no 'BEGIN PRIVATE KEY' block");
    }
    List<X509Certificate> chain = new ArrayList<>();
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    Matcher certificates = PEM.matcher(chainText);
    while (certificates.find()) {
      if (certificates.group(1).equals("CERTIFICATE")) {
        byte[] der = Base64.getMimeDecoder().decode(certificates.group(2));
        chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      }
    }
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(chainFile + " holds no 'BEGIN CERTIFICATE' block");
    }
    return new ClientCertificate(key, chain);
  }

  private static PrivateKey privateKey(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    try {
      for (String algorithm : List.of("RSA", "EC")) {
        try {
          return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
          last = e;
        }
      }
      throw last;
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }
}
