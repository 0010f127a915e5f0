package com.workplace.calendar.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Graph error a handler answers with: status, Graph error code, message, extra headers. */
public final class GraphException extends RuntimeException {

  private final int status;
  private final String code;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public GraphException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> headers() {
    return headers;
  }

  public GraphException header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  static GraphException badRequest(String code, String message) {
    return new GraphException(400, code, message);
  }

  static GraphException invalidUser(String id) {
    return new GraphException(404, "ErrorInvalidUser", "The requested user '" + id
        + "' is invalid.");
  }

  static GraphException mailboxNotEnabled() {
    return new GraphException(404, "MailboxNotEnabledForRESTAPI",
        "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
  }

  static GraphException accessDeniedByPolicy() {
    return new GraphException(403, "ErrorAccessDenied", "Access to OData is disabled.");
  }

  static GraphException accessDenied() {
    return new GraphException(403, "ErrorAccessDenied",
        "Access is denied. Check credentials and try again.");
  }

  static GraphException itemNotFound() {
    return new GraphException(404, "ErrorItemNotFound",
        "The specified object was not found in the store.");
  }

  static GraphException malformedBody() {
    return badRequest("BadRequest", "Unable to read JSON request payload. Please ensure"
        + " Content-Type header is set and payload is of valid JSON format.");
  }
}
