package com.workplace.calendar.booking;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.ConflictException;
import java.util.Objects;

/**
 * A change of a booking was written, lost a race with another booking of the same time (one that
 * came first by the service's clock, booked in Outlook meanwhile), and undoing the change failed:
 * unlike a {@link BookingConflictException}, the booking <em>stands as changed</em>, overlapping
 * the bookings that came first. {@link #conflict()} names them; the cause is the failure of the
 * undo. Move the booking again, or cancel it.
 *
 * @since 0.2.0
 */
public class UnresolvedConflictException extends CalendarClientException {
  private static final long serialVersionUID = 1L;

  private final String bookingKey;

  private final ConflictException conflict;

  /**
   * Creates the exception.
   *
   * @param bookingKey the host's key of the booking that stands as changed
   * @param change what the booking was changed to, in words (e.g. its new time and pattern)
   * @param conflict the refusal the change got after writing: the bookings that came first
   * @param undoFailure why the change could not be undone
   */
  public UnresolvedConflictException(
      String bookingKey, String change, ConflictException conflict, Throwable undoFailure) {
    super(
        "booking "
            + Objects.requireNonNull(bookingKey, "bookingKey")
            + " was changed ("
            + Objects.requireNonNull(change, "change")
            + "), then found that other bookings came first ("
            + Objects.requireNonNull(conflict, "conflict").getMessage()
            + "), and undoing the change failed: the booking stands as changed, overlapping"
            + " them; move it again or cancel it",
        undoFailure);
    this.bookingKey = bookingKey;
    this.conflict = conflict;
  }

  /**
   * The booking that stands as changed.
   *
   * @return the host's booking key
   */
  public String bookingKey() {
    return bookingKey;
  }

  /**
   * The conflict found after the change: the bookings that came first, and for a series the
   * occurrences that overlap them.
   *
   * @return the refusal the change would have got
   */
  public ConflictException conflict() {
    return conflict;
  }
}
