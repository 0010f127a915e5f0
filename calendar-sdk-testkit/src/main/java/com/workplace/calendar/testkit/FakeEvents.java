package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.CalendarState;
import com.workplace.calendar.testkit.internal.EventRecord;
import com.workplace.calendar.testkit.internal.GraphException;
import com.workplace.calendar.testkit.internal.MailboxState;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Helpers of the "Outlook" test API: changes as Outlook makes them, items as assertions see. */
final class FakeEvents {

  private FakeEvents() {}

  /** Applies a change, reporting what Exchange would refuse as a bad argument. */
  static void change(CalendarState calendar, String eventId, UnaryOperator<EventRecord> change) {
    outlook(() -> calendar.update(eventId, change)
        .orElseThrow(() -> new IllegalArgumentException("no event " + eventId)));
  }

  /** Runs a change of the test API, reporting what Exchange would refuse as a bad argument. */
  static <T> T outlook(Supplier<T> action) {
    try {
      return action.get();
    } catch (GraphException e) {
      throw new IllegalArgumentException(e.code() + ": " + e.getMessage(), e);
    }
  }

  /** An item marked cancelled; a series master with every exception. */
  static EventRecord markCancelled(EventRecord e) {
    if (!e.isMaster()) {
      return e.withCancelled(true);
    }
    Map<LocalDate, EventRecord> exceptions = new TreeMap<>();
    e.exceptions().forEach((date, ex) -> exceptions.put(date, ex.withCancelled(true)));
    return e.toBuilder().cancelled(true).exceptions(exceptions).build();
  }

  /** The public view of items. */
  static List<FakeEvent> of(MailboxState m, List<EventRecord> records) {
    List<FakeEvent> out = new ArrayList<>();
    for (EventRecord e : records) {
      List<String> attendees = new ArrayList<>();
      e.attendees().forEach(a -> attendees.add(a.address()));
      out.add(new FakeEvent(e.id(), m.address(), e.subject(), e.start(), e.end(),
          e.organizerAddress(), e.organizerName(), attendees,
          e.transactionId() == null ? "" : e.transactionId(), e.cancelled(), e.bodyContent(),
          e.location() == null ? "" : e.location(), e.createdDateTime(),
          e.lastModifiedDateTime(), e.changeKey(), type(e.type()),
          Optional.ofNullable(e.seriesMasterId()), Optional.ofNullable(e.originalStart()),
          Optional.ofNullable(e.recurrence()), showAs(e.showAs()),
          FakeEvent.Sensitivity.valueOf(e.sensitivity().toUpperCase(Locale.ROOT))));
    }
    return out;
  }

  private static FakeEvent.Type type(String wire) {
    for (FakeEvent.Type t : FakeEvent.Type.values()) {
      if (t.wireName().equals(wire)) {
        return t;
      }
    }
    throw new IllegalStateException("unknown event type " + wire);
  }

  private static FakeEvent.ShowAs showAs(String wire) {
    for (FakeEvent.ShowAs s : FakeEvent.ShowAs.values()) {
      if (s.wireName().equals(wire)) {
        return s;
      }
    }
    throw new IllegalStateException("unknown showAs " + wire);
  }
}
