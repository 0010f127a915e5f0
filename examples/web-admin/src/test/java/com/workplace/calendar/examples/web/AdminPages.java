package com.workplace.calendar.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.examples.admin.DemoOrganisation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.openqa.selenium.WebElement;

/** The moves of the story test on the web admin's pages: uploads, rows of tables, the booking form. */
final class AdminPages {
  static final String CONTOSO = DemoOrganisation.DOMAIN;

  private final BrowserSupport browser;
  private final Path csvFolder;

  AdminPages(BrowserSupport browser, Path csvFolder) {
    this.browser = browser;
    this.csvFolder = csvFolder;
  }


  void assertNoStackTrace() {
    String page = browser.driver.getPageSource();
    assertThat(page).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at org.");
  }

  Path demoCsv() throws IOException {
    Path file = csvFolder.resolve("demo-rooms.csv");
    try (InputStream in = DemoOrganisation.class.getResourceAsStream(DemoOrganisation.ROOMS_CSV_RESOURCE)) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  void upload(Path file, boolean dryRun) {
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    WebElement box = browser.find("#dry-run");
    if (box.isSelected() != dryRun) {
      box.click();
    }
    browser.clickAndLoad("#upload-button");
  }

  List<String> reasons() {
    return browser.all("#row-errors .reason-code").stream().map(WebElement::getText).toList();
  }

  String failure(String email) {
    return browser.all("#failures tr.failure").stream()
        .filter(r -> r.findElement(org.openqa.selenium.By.cssSelector(".email")).getText().equals(email))
        .findFirst()
        .map(WebElement::getText)
        .orElseThrow(() -> new AssertionError(email + " is not among the failed calendars"));
  }

  WebElement row(String email) {
    return browser.find("#calendars tr.calendar[data-email='" + email + "']");
  }

  WebElement booking(String subject) {
    return browser.all("#bookings tr.booking").stream()
        .filter(r -> r.findElement(org.openqa.selenium.By.cssSelector(".subject")).getText().equals(subject))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no booking " + subject));
  }

  void book(String space, String subject, Instant start) {
    new org.openqa.selenium.support.ui.Select(browser.find("#space")).selectByValue(space);
    browser.type("#subject", subject);
    browser.script("arguments[0].value = arguments[1];", browser.find("#start"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").format(start.atOffset(ZoneOffset.UTC)));
    new org.openqa.selenium.support.ui.Select(browser.find("#duration")).selectByValue("60");
    browser.type("#booker", "megan.bowen@" + CONTOSO);
    browser.clickAndLoad("#book-button");
  }

  static String cssId(String value) {
    return value.replace(".", "\\.");
  }
}
