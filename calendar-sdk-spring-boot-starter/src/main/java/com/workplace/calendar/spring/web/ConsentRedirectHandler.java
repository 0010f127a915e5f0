package com.workplace.calendar.spring.web;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.InvalidConsentStateException;
import com.workplace.calendar.tenant.VerificationResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The admin-consent redirect endpoint: hands the identity platform's query to {@code
 * tenants().complete(..)} as it arrived (the SDK checks the single-use {@code state} first, then
 * the tenant, then proves access) and sends the browser on to the result page with the outcome:
 * {@code outcome} ({@code VERIFIED}, {@code CONSENTED}, {@code FAILED}, {@code REVOKED} or {@code
 * REJECTED} for a forged, replayed, expired or malformed callback), {@code tenant} and {@code
 * reason}. The {@code state} never leaves this request: it is not logged, not forwarded, and the
 * answer carries {@code Referrer-Policy: no-referrer} so the result page cannot leak the URL.
 *
 * @since 0.2.0
 */
public final class ConsentRedirectHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConsentRedirectHandler.class);

  private final CalendarService service;
  private final String resultPage;

  /**
   * Creates the handler.
   *
   * @param service the service
   * @param resultPage a path of this application ({@code /admin/calendar}) or an absolute http(s)
   *     URL
   * @throws IllegalArgumentException if the result page is neither
   */
  public ConsentRedirectHandler(CalendarService service, String resultPage) {
    this.service = Objects.requireNonNull(service, "service");
    this.resultPage = checkedResultPage(resultPage);
  }

  static String checkedResultPage(String page) {
    Objects.requireNonNull(page, "resultPage");
    boolean path = page.startsWith("/") && !page.startsWith("//") && !page.contains("\\");
    boolean absolute = false;
    if (!path) {
      try {
        URI uri = URI.create(page);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        absolute = (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
      } catch (IllegalArgumentException e) {
        absolute = false;
      }
    }
    if (!path && !absolute) {
      throw new IllegalArgumentException(
          "workplace.calendar.web.consent.result-page must be a path of this application"
              + " (starting with one /) or an absolute http(s) URL");
    }
    return page;
  }

  /**
   * Handles the redirect.
   *
   * @param request the request from the administrator's browser
   * @return a 303 to the result page
   */
  public ServerResponse handle(ServerRequest request) {
    String rawQuery = request.servletRequest().getQueryString();
    String outcome;
    String tenant = null;
    String reason = null;
    try {
      VerificationResult result =
          service.tenants().complete(ConsentCallback.fromQuery(rawQuery == null ? "" : rawQuery));
      outcome = result.status().name();
      tenant = result.tenantId().value();
      reason = result.failureReason().map(Enum::name).orElse(null);
    } catch (InvalidConsentStateException e) {
      LOG.warn("Refused a consent callback: {}", e.getMessage());
      outcome = "REJECTED";
      reason = "INVALID_STATE";
    } catch (IllegalArgumentException e) {
      LOG.warn("Refused a malformed consent callback");
      outcome = "REJECTED";
      reason = "INVALID_CALLBACK";
    }
    StringBuilder target = new StringBuilder(resultPage);
    target.append(resultPage.contains("?") ? '&' : '?').append("outcome=").append(outcome);
    if (tenant != null) {
      target.append("&tenant=").append(URLEncoder.encode(tenant, StandardCharsets.UTF_8));
    }
    if (reason != null) {
      target.append("&reason=").append(reason);
    }
    return ServerResponse.seeOther(URI.create(target.toString()))
        .header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .build();
  }
}
