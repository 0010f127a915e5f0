package com.workplace.calendar.examples.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver, both at fixed paths (system properties
 * {@code webadmin.chromium} and {@code webadmin.chromedriver}, default {@code /usr/bin/chromium}
 * and {@code /usr/bin/chromedriver}): Selenium Manager cannot download a driver here. Without them
 * the browser tests are skipped, and say so on standard error; with {@code CI=true} they fail
 * instead, so that CI never passes without running them.
 *
 * <p>The flags keep Chromium off the network (no background updates, sync or QUIC); the browser
 * accepts the embedded fake's self-signed certificate, as a person clicking through the warning
 * would.
 */
final class HeadlessChromium {
  static final String CHROMIUM = System.getProperty("webadmin.chromium", "/usr/bin/chromium");
  static final String CHROMEDRIVER = System.getProperty("webadmin.chromedriver", "/usr/bin/chromedriver");

  private HeadlessChromium() {}

  /** Skips (locally) or fails (with {@code CI=true}) the calling test class when Chromium is missing. */
  static void requireInstalled() {
    List<String> missing =
        List.of(CHROMIUM, CHROMEDRIVER).stream().filter(p -> !Files.isExecutable(Path.of(p))).toList();
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "The browser tests need Debian's chromium and chromium-driver (missing: " + String.join(", ", missing)
            + "). Install them with: apt-get install -y chromium chromium-driver";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail("CI=true: " + message);
    }
    System.err.println();
    System.err.println("*** SKIPPED: " + message + " ***");
    System.err.println();
    Assumptions.abort(message);
  }

  /** Starts a new headless browser with an empty profile of its own. */
  static ChromeDriver start(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--window-size=1360,1000",
        "--lang=en-GB",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setAcceptInsecureCerts(true);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return driver;
  }

  /** A fresh, empty browser profile folder. */
  static Path newProfile() {
    try {
      return Files.createTempDirectory("web-admin-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
