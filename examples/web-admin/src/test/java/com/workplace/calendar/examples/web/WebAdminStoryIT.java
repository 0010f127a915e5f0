package com.workplace.calendar.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.csv.CsvTemplate;
import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.WebElement;

/**
 * The administrator's whole story in headless Chromium against the web admin as {@code ./web-admin}
 * runs it (embedded Microsoft 365 with the demo organisation, H2 in a file): each step asserts on
 * what the page shows, and takes the screenshot the README shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAdminStoryIT {
  static final String CONTOSO = DemoOrganisation.DOMAIN;
  static final String HOSTILE_NAME = "<script>window.hostile=1</script><img src=x onerror=\"window.hostile=2\">";

  RunningWebAdmin app;
  BrowserSupport browser;
  AdminPages pages;
  Path csvFolder;

  @BeforeAll
  void start() throws IOException {
    HeadlessChromium.requireInstalled();
    // the scheduled connector would race the Connect button; sync rounds still run every 10 s
    app = RunningWebAdmin.start(
        "--workplace.calendar.sync.connect-interval=30m", "--workplace.calendar.sync.sync-interval=10s");
    browser = BrowserSupport.open(app);
    csvFolder = Files.createTempDirectory("web-admin-csv-");
    pages = new AdminPages(browser, csvFolder);
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

  String calendarsPath() {
    return "/tenants/" + CONTOSO + "/calendars";
  }

  @Test
  @Order(1)
  void theIntegrationsPageStartsWithoutAccounts() {
    browser.go("/");
    assertThat(browser.text("h1")).isEqualTo("Calendar Integrations");
    assertThat(browser.text("#no-accounts")).contains("No calendar accounts yet");
    browser.screenshot("01-calendar-integrations-empty");
  }

  @Test
  @Order(2)
  void aMalformedTenantIsRefusedNextToTheField() {
    browser.type("#tenant", "not a tenant!");
    browser.clickAndLoad("#authorize");
    assertThat(browser.text("#tenant-error")).contains("Enter the tenant ID");
    assertThat(browser.find("#tenant").getAttribute("value")).isEqualTo("not a tenant!");
    assertThat(browser.present("#accounts")).isFalse();
    assertThat(app.calendars().tenants().list()).isEmpty();
    browser.screenshot("02-add-account-field-error");
  }

  @Test
  @Order(3)
  void addCalendarAccountGoesThroughMicrosoftsConsentPageToAccountVerified() {
    browser.type("#tenant", CONTOSO);
    browser.clickAndLoad("#authorize");
    assertThat(browser.driver.getCurrentUrl()).startsWith(app.m365().authorityUri().toString());
    assertThat(browser.text("h1")).isEqualTo("Permissions requested");
    assertThat(browser.text("#permissions")).contains("Calendars.ReadWrite");
    browser.screenshot("03-microsoft-consent-page");

    // the administrator cancels first: the account shows why and what to do
    browser.clickAndLoad("#cancel-form button");
    assertThat(browser.text("#flash")).contains("declined");
    assertThat(browser.text("#tenant-" + AdminPages.cssId(CONTOSO) + " .status")).isEqualTo("Failed");
    assertThat(browser.text("#tenant-" + AdminPages.cssId(CONTOSO) + " .reason")).contains("authorize again and accept");

    browser.clickAndLoad("#tenant-" + AdminPages.cssId(CONTOSO) + " button.reauthenticate");
    assertThat(browser.text("h1")).isEqualTo("Permissions requested");
    browser.clickAndLoad("#accept-form button");
    assertThat(browser.driver.getCurrentUrl()).isEqualTo(app.url("/integrations"));
    assertThat(browser.text("#flash")).isEqualTo(CONTOSO + ": Account Verified");
    assertThat(browser.text("#tenant-" + AdminPages.cssId(CONTOSO) + " .status")).isEqualTo("Account Verified");
    browser.screenshot("04-account-verified");
  }

  @Test
  @Order(4)
  void aForgedConsentCallbackShowsAnErrorPageAndChangesNothing() {
    Tenant before = app.calendars().tenants().get(TenantId.parse(CONTOSO)).orElseThrow();
    String guid = before.directoryId().orElseThrow();
    browser.go("/calendar/consent?admin_consent=True&tenant=" + guid + "&state=forged-state-0123456789");
    assertThat(browser.text("#problem h1")).isEqualTo("This authorization link is not valid");
    assertThat(browser.text("#problem")).contains("Nothing was changed");
    assertThat(app.calendars().tenants().list()).containsExactly(before);
    browser.screenshot("05-forged-consent-callback");

    // the result page believes no claim in its query: the tenant's status is read from the store
    browser.go("/integrations/consent?outcome=VERIFIED&tenant=fabrikam.onmicrosoft.com");
    assertThat(browser.text("#problem h1")).isEqualTo("Calendar account not found");
    assertThat(app.calendars().tenants().list()).containsExactly(before);
  }

  @Test
  @Order(5)
  void manageCalendarsAddsByEmailWithFieldErrorsAndOffersTheTemplate() throws Exception {
    browser.go("/integrations");
    browser.clickAndLoad(browser.find("#tenant-" + AdminPages.cssId(CONTOSO) + " a.button"));
    assertThat(browser.text("h1")).isEqualTo("Manage Calendars");
    assertThat(browser.text("#no-calendars")).contains("No room calendars");

    String template = browser.find("#template").getAttribute("href");
    HttpResponse<String> download =
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(template)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(download.body()).isEqualTo(CsvTemplate.text());
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).contains(CsvTemplate.FILE_NAME);

    browser.type("#email", "meeting room 7");
    browser.clickAndLoad("#add");
    assertThat(browser.text("#email-error")).contains("e-mail address");
    assertThat(browser.find("#email").getAttribute("class")).contains("invalid");

    browser.type("#email", "hh-1.01@" + CONTOSO);
    browser.clickAndLoad("#add");
    assertThat(browser.text("#flash")).startsWith("Added hh-1.01@" + CONTOSO);
    assertThat(pages.row("hh-1.01@" + CONTOSO).findElement(org.openqa.selenium.By.cssSelector(".status")).getText())
        .isEqualTo("Added, not connected");
  }

  @Test
  @Order(6)
  void aDryRunReportsTheBadRowsAndChangesNothing() throws IOException {
    pages.upload(pages.demoCsv(), true);
    assertThat(browser.text("h1")).isEqualTo("Import report");
    assertThat(browser.text("#dry-run-note")).contains("nothing was changed");
    assertThat(browser.text("#count-failed")).isEqualTo("5");
    assertThat(pages.reasons()).contains("EMAIL_INVALID", "DUPLICATE_EMAIL", "SPACE_NOT_FOUND", "DUPLICATE_ROOM_ID", "EMAIL_MISSING");
    assertThat(app.bean(com.workplace.calendar.store.CalendarStore.class).countCalendars(TenantId.parse(CONTOSO))).isEqualTo(1);
    browser.screenshot("06-csv-dry-run-report");
  }

  @Test
  @Order(7)
  void theUploadImportsTheGoodRowsAndShowsEachBadRowWithWhatToDo() throws IOException {
    browser.go(calendarsPath());
    pages.upload(pages.demoCsv(), false);
    assertThat(browser.present("#dry-run-note")).isFalse();
    assertThat(browser.text("#count-failed")).isEqualTo("5");
    WebElement invalid = browser.all("#row-errors tr.row-error").stream()
        .filter(r -> r.getText().contains("EMAIL_INVALID")).findFirst().orElseThrow();
    assertThat(invalid.findElement(org.openqa.selenium.By.cssSelector(".line")).getText()).isEqualTo("10");
    assertThat(invalid.findElement(org.openqa.selenium.By.cssSelector(".email")).getText()).isEqualTo("Meeting room Compass");
    assertThat(invalid.findElement(org.openqa.selenium.By.cssSelector(".message")).getText()).isNotBlank();
    long added = Long.parseLong(browser.text("#count-added"));
    assertThat(added).isEqualTo(40);
    assertThat(app.bean(com.workplace.calendar.store.CalendarStore.class).countCalendars(TenantId.parse(CONTOSO))).isEqualTo(1 + added);
    browser.screenshot("07-csv-import-report");
  }

  @Test
  @Order(8)
  void connectShowsProgressWhileItRunsAndThenEachFailedCalendarsReason() {
    browser.go(calendarsPath());
    // Microsoft 365 answers slowly for a moment, so that the progress is there to see
    app.m365().latency(Duration.ofMillis(400));
    try {
      browser.clickAndLoad("#connect");
      assertThat(browser.driver.getCurrentUrl()).contains("/connect/");
      WebElement progress = browser.waitFor("#progress-text");
      assertThat(progress.getText()).contains("Probing room mailboxes");
      browser.screenshot("08-connect-progress");
      browser.waitFor("#summary", Duration.ofSeconds(120));
    } finally {
      app.m365().latency(Duration.ZERO);
    }
    assertThat(browser.text("#summary")).matches("Connected \\d+ of \\d+ calendars in [0-9.]+ s; 4 failed\\.");
    assertThat(pages.failure("hh-0.01@" + CONTOSO)).contains("NOT_IN_EXCHANGE_ONLINE").contains("Move the room mailbox to Exchange Online");
    assertThat(pages.failure("hh-4.05@" + CONTOSO)).contains("ACCESS_DENIED_BY_POLICY").contains("management scope");
    assertThat(pages.failure("ms-4.05@" + CONTOSO)).contains("ACCESS_DENIED_BY_POLICY");
    assertThat(pages.failure("ms-3.05@" + CONTOSO)).contains("MAILBOX_NOT_FOUND");
    browser.screenshot("09-connect-done");
  }

  @Test
  @Order(9)
  void theStatusFilterShowsOnlyTheFailedCalendarsWithTheirReasons() {
    browser.go(calendarsPath());
    browser.clickAndLoad("#filter-failed");
    List<String> statuses = browser.all("#calendars .status").stream().map(WebElement::getText).toList();
    assertThat(statuses).hasSize(4).containsOnly("Failed");
    assertThat(browser.text("#calendars")).contains("ACCESS_DENIED_BY_POLICY").contains("Add the mailbox to the group");
    browser.screenshot("10-calendars-failed-filter");
  }

  @Test
  @Order(10)
  void aCalendarIsLinkedToASpaceFoundBySearchAndAConflictIsShown() {
    browser.go(calendarsPath());
    String room = "hh-1.01@" + CONTOSO;
    assertThat(pages.row(room).getText()).contains("Not linked");
    browser.clickAndLoad(pages.row(room).findElement(org.openqa.selenium.By.cssSelector("a.link")));
    assertThat(browser.text("#calendar-email")).isEqualTo(room);
    browser.type("#q", "Beacon");
    browser.clickAndLoad("#search");
    assertThat(browser.all("#spaces .space-row")).hasSize(1);
    assertThat(browser.text("#spaces")).contains("HH-1.02").contains("hh-1.02@" + CONTOSO);
    browser.clickAndLoad("#spaces .choose");
    assertThat(browser.text("#conflict")).contains("HH-1.02 is linked to another room calendar (hh-1.02@" + CONTOSO + ")");
    assertThat(app.calendars().spaces().findByCalendar(TenantId.parse(CONTOSO), room)).isEmpty();

    browser.type("#q", "Anchor");
    browser.clickAndLoad("#search");
    browser.screenshot("11-link-to-space");
    browser.clickAndLoad("#spaces .choose");
    assertThat(browser.text("#flash")).isEqualTo("Linked " + room + " to the space HH-1.01.");
    assertThat(pages.row(room).findElement(org.openqa.selenium.By.cssSelector(".space")).getText()).isEqualTo("HH-1.01 Anchor");
  }

  @Test
  @Order(11)
  void aCalendarIsUnlinkedAndRemoved() {
    String room = "hh-1.01@" + CONTOSO;
    browser.clickAndLoad(pages.row(room).findElement(org.openqa.selenium.By.cssSelector("button.unlink")));
    assertThat(browser.text("#flash")).startsWith("Unlinked " + room);
    assertThat(pages.row(room).findElement(org.openqa.selenium.By.cssSelector(".space")).getText()).isEqualTo("Not linked");

    browser.clickAndLoad(pages.row(room).findElement(org.openqa.selenium.By.cssSelector("button.remove")));
    assertThat(browser.text("#flash")).startsWith("Removed " + room);
    assertThat(browser.all("#calendars tr.calendar[data-email='" + room + "']")).isEmpty();
    assertThat(app.calendars().calendars().get(TenantId.parse(CONTOSO), room)).isEmpty();
  }

  @Test
  @Order(12)
  void roomsShowTheDirectoryWithAHostileNameAsTextAndRegisterTheSelected() {
    app.demo().tenant().room("lobby@" + CONTOSO).displayName(HOSTILE_NAME).building("North Campus")
        .inRoomList("nc-rooms@" + CONTOSO).add();
    browser.go("/tenants/" + CONTOSO + "/rooms");
    int rooms = app.demo().tenant().rooms().size();
    assertThat(browser.text("#room-count")).isEqualTo(rooms + " of " + rooms + " rooms in the directory");
    new org.openqa.selenium.support.ui.Select(browser.find("#building")).selectByVisibleText("North Campus");
    browser.clickAndLoad("#filter");
    assertThat(browser.all("#rooms tr.room")).hasSize(21);
    WebElement hostile = browser.find("#rooms tr.room[data-email='lobby@" + CONTOSO + "'] .room-name");
    assertThat(hostile.getText()).isEqualTo(HOSTILE_NAME);
    assertThat(browser.script("return typeof window.hostile;")).isEqualTo("undefined");
    assertThat(browser.all("#rooms img")).isEmpty();

    browser.find("#rooms tr.room[data-email='nc-1.01@" + CONTOSO + "'] input.pick").click();
    browser.find("#rooms tr.room[data-email='lobby@" + CONTOSO + "'] input.pick").click();
    browser.screenshot("12-rooms");
    browser.clickAndLoad("#register");
    assertThat(browser.text("#flash")).startsWith("Registered 2 room calendars");
    WebElement registered = pages.row("lobby@" + CONTOSO);
    assertThat(registered.findElement(org.openqa.selenium.By.cssSelector(".name")).getText()).isEqualTo(HOSTILE_NAME);
    assertThat(browser.script("return typeof window.hostile;")).isEqualTo("undefined");
  }

  @Test
  @Order(13)
  void aBookingIsMadeEndedEarlyAndAnotherCancelled() {
    browser.go("/tenants/" + CONTOSO + "/bookings");
    // HH-1.03 has no meeting of the demo organisation, so booking it now never meets one
    pages.book("HH-1.03", "Sprint review", Instant.now().minus(Duration.ofMinutes(10)));
    assertThat(browser.text("#flash")).startsWith("Booked HH-1.03 (hh-1.03@" + CONTOSO + ")");
    WebElement review = pages.booking("Sprint review");
    assertThat(review.findElement(org.openqa.selenium.By.cssSelector(".state")).getText()).isEqualTo("Booked");
    assertThat(app.demo().tenant().events("hh-1.03@" + CONTOSO)).anyMatch(e -> e.subject().equals("Sprint review"));

    browser.clickAndLoad(review.findElement(org.openqa.selenium.By.cssSelector("button.end-early")));
    assertThat(browser.text("#flash")).startsWith("Ended the booking at");
    assertThat(pages.booking("Sprint review").findElement(org.openqa.selenium.By.cssSelector(".state")).getText()).isEqualTo("Ended early");

    pages.book("HH-1.03", "Board meeting", Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS));
    browser.clickAndLoad(pages.booking("Board meeting").findElement(org.openqa.selenium.By.cssSelector("button.cancel")));
    assertThat(browser.text("#flash")).startsWith("Cancelled the booking");
    assertThat(pages.booking("Board meeting").findElement(org.openqa.selenium.By.cssSelector(".state")).getText()).isEqualTo("Cancelled");
    assertThat(app.demo().tenant().events("hh-1.03@" + CONTOSO)).noneMatch(e -> e.subject().equals("Board meeting") && !e.cancelled());

    browser.find("#booker").clear();
    browser.clickAndLoad("#book-button");
    assertThat(browser.text("#space-error")).contains("Choose a space");
    assertThat(browser.text("#booker-error")).contains("booker");
  }

  @Test
  @Order(14)
  void aMeetingBookedInOutlookArrivesOnTheOpenPageWithoutAReload() {
    browser.go("/tenants/" + CONTOSO + "/bookings");
    browser.script("window.stillTheSamePage = 42;");
    Instant start = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
    app.demo().tenant().addEvent("hh-1.02@" + CONTOSO, "Quarterly planning <b>in Outlook</b>", start, start.plus(Duration.ofHours(1)),
        "adele.vance@" + CONTOSO);
    browser.waitUntil(Duration.ofSeconds(90), () -> browser.all("#changes-body tr.change").stream()
        .anyMatch(r -> r.getText().contains("Quarterly planning <b>in Outlook</b>")));
    assertThat(browser.script("return window.stillTheSamePage;")).isEqualTo(42L);
    WebElement arrived = browser.all("#changes-body tr.change").stream()
        .filter(r -> r.getText().contains("Quarterly planning")).findFirst().orElseThrow();
    assertThat(arrived.getText()).contains("CREATED (Outlook)").contains("hh-1.02@" + CONTOSO).contains("adele.vance@" + CONTOSO);
    assertThat(browser.all("#changes-body b")).isEmpty();
    browser.screenshot("13-bookings");
  }

  @Test
  @Order(15)
  void aRevokedConsentShowsWhatToDoAndReauthenticateVerifiesAgain() {
    browser.go("/integrations");
    browser.clickAndLoad("#tenant-" + AdminPages.cssId(CONTOSO) + " button.verify");
    assertThat(browser.text("#flash")).isEqualTo(CONTOSO + ": Account Verified");

    // the customer's administrator withdraws the consent in Microsoft Entra
    app.demo().tenant().revokeConsent(app.demo().app().clientId());
    browser.clickAndLoad("#tenant-" + AdminPages.cssId(CONTOSO) + " button.verify");
    WebElement tenantRow = browser.find("#tenant-" + AdminPages.cssId(CONTOSO));
    assertThat(tenantRow.findElement(org.openqa.selenium.By.cssSelector(".status")).getText()).isIn("Consent revoked", "Failed");
    assertThat(tenantRow.findElement(org.openqa.selenium.By.cssSelector(".reason")).getText()).containsIgnoringCase("consent");
    browser.screenshot("15-consent-revoked");

    browser.clickAndLoad("#tenant-" + AdminPages.cssId(CONTOSO) + " button.reauthenticate");
    assertThat(browser.text("h1")).isEqualTo("Permissions requested");
    browser.clickAndLoad("#accept-form button");
    assertThat(browser.text("#flash")).isEqualTo(CONTOSO + ": Account Verified");
    assertThat(app.calendars().tenants().get(TenantId.parse(CONTOSO)).orElseThrow().status()).isEqualTo(TenantStatus.VERIFIED);
  }

  @Test
  @Order(16)
  void errorsShowPagesThatSayWhatToDoWithoutStackTraces() {
    browser.go("/tenants/fabrikam.onmicrosoft.com/calendars");
    assertThat(browser.text("#problem h1")).isEqualTo("Calendar account not found");
    pages.assertNoStackTrace();
    browser.go("/no/such/page");
    assertThat(browser.text("#problem h1")).isEqualTo("Page not found");
    pages.assertNoStackTrace();

    // a form without its CSRF token (as a form posted from another site) is refused, changing nothing
    browser.go(calendarsPath());
    long before = app.bean(com.workplace.calendar.store.CalendarStore.class).countCalendars(TenantId.parse(CONTOSO));
    browser.script("document.querySelectorAll('#add-calendar input[name=_csrf]').forEach(function (e) { e.remove(); });");
    browser.type("#email", "forged@" + CONTOSO);
    browser.clickAndLoad("#add");
    assertThat(browser.text("#problem h1")).isEqualTo("The form has expired");
    pages.assertNoStackTrace();
    assertThat(app.bean(com.workplace.calendar.store.CalendarStore.class).countCalendars(TenantId.parse(CONTOSO))).isEqualTo(before);
    browser.screenshot("14-error-page");
  }

  @Test
  @Order(17)
  void theAccountIsRemovedWithItsCalendars() {
    browser.go("/integrations");
    browser.clickAndLoad("#tenant-" + AdminPages.cssId(CONTOSO) + " button.remove");
    assertThat(browser.text("#flash")).startsWith("Removed the calendar account " + CONTOSO);
    assertThat(browser.text("#no-accounts")).contains("No calendar accounts yet");
    assertThat(app.calendars().tenants().list()).isEmpty();
  }
}
