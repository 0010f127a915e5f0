package com.workplace.calendar;

/**
 * An update was based on an old version of a record: someone else changed it in the meantime.
 * Nothing was changed; read the record again and retry the update on the fresh version.
 *
 * @since 0.1.0
 */
public class StaleRecordException extends ConflictException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which record was stale
   */
  public StaleRecordException(String message) {
    super(message);
  }
}
