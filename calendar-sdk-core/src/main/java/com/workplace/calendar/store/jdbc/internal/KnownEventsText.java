package com.workplace.calendar.store.jdbc.internal;

import com.workplace.calendar.store.KnownInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The text of a sync state's {@code known_event_ids} column: the known event ids and what sync
 * knows of the instances of recurring series among them, in one value that is written and read in
 * one go. Every line ends with a line break:
 *
 * <ol>
 *   <li>every known event id, sorted, with backslashes and line breaks inside ids escaped ({@code
 *       \\}, {@code \n}, {@code \r}), so any id (even an empty one) survives; this is the whole
 *       text of 0.1;
 *   <li>then, for each series with known instances, sorted by series id: {@code \S} and the
 *       escaped series id, followed by one line {@code \I<index>:<fingerprint>} per instance, where
 *       {@code index} is the position of the instance's id among the id lines (from 0). The series
 *       id is stored once and instance ids not at all a second time, so a series costs one line and
 *       each of its instances about 16 characters.
 * </ol>
 *
 * <p>An escaped id never starts with {@code \S} or {@code \I} (a backslash in an id is written as
 * two), so text written by 0.1 reads as it did.
 */
final class KnownEventsText {
  private KnownEventsText() {}

  /** What the column holds. */
  record Known(Set<String> ids, Map<String, KnownInstance> instances) {}

  /**
   * Encodes the known ids and instances.
   *
   * @param ids the known event ids
   * @param instances what is known of the instances among them, by event id
   * @return the text
   * @throws IllegalArgumentException if an instance is not among the ids
   */
  static String encode(Set<String> ids, Map<String, KnownInstance> instances) {
    List<String> sorted = new ArrayList<>(new TreeSet<>(ids));
    Map<String, Integer> index = new HashMap<>();
    StringBuilder text = new StringBuilder(sorted.size() * 64 + instances.size() * 16);
    for (String id : sorted) {
      index.put(id, index.size());
      escape(text, id);
      text.append('\n');
    }
    Map<String, Map<Integer, String>> bySeries = new TreeMap<>();
    for (Map.Entry<String, KnownInstance> e : instances.entrySet()) {
      Integer at = index.get(e.getKey());
      if (at == null) {
        throw new IllegalArgumentException("a known instance is not among the known events");
      }
      bySeries
          .computeIfAbsent(e.getValue().seriesId(), s -> new TreeMap<>())
          .put(at, e.getValue().fingerprint());
    }
    for (Map.Entry<String, Map<Integer, String>> series : bySeries.entrySet()) {
      text.append("\\S");
      escape(text, series.getKey());
      text.append('\n');
      for (Map.Entry<Integer, String> instance : series.getValue().entrySet()) {
        text.append("\\I").append(instance.getKey()).append(':').append(instance.getValue());
        text.append('\n');
      }
    }
    return text.toString();
  }

  /**
   * Decodes what {@link #encode} (or 0.1) wrote.
   *
   * @param text the column's value; {@code null} or empty for none
   * @return the ids and instances
   * @throws IllegalStateException if the text is cut off or damaged
   */
  static Known decode(String text) {
    Set<String> ids = new HashSet<>();
    Map<String, KnownInstance> instances = new HashMap<>();
    if (text == null || text.isEmpty()) {
      return new Known(ids, instances);
    }
    if (text.charAt(text.length() - 1) != '\n') {
      throw damaged("cut off");
    }
    List<String> byIndex = new ArrayList<>();
    String series = null;
    int from = 0;
    while (from < text.length()) {
      int to = text.indexOf('\n', from);
      String line = text.substring(from, to);
      from = to + 1;
      if (line.startsWith("\\S")) {
        series = unescape(line, 2);
      } else if (line.startsWith("\\I")) {
        if (series == null) {
          throw damaged("an instance line comes before its series");
        }
        int colon = line.indexOf(':');
        int at;
        try {
          at = colon < 0 ? -1 : Integer.parseInt(line.substring(2, colon));
        } catch (NumberFormatException e) {
          at = -1;
        }
        if (at < 0 || at >= byIndex.size()) {
          throw damaged("an instance line names no known event");
        }
        try {
          instances.put(byIndex.get(at), new KnownInstance(series, line.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
          throw damaged("an instance line has a malformed fingerprint");
        }
      } else {
        if (series != null) {
          throw damaged("an event id comes after the series");
        }
        String id = unescape(line, 0);
        byIndex.add(id);
        ids.add(id);
      }
    }
    return new Known(ids, instances);
  }

  private static void escape(StringBuilder text, String id) {
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (c == '\\') {
        text.append("\\\\");
      } else if (c == '\n') {
        text.append("\\n");
      } else if (c == '\r') {
        text.append("\\r");
      } else {
        text.append(c);
      }
    }
  }

  private static String unescape(String line, int from) {
    StringBuilder id = new StringBuilder(line.length() - from);
    for (int i = from; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        id.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        id.append(c);
      }
    }
    return id.toString();
  }

  private static IllegalStateException damaged(String why) {
    return new IllegalStateException("the stored event ids are damaged: " + why);
  }
}
