package com.workplace.calendar.csv.internal;

import com.workplace.calendar.csv.CsvFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Where the e-mail and roomID values are in a row, found from the header by name. Names are
 * compared in lower case without spaces, dashes, dots and underscores.
 *
 * @param email the index of the e-mail column
 * @param roomId the index of the roomID column, or -1 if the file has none
 */
record Columns(int email, int roomId) {
  static final Set<String> EMAIL_NAMES = Set.of("email", "mail", "emailaddress");
  static final Set<String> ROOM_NAMES = Set.of("roomid", "room", "space", "spaceid");
  private static final int NAMES_SHOWN = 20;

  /**
   * Finds the columns in a header row.
   *
   * @param header the header cells as parsed
   * @param line the header's line
   * @return the columns
   * @throws FileProblem if the e-mail column is missing or a value has two columns
   */
  static Columns fromHeader(List<String> header, long line) {
    int email = -1;
    int room = -1;
    for (int i = 0; i < header.size(); i++) {
      String key = key(header.get(i));
      if (EMAIL_NAMES.contains(key)) {
        email = only(email, i, "e-mail", header, line);
      } else if (ROOM_NAMES.contains(key)) {
        room = only(room, i, "roomID", header, line);
      }
    }
    if (email < 0) {
      throw FileProblem.format(
          CsvFormatException.Problem.MISSING_COLUMN, missingEmail(header, line), line, null);
    }
    return new Columns(email, room);
  }

  /**
   * The comparison key of a column name.
   *
   * @param name the name as written
   * @return lower case, without spaces, dashes, dots and underscores
   */
  static String key(String name) {
    StringBuilder key = new StringBuilder(name.length());
    String trimmed = SpreadsheetCells.trim(name).toLowerCase(Locale.ROOT);
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c != '-'
          && c != '_'
          && c != '.'
          && !Character.isWhitespace(c)
          && !Character.isSpaceChar(c)) {
        key.append(c);
      }
    }
    return key.toString();
  }

  private static int only(int found, int index, String what, List<String> header, long line) {
    if (found >= 0) {
      throw FileProblem.format(
          CsvFormatException.Problem.DUPLICATE_COLUMN,
          String.format(
              Locale.ROOT,
              "the header (line %d) has two %s columns: %s (column %d) and %s (column %d); keep"
                  + " one of them",
              line,
              what,
              quoted(header.get(found)),
              found + 1,
              quoted(header.get(index)),
              index + 1),
          line,
          null);
    }
    return index;
  }

  private static String missingEmail(List<String> header, long line) {
    List<String> names = new ArrayList<>();
    boolean looksLikeData = false;
    for (int i = 0; i < header.size() && names.size() < NAMES_SHOWN; i++) {
      String name = SpreadsheetCells.trim(header.get(i));
      looksLikeData |= name.contains("@");
      names.add(quoted(name));
    }
    String found = String.join(", ", names);
    if (header.size() > NAMES_SHOWN) {
      found += " and " + (header.size() - NAMES_SHOWN) + " more";
    }
    StringBuilder message =
        new StringBuilder()
            .append("the file has no e-mail column: the header (line ")
            .append(line)
            .append(") has the columns ")
            .append(found)
            .append(". Name the column of room mailbox addresses \"email\" (also accepted: E-mail,")
            .append(" mail, emailAddress); the template's header is email,roomID");
    if (looksLikeData) {
      message.append(
          ". The first line looks like data, not a header: add the line email,roomID at the top");
    }
    return message.toString();
  }

  private static String quoted(String name) {
    String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
