package com.workplace.calendar.graph;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Captures everything a test class writes to standard output and error (where SLF4J's simple logger
 * and msal4j log) and fails the class if a secret, token, authorization code or consent state shows
 * up. Tests register the values they handled with {@link #watch(String)}; any JWT or bearer header
 * fails regardless.
 */
public final class SecretsInLogsExtension implements BeforeAllCallback, AfterAllCallback {
  private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._-]{10,}");
  private static final Set<String> WATCHED = ConcurrentHashMap.newKeySet();

  private PrintStream originalOut;
  private PrintStream originalErr;
  private ByteArrayOutputStream captured;

  /**
   * Registers a value that must never appear in any log line.
   *
   * @param secret the value (ignored when shorter than 6 characters)
   */
  public static void watch(String secret) {
    if (secret != null && secret.length() >= 6) {
      WATCHED.add(secret);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    originalOut = System.out;
    originalErr = System.err;
    captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(new Tee(originalOut, captured), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    System.setOut(originalOut);
    System.setErr(originalErr);
    String text;
    synchronized (captured) {
      text = captured.toString(StandardCharsets.UTF_8);
    }
    List<String> leaks = new ArrayList<>();
    for (String line : text.split("\\R")) {
      Matcher jwt = JWT.matcher(line);
      if (jwt.find() || BEARER.matcher(line).find() || WATCHED.stream().anyMatch(line::contains)) {
        leaks.add(line.length() > 200 ? line.substring(0, 200) : line);
      }
    }
    if (!leaks.isEmpty()) {
      throw new AssertionError(
          leaks.size() + " log line(s) of " + context.getDisplayName() + " carry a secret, e.g.: "
              + leaks.get(0).replaceAll("eyJ[A-Za-z0-9_.-]+", "eyJ<redacted>"));
    }
    if (text.isBlank()) {
      throw new AssertionError("nothing was logged: the log scan would prove nothing");
    }
  }

  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final ByteArrayOutputStream second;

    Tee(OutputStream first, ByteArrayOutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) {
      synchronized (second) {
        second.write(b);
      }
      try {
        first.write(b);
      } catch (java.io.IOException e) {
        // the console is gone: the capture still works
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (second) {
        second.write(b, off, len);
      }
      try {
        first.write(b, off, len);
      } catch (java.io.IOException e) {
        // the console is gone: the capture still works
      }
    }
  }
}
