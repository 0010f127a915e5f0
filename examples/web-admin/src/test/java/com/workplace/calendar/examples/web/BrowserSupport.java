package com.workplace.calendar.examples.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A browser on a running web admin, with the few moves the tests make. */
final class BrowserSupport implements AutoCloseable {
  final RunningWebAdmin app;
  final ChromeDriver driver;
  private final Path profile;

  private BrowserSupport(RunningWebAdmin app, ChromeDriver driver, Path profile) {
    this.app = app;
    this.driver = driver;
    this.profile = profile;
  }

  static BrowserSupport open(RunningWebAdmin app) {
    Path profile = HeadlessChromium.newProfile();
    return new BrowserSupport(app, HeadlessChromium.start(profile), profile);
  }

  void go(String path) {
    driver.get(app.url(path));
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  String text(String css) {
    return find(css).getText();
  }

  boolean present(String css) {
    return !all(css).isEmpty();
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks and waits until the next page has replaced this one. */
  void clickAndLoad(String css) {
    clickAndLoad(find(css));
  }

  void clickAndLoad(WebElement element) {
    WebElement html = driver.findElement(By.tagName("html"));
    element.click();
    acceptConfirmation();
    waitUntil(Duration.ofSeconds(30), () -> isStale(html));
    waitFor("body");
  }

  private void acceptConfirmation() {
    try {
      driver.switchTo().alert().accept();
    } catch (org.openqa.selenium.NoAlertPresentException e) {
      // no confirmation asked
    }
  }

  private static boolean isStale(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      // during the navigation chromedriver may say so in other words
      String message = String.valueOf(e.getMessage());
      return message.contains("does not belong to the document") || message.contains("no such element");
    }
  }

  WebElement waitFor(String css) {
    return new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  WebElement waitFor(String css, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition) {
    new WebDriverWait(driver, timeout).until(d -> condition.getAsBoolean());
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  Path screenshot(String name) {
    return Screenshots.take(driver, name);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      delete(profile);
    }
  }

  static void delete(Path folder) {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
