package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GraphRecurrenceTest {
  private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

  @Test
  void aWeeklyCountedSeriesIsWrittenInGraphsShapeInUtc() throws Exception {
    JsonValue json =
        GraphRecurrence.write(BookingRecurrence.weekly(2, DayOfWeek.THURSDAY, DayOfWeek.MONDAY).times(10), MONDAY);

    assertThat(json.toString())
        .isEqualTo(
            JsonValue.parse(
                    "{\"pattern\":{\"type\":\"weekly\",\"interval\":2,\"daysOfWeek\":[\"monday\",\"thursday\"],"
                        + "\"firstDayOfWeek\":\"monday\"},"
                        + "\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-02\",\"numberOfOccurrences\":10,"
                        + "\"recurrenceTimeZone\":\"UTC\"}}")
                .toString());
  }

  @Test
  void aDailySeriesEndingOnADateIsWrittenWithItsEndDate() throws Exception {
    JsonValue json = GraphRecurrence.write(BookingRecurrence.daily(1).until(LocalDate.parse("2026-03-31")), MONDAY);

    assertThat(json.toString())
        .isEqualTo(
            JsonValue.parse(
                    "{\"pattern\":{\"type\":\"daily\",\"interval\":1},"
                        + "\"range\":{\"type\":\"endDate\",\"startDate\":\"2026-03-02\",\"endDate\":\"2026-03-31\","
                        + "\"recurrenceTimeZone\":\"UTC\"}}")
                .toString());
  }

  @Test
  void whatIsWrittenReadsBackAndGraphsFillerValuesAreIgnored() throws Exception {
    for (BookingRecurrence r :
        new BookingRecurrence[] {
          BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10),
          BookingRecurrence.weekly(3, DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY).until(LocalDate.parse("2026-05-01")),
          BookingRecurrence.daily(2).times(999)
        }) {
      assertThat(GraphRecurrence.read(GraphRecurrence.write(r, MONDAY))).contains(r);
    }
    JsonValue echoed =
        JsonValue.parse(
            "{\"pattern\":{\"type\":\"weekly\",\"interval\":1,\"month\":0,\"dayOfMonth\":0,"
                + "\"daysOfWeek\":[\"monday\"],\"firstDayOfWeek\":\"sunday\",\"index\":\"first\"},"
                + "\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-02\",\"endDate\":\"0001-01-01\","
                + "\"recurrenceTimeZone\":\"UTC\",\"numberOfOccurrences\":10}}");
    assertThat(GraphRecurrence.read(echoed)).contains(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10));
  }

  @Test
  void aRecurrenceTheSdkCannotSayReadsAsNone() throws Exception {
    String[] unsaid = {
      // monthly
      "{\"pattern\":{\"type\":\"absoluteMonthly\",\"interval\":1,\"dayOfMonth\":3},"
          + "\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-03\",\"numberOfOccurrences\":4}}",
      // no end
      "{\"pattern\":{\"type\":\"daily\",\"interval\":1},\"range\":{\"type\":\"noEnd\",\"startDate\":\"2026-03-02\"}}",
      // another time zone
      "{\"pattern\":{\"type\":\"daily\",\"interval\":1},\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-02\","
          + "\"numberOfOccurrences\":3,\"recurrenceTimeZone\":\"W. Europe Standard Time\"}}",
      // weeks that start on Sunday, where it matters
      "{\"pattern\":{\"type\":\"weekly\",\"interval\":2,\"daysOfWeek\":[\"sunday\",\"monday\"],\"firstDayOfWeek\":\"sunday\"},"
          + "\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-01\",\"numberOfOccurrences\":3,\"recurrenceTimeZone\":\"UTC\"}}",
      // out of range
      "{\"pattern\":{\"type\":\"daily\",\"interval\":0},\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-02\","
          + "\"numberOfOccurrences\":3}}",
      "{\"pattern\":{\"type\":\"weekly\",\"interval\":1,\"daysOfWeek\":[\"someday\"]},"
          + "\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-02\",\"numberOfOccurrences\":3}}",
      "{\"pattern\":{\"type\":\"daily\",\"interval\":1},\"range\":{\"type\":\"endDate\",\"endDate\":\"soon\"}}"
    };
    for (String json : unsaid) {
      assertThat(GraphRecurrence.read(JsonValue.parse(json))).as(json).isEmpty();
    }
    assertThat(GraphRecurrence.read(JsonValue.parse("null"))).isEmpty();
  }

  @Test
  void aMasterIsReadWithItsRecurrenceAndStillAsASeriesWithoutOne() throws Exception {
    String master =
        "{\"id\":\"m1\",\"type\":\"seriesMaster\",\"subject\":\"Stand-up\",\"organizer\":{},\"attendees\":[],"
            + "\"start\":{\"dateTime\":\"2026-03-02T10:00:00\",\"timeZone\":\"UTC\"},"
            + "\"end\":{\"dateTime\":\"2026-03-02T10:30:00\",\"timeZone\":\"UTC\"},"
            + "\"recurrence\":%s}";
    CalendarEvent weekly =
        GraphReader.event(JsonValue.parse(String.format(master, GraphRecurrence.write(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10), MONDAY))));
    assertThat(weekly.type()).isEqualTo(EventType.SERIES_MASTER);
    assertThat(weekly.recurrence()).contains(BookingRecurrence.weekly(1, DayOfWeek.MONDAY).times(10));

    CalendarEvent monthly =
        GraphReader.event(
            JsonValue.parse(
                String.format(
                    master,
                    "{\"pattern\":{\"type\":\"relativeMonthly\",\"interval\":1,\"daysOfWeek\":[\"monday\"],\"index\":\"first\"},"
                        + "\"range\":{\"type\":\"noEnd\",\"startDate\":\"2026-03-02\"}}")));
    assertThat(monthly.type()).isEqualTo(EventType.SERIES_MASTER);
    assertThat(monthly.recurrence()).isEmpty();
  }
}
