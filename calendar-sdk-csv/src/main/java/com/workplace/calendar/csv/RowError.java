package com.workplace.calendar.csv;

import java.util.Objects;

/**
 * A row of an imported file that was not applied (or, in a dry run, would not be), and why.
 *
 * @param line the physical line of the file where the row starts (1-based; the header is line 1
 *     unless blank or comment lines precede it)
 * @param email the e-mail cell of the row as read, before it was normalized (lower case)
 * @param roomId the roomID cell of the row as read; empty if the row or file has none
 * @param reason why the row failed, for programs
 * @param message why the row failed and what to do, for a person
 * @since 0.1.0
 */
public record RowError(long line, String email, String roomId, Reason reason, String message) {

  /** Why a row failed. */
  public enum Reason {
    /** The e-mail cell is empty while other cells of the row are not. */
    EMAIL_MISSING,
    /** The e-mail cell is not a valid mailbox address; the message says why. */
    EMAIL_INVALID,
    /** The same address (ignoring case and spaces) appears on an earlier line of the file. */
    DUPLICATE_EMAIL,
    /** The roomID cell is not a valid space ID (too long, or control characters). */
    ROOM_ID_INVALID,
    /** The roomID is not a space of the product's space directory. */
    SPACE_NOT_FOUND,
    /** The same roomID appears on an earlier line of the file for another address. */
    DUPLICATE_ROOM_ID,
    /** The space is linked to another calendar and the import does not move linked spaces. */
    SPACE_LINKED_ELSEWHERE,
    /** The calendar or space changed while the row was applied; nothing of the row was kept. */
    CONCURRENT_CHANGE
  }

  /** Validates the record. */
  public RowError {
    if (line < 1) {
      throw new IllegalArgumentException("line must be 1 or more, was " + line);
    }
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(roomId, "roomId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(message, "message");
  }
}
