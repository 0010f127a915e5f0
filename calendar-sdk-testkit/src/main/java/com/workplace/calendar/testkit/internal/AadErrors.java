package com.workplace.calendar.testkit.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Error answers of the identity platform: token endpoint JSON errors and HTML error pages. */
public final class AadErrors {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

  /** An error of an identity endpoint. */
  public static final class AadException extends RuntimeException {
    private final int status;
    private final String error;
    private final int code;

    /**
     * Creates an error.
     *
     * @param status HTTP status
     * @param error the OAuth {@code error} value
     * @param code the AADSTS number
     * @param description the description after {@code AADSTSnnn: }
     */
    public AadException(int status, String error, int code, String description) {
      super(description, null, false, false);
      this.status = status;
      this.error = error;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String error() {
      return error;
    }

    public int code() {
      return code;
    }

    /** {@code AADSTSnnn: description}. */
    public String aadsts() {
      return "AADSTS" + code + ": " + getMessage();
    }
  }

  private AadErrors() {}

  /**
   * Renders a token endpoint error in the shape of fixture {@code token-error-invalid-scope.json}.
   *
   * @param e the error
   * @param ids for the trace and correlation ids
   * @param clock for the timestamp
   * @param baseUrl the fake's base URL, for {@code error_uri}
   * @return the response
   */
  public static FakeResponse tokenError(AadException e, Ids ids, Clock clock, String baseUrl) {
    String trace = ids.requestId();
    String correlation = ids.requestId();
    String timestamp = TIMESTAMP.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    Map<String, Object> body = Json.object(
        "error", e.error(),
        "error_description", e.aadsts() + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: "
            + correlation + "\r\nTimestamp: " + timestamp,
        "error_codes", List.of(e.code()),
        "timestamp", timestamp,
        "trace_id", trace,
        "correlation_id", correlation,
        "error_uri", baseUrl + "/error?code=" + e.code());
    return FakeResponse.plainJson(e.status(), body)
        .header("Cache-Control", "no-store, no-cache")
        .header("Pragma", "no-cache")
        .header("x-ms-request-id", trace);
  }

  /** Renders an identity error as the HTML sign-in error page. */
  public static FakeResponse page(AadException e, Ids ids) {
    String requestId = ids.requestId();
    String html = "<!DOCTYPE html><html><head><title>Sign in to your account</title></head>"
        + "<body><h1>Sign in</h1><p>Sorry, but we're having trouble signing you in.</p>"
        + "<p id=\"error\">" + escape(e.aadsts()) + "</p>"
        + "<p>Request Id: " + requestId + "</p></body></html>";
    return FakeResponse.html(e.status(), html).header("x-ms-request-id", requestId);
  }

  /** Escapes text for HTML. */
  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '&':
          sb.append("&amp;");
          break;
        case '"':
          sb.append("&quot;");
          break;
        case '\'':
          sb.append("&#39;");
          break;
        default:
          sb.append(c);
      }
    }
    return sb.toString();
  }

  static AadException tenantNotFound(String tenant) {
    return new AadException(400, "invalid_request", 90002, "Tenant '" + tenant
        + "' not found. Check to make sure you have the correct tenant ID and are signing into"
        + " the correct cloud.");
  }

  static AadException appNotFound(String clientId, String tenant) {
    return new AadException(400, "unauthorized_client", 700016, "Application with identifier '"
        + clientId + "' was not found in the directory '" + tenant + "'. This can happen if the"
        + " application has not been installed by the administrator of the tenant or consented"
        + " to by any user in the tenant. You may have sent your authentication request to the"
        + " wrong tenant.");
  }

  static AadException redirectMismatch(String redirectUri, String clientId) {
    return new AadException(400, "invalid_request", 50011, "The redirect URI '" + redirectUri
        + "' specified in the request does not match the redirect URIs configured for the"
        + " application '" + clientId + "'. Make sure the redirect URI sent in the request"
        + " matches one added to your application in the Azure portal.");
  }

  static AadException missingParameter(String name) {
    return new AadException(400, "invalid_request", 900144,
        "The request body must contain the following parameter: '" + name + "'.");
  }
}
