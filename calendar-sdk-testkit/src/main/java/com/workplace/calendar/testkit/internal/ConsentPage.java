package com.workplace.calendar.testkit.internal;

import java.util.List;
import java.util.Map;

/** The HTML pages of the interactive consent flow. */
final class ConsentPage {

  private ConsentPage() {}

  /**
   * The "Permissions requested" page with Accept and Cancel as forms and as links.
   *
   * @param appName the app's display name
   * @param clientId the app's client id
   * @param permissions the requested permissions
   * @param action the decision path
   * @param ticket the one-time ticket
   * @param admin whether it is an admin consent (on behalf of the organization)
   * @return the page
   */
  static String render(String appName, String clientId, List<String> permissions, String action,
      String ticket, boolean admin) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
        + "<title>Permissions requested</title></head><body><h1>Permissions requested</h1>");
    sb.append("<p><span id=\"app-name\">").append(AadErrors.escape(appName))
        .append("</span> (<span id=\"client-id\">").append(AadErrors.escape(clientId))
        .append("</span>) would like to:</p><ul id=\"permissions\">");
    for (String p : permissions) {
      sb.append("<li>").append(AadErrors.escape(p)).append("</li>");
    }
    sb.append("</ul>");
    if (admin) {
      sb.append("<p>Consent on behalf of your organization.</p>");
    }
    String t = AadErrors.escape(ticket);
    sb.append("<form id=\"accept-form\" method=\"post\" action=\"").append(action).append("\">")
        .append("<input type=\"hidden\" name=\"ticket\" value=\"").append(t).append("\">")
        .append("<button type=\"submit\" name=\"decision\" value=\"accept\">Accept</button>")
        .append("</form>");
    sb.append("<form id=\"cancel-form\" method=\"post\" action=\"").append(action).append("\">")
        .append("<input type=\"hidden\" name=\"ticket\" value=\"").append(t).append("\">")
        .append("<button type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button>")
        .append("</form>");
    sb.append("<p><a id=\"accept\" href=\"").append(action).append("?ticket=").append(t)
        .append("&amp;decision=accept\">Accept</a> <a id=\"cancel\" href=\"").append(action)
        .append("?ticket=").append(t).append("&amp;decision=cancel\">Cancel</a></p>");
    return sb.append("</body></html>").toString();
  }

  /** An auto-submitting form ({@code response_mode=form_post}). */
  static String formPost(String uri, Map<String, String> params) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>Working...</title>"
        + "</head><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"")
        .append(AadErrors.escape(uri)).append("\">");
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append("<input type=\"hidden\" name=\"").append(AadErrors.escape(e.getKey()))
          .append("\" value=\"").append(AadErrors.escape(e.getValue())).append("\">");
    }
    return sb.append("</form></body></html>").toString();
  }
}
