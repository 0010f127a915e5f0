package com.workplace.calendar.examples.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where commands write: tables and sentences for people on standard output, or one JSON document
 * with {@code --json}; progress and errors on standard error.
 */
final class Output {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean terminal;
  private final boolean verbose;
  private final ZoneId zone;

  Output(PrintWriter out, PrintWriter err, boolean json, boolean terminal, boolean verbose, ZoneId zone) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.terminal = terminal;
    this.verbose = verbose;
    this.zone = zone;
  }

  boolean json() {
    return json;
  }

  boolean verbose() {
    return verbose;
  }

  PrintWriter err() {
    return err;
  }

  /** A sentence for people; nothing in JSON mode. */
  void line(String text) {
    if (!json) {
      out.println(text);
      out.flush();
    }
  }

  /** A formatted sentence for people; nothing in JSON mode. */
  void linef(String format, Object... args) {
    line(String.format(Locale.ROOT, format, args));
  }

  /** A numbered step of a story, with a blank line before it. */
  void heading(String text) {
    if (!json) {
      out.println();
      out.println(text);
      out.println("=".repeat(Math.min(text.length(), 100)));
      out.flush();
    }
  }

  /** A table for people; nothing in JSON mode. */
  void table(Table table) {
    if (!json) {
      table.print(out, "  ");
    }
  }

  /** The JSON document of a command; nothing unless in JSON mode. */
  void json(Object document) {
    if (json) {
      try {
        out.println(MAPPER.writeValueAsString(document));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
      }
      out.flush();
    }
  }

  /** One compact JSON line (for streams of events, e.g. sync watch). */
  void jsonLine(Object document) {
    try {
      out.println(MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write JSON: " + e.getOriginalMessage(), e);
    }
    out.flush();
  }

  /** A notice on standard error. */
  void note(String text) {
    err.println(text);
    err.flush();
  }

  /** Feedback while waiting for something without measurable progress; close it when done. */
  Heartbeat heartbeat(String activity, String bound) {
    return Heartbeat.start(err, terminal, activity, bound);
  }

  Progress progress(String label, long total) {
    return new Progress(err, terminal, label, total);
  }

  /** A time in the local zone, e.g. {@code Tue 4 Mar 2025 14:30}. */
  String time(Instant instant) {
    return TIME.format(instant.atZone(zone));
  }

  /** A time span in the local zone, e.g. {@code Tue 4 Mar 2025 14:30-15:00}. */
  String span(Instant start, Instant end) {
    String from = time(start);
    String to = time(end);
    return from.substring(0, from.length() - 5).equals(to.substring(0, to.length() - 5))
        ? from + "-" + to.substring(to.length() - 5)
        : from + " - " + to;
  }

  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  /** Builds a JSON object from name/value pairs; optionals are unwrapped, instants written ISO-8601. */
  static Map<String, Object> obj(Object... namesAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put((String) namesAndValues[i], plain(namesAndValues[i + 1]));
    }
    return map;
  }

  static Object plain(Object value) {
    Object v = value instanceof Optional<?> optional ? optional.orElse(null) : value;
    if (v instanceof Instant || v instanceof Enum<?> || v instanceof Duration) {
      return v.toString();
    }
    return v;
  }
}
