package com.workplace.calendar.store.jdbc.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The names of the store's tables, all starting with one prefix so that several stores (or other
 * applications) can share a database schema.
 */
public final class Tables {
  /** The prefix used when none is given. */
  public static final String DEFAULT_PREFIX = "calendar_";

  /** The longest prefix accepted, so that every table and index name stays within 63 bytes. */
  public static final int MAX_PREFIX_LENGTH = 24;

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]*");

  private final String prefix;

  private Tables(String prefix) {
    this.prefix = prefix;
  }

  /**
   * Validates a prefix and makes the names.
   *
   * @param prefix the prefix: empty, or a lower-case letter followed by lower-case letters, digits
   *     and underscores, at most {@value #MAX_PREFIX_LENGTH} characters
   * @return the names
   * @throws IllegalArgumentException if the prefix is not such an identifier
   */
  public static Tables withPrefix(String prefix) {
    Objects.requireNonNull(prefix, "tablePrefix");
    if (!prefix.isEmpty() && !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          "a table prefix must be empty or start with a lower-case letter (a-z) followed by"
              + " lower-case letters, digits and underscores, e.g. \"calendar_\"");
    }
    if (prefix.length() > MAX_PREFIX_LENGTH) {
      throw new IllegalArgumentException(
          "a table prefix must not be longer than " + MAX_PREFIX_LENGTH + " characters");
    }
    return new Tables(prefix);
  }

  /**
   * Returns the prefix.
   *
   * @return the prefix, possibly empty
   */
  public String prefix() {
    return prefix;
  }

  /**
   * Names the table that records applied migrations.
   *
   * @return the table name
   */
  public String schemaVersion() {
    return prefix + "schema_version";
  }

  /**
   * Names the one-row table whose row is locked while migrating on databases without advisory
   * locks.
   *
   * @return the table name
   */
  public String schemaLock() {
    return prefix + "schema_lock";
  }

  String tenants() {
    return prefix + "tenants";
  }

  String consentStates() {
    return prefix + "consent_states";
  }

  String calendars() {
    return prefix + "calendars";
  }

  String spaceLinks() {
    return prefix + "space_links";
  }

  String bookingLinks() {
    return prefix + "booking_links";
  }

  String syncStates() {
    return prefix + "sync_states";
  }

  String subscriptions() {
    return prefix + "subscriptions";
  }

  String leases() {
    return prefix + "leases";
  }

  String mailboxGates() {
    return prefix + "mailbox_gates";
  }

  String mailboxPermits() {
    return prefix + "mailbox_permits";
  }
}
