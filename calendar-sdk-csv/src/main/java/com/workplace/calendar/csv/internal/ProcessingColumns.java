package com.workplace.calendar.csv.internal;

import com.workplace.calendar.csv.CsvFormatException;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a {@code Get-CalendarProcessing | Select Identity, BookingWindowInDays,
 * MaximumDurationInMinutes, AllowConflicts, AllowRecurringMeetings | Export-Csv} file: {@code
 * Identity} and at least one rule column, found by name like the calendar import's columns.
 */
final class ProcessingColumns implements CsvRows.Layout {
  static final int IDENTITY = 0;
  static final int WINDOW = 1;
  static final int DURATION = 2;
  static final int CONFLICTS = 3;
  static final int RECURRING = 4;

  static final List<String> NAMES =
      List.of(
          "Identity",
          "BookingWindowInDays",
          "MaximumDurationInMinutes",
          "AllowConflicts",
          "AllowRecurringMeetings");

  static final ProcessingColumns INSTANCE = new ProcessingColumns();

  private ProcessingColumns() {}

  @Override
  public int[] columns(List<String> header, long line) {
    int[] found = {-1, -1, -1, -1, -1};
    for (int i = 0; i < header.size(); i++) {
      String key = Columns.key(header.get(i));
      for (int n = 0; n < NAMES.size(); n++) {
        if (key.equals(NAMES.get(n).toLowerCase(Locale.ROOT))) {
          if (found[n] >= 0) {
            throw FileProblem.format(
                CsvFormatException.Problem.DUPLICATE_COLUMN,
                String.format(
                    Locale.ROOT,
                    "the header (line %d) has two %s columns (columns %d and %d); keep one of them",
                    line,
                    NAMES.get(n),
                    found[n] + 1,
                    i + 1),
                line,
                null);
          }
          found[n] = i;
        }
      }
    }
    boolean anyRule = found[WINDOW] >= 0 || found[DURATION] >= 0 || found[CONFLICTS] >= 0 || found[RECURRING] >= 0;
    if (found[IDENTITY] < 0 || !anyRule) {
      throw FileProblem.format(
          CsvFormatException.Problem.MISSING_COLUMN,
          "the header (line "
              + line
              + ") needs an Identity column and at least one of BookingWindowInDays,"
              + " MaximumDurationInMinutes, AllowConflicts, AllowRecurringMeetings; export the file"
              + " with Get-CalendarProcessing -Identity <room> | Select "
              + String.join(", ", NAMES)
              + " | Export-Csv",
          line,
          null);
    }
    return found;
  }

  @Override
  public String exampleHeader() {
    return String.join(",", NAMES);
  }

  @Override
  public String rowMeaning() {
    return "room mailbox, as Get-CalendarProcessing | Export-Csv writes it";
  }
}
