package com.workplace.calendar.examples.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web admin over plain HTTP, without a browser (so it runs wherever the build runs): security
 * headers, CSRF refusals that change nothing, the consent redirect refusing a forged callback, the
 * notification endpoint outside CSRF, and a restart on the same data folder against a new
 * embedded Microsoft 365.
 */
class WebAdminHttpIT {
  static final String CONTOSO = DemoOrganisation.DOMAIN;
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  final HttpClient http =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void pagesCarryTheSecurityHeadersAndFormsWithoutTheirTokenChangeNothing() throws Exception {
    try (RunningWebAdmin app = RunningWebAdmin.start("--workplace.calendar.sync.auto-start=false")) {
      HttpResponse<String> page = get(app, "/integrations");
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityConfiguration.CONTENT_SECURITY_POLICY);
      assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(page.body()).doesNotContain("<script>").contains("<script defer src=\"/js/admin.js\"></script>");

      HttpResponse<String> forged = post(app, "/integrations", "tenant=" + CONTOSO);
      assertThat(forged.statusCode()).isEqualTo(403);
      assertThat(forged.body()).contains("The form has expired").doesNotContain("Exception");
      assertThat(app.calendars().tenants().list()).isEmpty();

      HttpResponse<String> withToken = post(app, "/integrations", "tenant=" + CONTOSO + "&_csrf=" + token(page.body()));
      assertThat(withToken.statusCode()).isEqualTo(303);
      assertThat(withToken.headers().firstValue("Location").orElseThrow()).startsWith(app.m365().authorityUri().toString());
      assertThat(app.calendars().tenants().get(TenantId.parse(CONTOSO)).orElseThrow().status()).isEqualTo(TenantStatus.CONSENT_PENDING);
    }
  }

  @Test
  void aForgedConsentCallbackIsRefusedAndTheNotificationEndpointAnswersMicrosoftWithoutAToken() throws Exception {
    try (RunningWebAdmin app = RunningWebAdmin.start("--workplace.calendar.sync.auto-start=false")) {
      app.calendars().tenants().begin(TenantId.parse(CONTOSO));
      HttpResponse<String> callback =
          get(app, "/calendar/consent?admin_consent=True&tenant=" + app.demo().tenant().id() + "&state=made-up");
      assertThat(callback.statusCode()).isEqualTo(303);
      assertThat(callback.headers().firstValue("Location").orElseThrow()).contains("outcome=REJECTED").doesNotContain("made-up");
      HttpResponse<String> landed = get(app, callback.headers().firstValue("Location").orElseThrow());
      assertThat(landed.statusCode()).isEqualTo(400);
      assertThat(landed.body()).contains("This authorization link is not valid").doesNotContain("made-up");
      assertThat(app.calendars().tenants().get(TenantId.parse(CONTOSO)).orElseThrow().status()).isEqualTo(TenantStatus.CONSENT_PENDING);

      HttpResponse<String> handshake = post(app, "/calendar/notifications?validationToken=" + URLEncoder.encode("abc 123", StandardCharsets.UTF_8), "");
      assertThat(handshake.statusCode()).isEqualTo(200);
      assertThat(handshake.body()).isEqualTo("abc 123");

      HttpResponse<String> unknown = get(app, "/tenants/" + URLEncoder.encode("<b>x", StandardCharsets.UTF_8) + "/calendars");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("Calendar account not found").doesNotContain("<b>x").doesNotContain("Exception");
      // the server refuses an encoded slash before the application sees it: no stack trace either
      HttpResponse<String> refused = get(app, "/tenants/" + URLEncoder.encode("<b>x</b>", StandardCharsets.UTF_8) + "/calendars");
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.body()).doesNotContain("<b>x").doesNotContain("Exception").doesNotContain("at org.");
    }
  }

  @Test
  void aRestartOnTheSameDataFolderKeepsTheAccountVerifiedAgainstTheNewEmbeddedMicrosoft365() throws Exception {
    int port = RunningWebAdmin.freePort();
    Path data;
    TenantId contoso = TenantId.parse(CONTOSO);
    String room = "hh-1.01@" + CONTOSO;
    try (RunningWebAdmin first = RunningWebAdmin.start("--workplace.calendar.sync.auto-start=false")) {
      data = first.dataDir();
      first.calendars().tenants().begin(contoso);
      first.demo().tenant().grantAdminConsent(first.demo().app().clientId());
      assertThat(first.calendars().tenants().verify(contoso).verified()).isTrue();
      first.calendars().calendars().add(contoso, room);
      first.calendars().calendars().connect(contoso, List.of(room));
      first.calendars().sync().syncNow(contoso, room);
    }
    try (RunningWebAdmin second = RunningWebAdmin.start(port, data, "--workplace.calendar.sync.auto-start=false")) {
      assertThat(second.bean(CalendarStore.class).findSyncState(contoso, room).orElseThrow().deltaLink()).isEmpty();
      HttpResponse<String> page = get(second, "/integrations");
      assertThat(page.body()).contains("Account Verified");
      HttpResponse<String> verify = post(second, "/integrations/" + CONTOSO + "/verify", "_csrf=" + token(page.body()));
      assertThat(verify.statusCode()).isEqualTo(302);
      assertThat(get(second, "/integrations").body()).contains(CONTOSO + ": Account Verified");
      assertThat(second.calendars().calendars().get(contoso, room).orElseThrow().status()).isEqualTo(CalendarStatus.CONNECTED);
      assertThat(second.calendars().sync().syncNow(contoso, room).changes()).isPositive();
    } finally {
      BrowserSupport.delete(data);
    }
  }

  @Test
  void againstARealTenantTheAppRegistrationIsRequired() {
    assertThatThrownBy(() -> RunningWebAdmin.start("--workplace.example.embedded-fake=false", "--workplace.calendar.client-id="))
        .hasStackTraceContaining("clientId must not be empty");
  }

  private HttpResponse<String> get(RunningWebAdmin app, String pathOrUrl) throws IOException, InterruptedException {
    URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : app.url(pathOrUrl));
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(RunningWebAdmin app, String path, String form) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(app.url(path)))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String token(String page) {
    Matcher matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
    return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
  }
}
