package com.workplace.calendar.sync;

/**
 * What happened to an event in a room calendar.
 *
 * @since 0.1.0
 */
public enum ChangeType {
  /** The event is new to the SDK. */
  CREATED,
  /** The event changed. */
  UPDATED,
  /** The event was deleted or cancelled, or left the sync window. */
  DELETED
}
