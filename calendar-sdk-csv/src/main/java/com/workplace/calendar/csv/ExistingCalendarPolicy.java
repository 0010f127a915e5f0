package com.workplace.calendar.csv;

/**
 * What an import does with a row whose calendar is already registered.
 *
 * @since 0.1.0
 */
public enum ExistingCalendarPolicy {
  /**
   * Leave registered calendars exactly as they are: the row counts as unchanged, whatever its
   * roomID. The row is still validated (address, roomID, duplicates).
   */
  SKIP,
  /**
   * Link the registered calendar to the row's roomID if it is linked to another space or to none. A
   * row without a roomID never removes an existing link.
   */
  UPDATE_LINK
}
