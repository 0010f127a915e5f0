package com.workplace.calendar.booking;

import com.workplace.calendar.ConflictException;
import java.util.Objects;

/**
 * The room's own rules refuse the booking (see {@link
 * com.workplace.calendar.registry.RoomBookingRules}), or the room is reserved. Nothing was written.
 * The message says which rule and what would be accepted.
 *
 * @since 0.2.0
 */
public class BookingRuleException extends ConflictException {
  private static final long serialVersionUID = 1L;

  private final BookingRule rule;
  private final String calendarEmail;

  /**
   * Creates the exception.
   *
   * @param rule the rule that refused
   * @param calendarEmail the room calendar
   * @param message what was refused and what would be accepted
   */
  public BookingRuleException(BookingRule rule, String calendarEmail, String message) {
    super(message);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.calendarEmail = Objects.requireNonNull(calendarEmail, "calendarEmail");
  }

  /**
   * The rule that refused the booking.
   *
   * @return the rule
   */
  public BookingRule rule() {
    return rule;
  }

  /**
   * The room calendar.
   *
   * @return its address
   */
  public String calendarEmail() {
    return calendarEmail;
  }
}
