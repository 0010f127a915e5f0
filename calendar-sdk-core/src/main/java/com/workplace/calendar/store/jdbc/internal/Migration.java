package com.workplace.calendar.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned schema change: a resource {@code migration/V<n>__<description>.sql} beside this
 * class, holding statements that end with a semicolon at the end of a line. {@code --} starts a
 * comment line.
 *
 * @param version the version it brings the schema to
 * @param description what it does
 * @param script the statements, with placeholders
 * @param checksum the SHA-256 of the script, to detect a script changed after it was applied
 */
record Migration(int version, String description, String script, String checksum) {
  /** Every migration, in order. A new one is added at the end, never edited once released. */
  static final List<String> RESOURCES =
      List.of(
          "V1__create_tables.sql",
          "V2__booking_links_transaction_index.sql",
          "V3__mailbox_coordination.sql",
          "V4__room_booking_rules.sql");

  private static final Pattern NAME = Pattern.compile("V([1-9][0-9]*)__([a-z0-9_]+)\\.sql");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

  /** Loads every migration. */
  static List<Migration> all() {
    List<Migration> migrations = new ArrayList<>();
    for (String resource : RESOURCES) {
      Migration migration = load(resource);
      if (migration.version() != migrations.size() + 1) {
        throw new IllegalStateException("migration " + resource + " is out of sequence");
      }
      migrations.add(migration);
    }
    return List.copyOf(migrations);
  }

  static Migration load(String resource) {
    Matcher name = NAME.matcher(resource);
    if (!name.matches()) {
      throw new IllegalStateException("migration " + resource + " is not named V<n>__<what>.sql");
    }
    String script;
    try (InputStream in = Migration.class.getResourceAsStream("migration/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("migration " + resource + " is missing from the jar");
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("migration " + resource + " cannot be read", e);
    }
    return new Migration(
        Integer.parseInt(name.group(1)),
        name.group(2).replace('_', ' '),
        script,
        Digests.sha256Hex(script));
  }

  /**
   * Splits the script into statements with the placeholders filled in.
   *
   * @param values the placeholder values by name
   * @return the statements, without their semicolons
   */
  List<String> statements(Map<String, String> values) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (trimmed.endsWith(";")) {
        String statement = current.toString().strip();
        statements.add(fill(statement.substring(0, statement.length() - 1).strip(), values));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      throw new IllegalStateException(
          "migration V" + version + " ends with a statement that lacks its semicolon");
    }
    return statements;
  }

  private String fill(String statement, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(statement);
    StringBuilder filled = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalStateException(
            "migration V" + version + " uses an unknown placeholder " + placeholder.group());
      }
      placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(filled);
    return filled.toString();
  }
}
