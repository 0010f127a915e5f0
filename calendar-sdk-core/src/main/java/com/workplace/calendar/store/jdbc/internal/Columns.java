package com.workplace.calendar.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Binds and reads column values. Times are stored as {@code TIMESTAMP WITH TIME ZONE} in UTC to the
 * microsecond (PostgreSQL's precision); finer digits are cut off before writing.
 */
final class Columns {
  private Columns() {}

  /** Cuts an instant to what the database keeps. */
  static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  static Optional<Instant> micros(Optional<Instant> instant) {
    return instant.map(Columns::micros);
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(index, OffsetDateTime.ofInstant(micros(instant), ZoneOffset.UTC));
  }

  static void setInstant(PreparedStatement statement, int index, Optional<Instant> instant)
      throws SQLException {
    if (instant.isPresent()) {
      setInstant(statement, index, instant.get());
    } else {
      statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    }
  }

  static void setText(PreparedStatement statement, int index, Optional<String> text)
      throws SQLException {
    if (text.isPresent()) {
      statement.setString(index, text.get());
    } else {
      statement.setNull(index, Types.VARCHAR);
    }
  }

  static <E extends Enum<E>> void setEnum(
      PreparedStatement statement, int index, Optional<E> value) throws SQLException {
    setText(statement, index, value.map(Enum::name));
  }

  static Instant instant(ResultSet rows, String column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    if (value == null) {
      throw new SQLException("column " + column + " is unexpectedly null", "22004");
    }
    return value.toInstant();
  }

  static Optional<Instant> optionalInstant(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(rows.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  static Optional<String> optionalText(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(rows.getString(column));
  }

  static <E extends Enum<E>> E enumValue(ResultSet rows, String column, Class<E> type)
      throws SQLException {
    return Enum.valueOf(type, rows.getString(column));
  }

  static <E extends Enum<E>> Optional<E> optionalEnum(ResultSet rows, String column, Class<E> type)
      throws SQLException {
    return optionalText(rows, column).map(name -> Enum.valueOf(type, name));
  }
}
