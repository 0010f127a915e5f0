package com.workplace.calendar;

/**
 * A record with the same key, or a value that must be unique, already exists. Nothing was changed.
 *
 * @since 0.1.0
 */
public class DuplicateRecordException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which record or value already exists
   */
  public DuplicateRecordException(String message) {
    super(message);
  }
}
