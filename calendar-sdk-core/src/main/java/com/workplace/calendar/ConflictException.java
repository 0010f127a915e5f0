package com.workplace.calendar;

/**
 * The operation conflicts with the current state: a space already linked to another calendar, a
 * tenant that still has calendars, a booking that has not started yet. Nothing was changed.
 *
 * @since 0.1.0
 */
public class ConflictException extends CalendarClientException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what conflicts and what to do about it
   */
  public ConflictException(String message) {
    super(message);
  }
}
