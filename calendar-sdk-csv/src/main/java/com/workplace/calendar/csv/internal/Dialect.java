package com.workplace.calendar.csv.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * How a file is written: its delimiter, and whether it starts with the {@code sep=;} line some
 * spreadsheet programs write and read to name the delimiter.
 *
 * @param delimiter {@code ','} or {@code ';'}
 * @param separatorLine whether the first line is a {@code sep=} line, to be skipped
 */
record Dialect(char delimiter, boolean separatorLine) {
  /** How far ahead the header line is looked for, in characters. */
  static final int LOOKAHEAD = 64 * 1024;

  /**
   * Reads ahead to the header line (the first line that is neither blank, nor only delimiters, nor
   * a comment) and picks the delimiter it uses more of (semicolon or comma; comma on a tie), unless
   * a first line {@code sep=;} or {@code sep=,} names it. Then rewinds, dropping a byte order mark.
   *
   * @param text the decoded file, rewound afterwards to just after the byte order mark
   * @return the dialect
   * @throws FileProblem if the text cannot be read
   */
  static Dialect detect(BufferedReader text) {
    char[] ahead = new char[LOOKAHEAD];
    int n = 0;
    try {
      text.mark(LOOKAHEAD);
      try {
        int read;
        while (n < LOOKAHEAD && (read = text.read(ahead, n, LOOKAHEAD - n)) >= 0) {
          n += read;
        }
      } catch (CharacterCodingException e) {
        throw GuardReader.notUtf8(linesIn(ahead, n), e);
      }
      text.reset();
      if (n > 0 && ahead[0] == '\uFEFF') {
        text.skip(1);
      }
    } catch (IOException e) {
      throw FileProblem.io("could not read the file: " + e.getMessage(), e);
    }
    int i = n > 0 && ahead[0] == '\uFEFF' ? 1 : 0;
    Character named = separatorLine(ahead, i, n);
    if (named != null) {
      return new Dialect(named, true);
    }
    while (i < n) {
      int end = i;
      while (end < n && ahead[end] != '\n' && ahead[end] != '\r') {
        end++;
      }
      if (ahead[i] != '#' && !onlyBlanksAndDelimiters(ahead, i, end)) {
        return new Dialect(delimiterOf(ahead, i, n), false);
      }
      i = end + 1;
    }
    return new Dialect(',', false);
  }

  /** The delimiter named by a first line {@code sep=;} or {@code sep=,}, or {@code null}. */
  private static Character separatorLine(char[] text, int from, int n) {
    int end = from;
    while (end < n && text[end] != '\n' && text[end] != '\r') {
      end++;
    }
    String line =
        SpreadsheetCells.trim(new String(text, from, end - from)).toLowerCase(Locale.ROOT);
    if (line.equals("sep=;") || line.equals("sep=,")) {
      return line.charAt(4);
    }
    return null;
  }

  private static boolean onlyBlanksAndDelimiters(char[] text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c != ',' && c != ';' && c != '"' && !SpreadsheetCells.trim(String.valueOf(c)).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static char delimiterOf(char[] text, int from, int to) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      char c = text[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }

  private static long linesIn(char[] text, int n) {
    long lines = 1;
    for (int i = 0; i < n; i++) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= n || text[i + 1] != '\n'))) {
        lines++;
      }
    }
    return lines;
  }
}
