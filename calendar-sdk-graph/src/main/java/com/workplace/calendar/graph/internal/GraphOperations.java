package com.workplace.calendar.graph.internal;

import java.util.List;
import java.util.Locale;

/**
 * Names what a Graph request does from its method and path, from a small fixed set (see {@link
 * com.workplace.calendar.graph.GraphCall#operation()}), so that metrics and traces can group
 * requests without the mailbox addresses and ids the paths carry.
 */
final class GraphOperations {
  private GraphOperations() {}

  /**
   * Classifies a request.
   *
   * @param method the HTTP method
   * @param path the path after the version root, without a leading slash or query, e.g. {@code
   *     users/room@contoso.com/events}
   * @return the operation's name
   */
  static String of(String method, String path) {
    List<String> s = List.of(path.split("/"));
    String m = method.toUpperCase(Locale.ROOT);
    if (s.isEmpty() || s.get(0).isEmpty()) {
      return "other";
    }
    String first = s.get(0);
    if (first.equals("$batch")) {
      return "batch";
    }
    if (first.equals("places")) {
      return "places";
    }
    if (first.equals("subscriptions")) {
      return switch (m) {
        case "POST" -> "subscriptions.create";
        case "PATCH" -> "subscriptions.renew";
        case "DELETE" -> "subscriptions.delete";
        default -> "subscriptions.get";
      };
    }
    if (!first.equals("users") || s.size() < 3) {
      return "other";
    }
    List<String> rest = s.subList(2, s.size());
    String head = rest.get(0);
    if (head.equals("calendarView") || head.equals("calendarview")) {
      return rest.size() > 1 && rest.get(1).equals("delta") ? "calendarView.delta" : "calendarView";
    }
    if (head.equals("calendar")) {
      if (rest.size() > 1 && rest.get(1).equalsIgnoreCase("getSchedule")) {
        return "getSchedule";
      }
      if (rest.size() > 1 && rest.get(1).equals("calendarView")) {
        return rest.size() > 2 && rest.get(2).equals("delta") ? "calendarView.delta" : "calendarView";
      }
      return rest.size() > 1 && rest.get(1).equals("events") ? events(m, rest.subList(1, rest.size())) : "calendar.get";
    }
    if (head.equals("events")) {
      return events(m, rest);
    }
    return "other";
  }

  private static String events(String method, List<String> rest) {
    if (rest.size() == 1) {
      return method.equals("POST") ? "events.create" : "events.list";
    }
    if (rest.size() >= 3) {
      String action = rest.get(2);
      if (action.equals("cancel")) {
        return "events.cancel";
      }
      if (action.equals("instances")) {
        return "events.instances";
      }
      return "other";
    }
    return switch (method) {
      case "PATCH" -> "events.update";
      case "DELETE" -> "events.delete";
      default -> "events.get";
    };
  }
}
