package com.workplace.calendar.csv.internal;

/**
 * Cell text rules shared by import and export: trimming, and the apostrophe that keeps a
 * spreadsheet from running a cell as a formula.
 */
public final class SpreadsheetCells {
  private SpreadsheetCells() {}

  /**
   * Tells whether a spreadsheet would treat a cell starting with this character as a formula.
   *
   * @param c the first character
   * @return {@code true} for {@code = + - @}, tab and carriage return
   */
  static boolean startsFormula(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /**
   * Prefixes a cell with an apostrophe when a spreadsheet would run it as a formula.
   *
   * @param value the cell value
   * @return the value, prefixed with {@code '} if it starts with {@code = + - @}, tab or CR
   */
  public static String neutralize(String value) {
    if (!value.isEmpty() && startsFormula(value.charAt(0))) {
      return "'" + value;
    }
    return value;
  }

  /**
   * Cleans an imported cell: removes surrounding whitespace (non-breaking and zero-width spaces
   * included), then the apostrophe of a neutralized formula-like value.
   *
   * @param value the cell as parsed
   * @return the cleaned value
   */
  public static String clean(String value) {
    String trimmed = trim(value);
    if (trimmed.length() > 1 && trimmed.charAt(0) == '\'' && startsFormula(trimmed.charAt(1))) {
      return trim(trimmed.substring(1));
    }
    return trimmed;
  }

  /**
   * Removes surrounding whitespace, including non-breaking, zero-width and byte-order-mark
   * characters that spreadsheets leave behind.
   *
   * @param value the text
   * @return the trimmed text
   */
  public static String trim(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isBlank(value.charAt(start))) {
      start++;
    }
    while (end > start && isBlank(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isBlank(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
  }
}
