package com.workplace.calendar.micrometer;

import java.util.Map;

/** What each meter measures, for the metrics backend. */
final class Descriptions {
  private static final Map<String, String> TEXT =
      Map.ofEntries(
          Map.entry("calendar.graph.requests", "HTTP requests to Microsoft Graph, each attempt"),
          Map.entry("calendar.graph.batch.items", "Final answers and 429s of requests inside $batch"),
          Map.entry("calendar.graph.throttled", "429 answers from Microsoft Graph"),
          Map.entry("calendar.graph.retry.after", "How long a 429 paused the mailbox"),
          Map.entry("calendar.graph.retries", "Graph requests sent again"),
          Map.entry("calendar.graph.gave.up", "Graph requests that failed after their retries"),
          Map.entry("calendar.graph.permit.wait", "Time a request waited for its mailbox's permit"),
          Map.entry("calendar.graph.batch.size", "Requests per $batch"),
          Map.entry("calendar.connect.outcomes", "Calendars connected or failed, by reason"),
          Map.entry("calendar.sync.rounds", "Sync rounds of one calendar"),
          Map.entry("calendar.sync.changes", "Bookings found created, updated or deleted by sync"),
          Map.entry("calendar.sync.lag", "Age of a calendar's previous sync round when the next starts"),
          Map.entry("calendar.notifications", "Change notifications accepted, rejected, and handshakes"),
          Map.entry("calendar.consent.outcomes", "Admin-consent callbacks by outcome"),
          Map.entry("calendar.tenant.verifications", "Tenant verifications by status"));

  private Descriptions() {}

  static String of(String name) {
    return TEXT.getOrDefault(name, name);
  }
}
