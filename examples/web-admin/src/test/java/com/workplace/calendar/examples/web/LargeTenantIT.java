package com.workplace.calendar.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * A tenant with thousands of room calendars in headless Chromium: an upload of 5,000 rows shows its
 * report (the time from the click to the report on screen is measured and printed, not asserted),
 * the calendars page shows them 50 at a time, hostile CSV cells are shown as text, and a file over
 * the limit is refused. The background work is off here, so that nothing probes the 5,000 made-up
 * mailboxes meanwhile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LargeTenantIT {
  static final String CONTOSO = DemoOrganisation.DOMAIN;
  static final int ROWS = 5_000;
  static final int BAD_ROWS = 10;

  RunningWebAdmin app;
  BrowserSupport browser;
  Path csvFolder;

  @BeforeAll
  void start() throws IOException {
    HeadlessChromium.requireInstalled();
    app = RunningWebAdmin.start("--workplace.calendar.sync.auto-start=false");
    browser = BrowserSupport.open(app);
    csvFolder = Files.createTempDirectory("web-admin-large-");
    browser.go("/integrations");
    browser.type("#tenant", CONTOSO);
    browser.clickAndLoad("#authorize");
    browser.clickAndLoad("#accept-form button");
    assertThat(browser.text("#flash")).isEqualTo(CONTOSO + ": Account Verified");
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.close();
      BrowserSupport.delete(app.dataDir());
    }
    BrowserSupport.delete(csvFolder);
  }

  @Test
  @Order(1)
  void anUploadOfFiveThousandRowsShowsItsReport() throws IOException {
    Path file = csvFolder.resolve("rooms-5000.csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("email,roomID\n");
      for (int i = 1; i <= ROWS; i++) {
        // every 500th row is not an address: the report lists those
        out.write(i % (ROWS / BAD_ROWS) == 0
            ? String.format(Locale.ROOT, "room %04d on floor %d,\n", i, i / 100)
            : String.format(Locale.ROOT, "room-%04d@%s,\n", i, CONTOSO));
      }
    }
    browser.go("/tenants/" + CONTOSO + "/calendars");
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    long started = System.nanoTime();
    browser.clickAndLoad("#upload-button");
    browser.waitFor("#counts");
    long shownMillis = (System.nanoTime() - started) / 1_000_000;
    String serverMillis = browser.text("#elapsed");
    System.out.printf(Locale.ROOT,
        "MEASURED: upload of %,d rows: report on screen %,d ms after the click (server import %s)%n",
        ROWS, shownMillis, serverMillis);

    assertThat(browser.text("#count-rows")).isEqualTo(Integer.toString(ROWS));
    assertThat(browser.text("#count-added")).isEqualTo(Integer.toString(ROWS - BAD_ROWS));
    assertThat(browser.text("#count-failed")).isEqualTo(Integer.toString(BAD_ROWS));
    assertThat(browser.all("#row-errors tr.row-error")).hasSize(BAD_ROWS);
    assertThat(browser.all("#row-errors .reason-code").stream().map(WebElement::getText)).containsOnly("EMAIL_INVALID");
    assertThat(app.bean(CalendarStore.class).countCalendars(TenantId.parse(CONTOSO))).isEqualTo(ROWS - BAD_ROWS);
  }

  @Test
  @Order(2)
  void theCalendarsPageShowsThemFiftyAtATime() {
    browser.go("/tenants/" + CONTOSO + "/calendars");
    assertThat(browser.text("#range")).isEqualTo("Showing 1–50 of 4,990 calendars");
    assertThat(browser.all("#calendars tr.calendar")).hasSize(CalendarsController.PAGE_SIZE);
    assertThat(browser.find("#calendars tr.calendar").getAttribute("data-email")).isEqualTo("room-0001@" + CONTOSO);
    browser.screenshot("16-calendars-thousands");

    browser.clickAndLoad("#next-page");
    assertThat(browser.text("#range")).isEqualTo("Showing 51–100 of 4,990 calendars");
    assertThat(browser.all("#calendars tr.calendar")).hasSize(CalendarsController.PAGE_SIZE);
    assertThat(browser.find("#calendars tr.calendar").getAttribute("data-email")).isEqualTo("room-0051@" + CONTOSO);
    assertThat(browser.present("#first-page")).isTrue();
    browser.clickAndLoad("#first-page");
    assertThat(browser.text("#range")).isEqualTo("Showing 1–50 of 4,990 calendars");
  }

  @Test
  @Order(3)
  void hostileCellsAreShownAsText() throws IOException {
    String script = "<script>window.hostile=1</script>";
    String image = "<img src=x onerror=\"window.hostile=2\">";
    Path file = csvFolder.resolve("hostile.csv");
    Files.writeString(file, "email,roomID\n\"" + script + "\",HH-1.01\nhh-1.01@" + CONTOSO + ",\"" + image.replace("\"", "\"\"") + "\"\n",
        StandardCharsets.UTF_8);
    browser.go("/tenants/" + CONTOSO + "/calendars");
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    browser.find("#dry-run").click();
    browser.clickAndLoad("#upload-button");
    assertThat(browser.text("#count-failed")).isEqualTo("2");
    assertThat(browser.all("#row-errors .email").stream().map(WebElement::getText)).contains(script);
    assertThat(browser.all("#row-errors .room").stream().map(WebElement::getText)).contains(image);
    assertThat(browser.all("#row-errors img")).isEmpty();
    assertThat(browser.script("return typeof window.hostile;")).isEqualTo("undefined");
  }

  @Test
  @Order(4)
  void aFileOverTheLimitIsRefusedAndChangesNothing() throws IOException {
    Path file = csvFolder.resolve("too-large.csv");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("email,roomID\n");
      String row = "a-very-long-local-part-to-fill-the-file-quickly@" + CONTOSO + ",\n";
      for (long written = 0; written <= CsvController.UPLOAD_LIMIT; written += row.length()) {
        out.write(row);
      }
    }
    long before = app.bean(CalendarStore.class).countCalendars(TenantId.parse(CONTOSO));
    browser.go("/tenants/" + CONTOSO + "/calendars");
    browser.find("#file").sendKeys(file.toAbsolutePath().toString());
    browser.clickAndLoad("#upload-button");
    assertThat(browser.driver.getPageSource()).doesNotContain("Exception");
    assertThat(browser.text("#file-error")).contains("larger than 5 MB").contains("Nothing was imported");
    assertThat(app.bean(CalendarStore.class).countCalendars(TenantId.parse(CONTOSO))).isEqualTo(before);
    browser.screenshot("17-upload-too-large");
  }
}
