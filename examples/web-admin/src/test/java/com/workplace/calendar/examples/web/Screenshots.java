package com.workplace.calendar.examples.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Screenshots of the screens as the tests see them, the whole page each: into {@code
 * target/screenshots/}, and with {@code -Dwebadmin.screenshots.update=true} also into the
 * repository's {@code docs/screenshots/}, which the README shows.
 */
final class Screenshots {
  static final Path TARGET = Path.of("target", "screenshots");
  static final Path DOCS = Path.of("..", "..", "docs", "screenshots");
  private static final int WIDTH = 1360;
  private static final int MAX_HEIGHT = 2000;

  private Screenshots() {}

  static Path take(ChromeDriver driver, String name) {
    WebDriver.Window window = driver.manage().window();
    Dimension before = window.getSize();
    try {
      Object height = ((JavascriptExecutor) driver).executeScript(
          "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
      int page = height instanceof Number n ? n.intValue() : before.getHeight();
      window.setSize(new Dimension(WIDTH, Math.min(MAX_HEIGHT, Math.max(600, page + 140))));
      byte[] png = driver.getScreenshotAs(OutputType.BYTES);
      Files.createDirectories(TARGET);
      Path file = TARGET.resolve(name + ".png");
      Files.write(file, png);
      if (Boolean.getBoolean("webadmin.screenshots.update")) {
        Files.createDirectories(DOCS);
        Files.copy(file, DOCS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      window.setSize(before);
    }
  }
}
