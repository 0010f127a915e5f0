package com.workplace.calendar.space;

/**
 * What to do when the space to link is already linked to another calendar.
 *
 * @since 0.1.0
 */
public enum LinkMode {
  /** Refuse with a {@link com.workplace.calendar.ConflictException}; nothing changes. */
  FAIL_IF_LINKED,
  /** Move the space: unlink it from the other calendar and link it to this one. */
  MOVE
}
