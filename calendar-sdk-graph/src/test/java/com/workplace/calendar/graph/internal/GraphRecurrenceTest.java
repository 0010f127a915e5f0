package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.booking.BookingRecurrence;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphRecurrenceTest {
  private static final Instant MONDAY = Instant.parse("2026-03-02T10:00:00Z");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void aWeeklyCountedSeriesIsWrittenInGraphsShapeInUtcByDefault() throws Exception {
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
      // a time zone nobody knows
      "{\"pattern\":{\"type\":\"daily\",\"interval\":1},\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-02\","
          + "\"numberOfOccurrences\":3,\"recurrenceTimeZone\":\"Middle Earth Standard Time\"}}",
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
  void aSeriesInAZoneIsWrittenWithItsWindowsNameAndTheDateThereAndReadsBack() throws Exception {
    // 23:30 UTC on Monday is 00:30 on Tuesday in Berlin
    Instant tuesdayInBerlin = Instant.parse("2026-03-02T23:30:00Z");
    BookingRecurrence tuesdays = BookingRecurrence.weekly(1, DayOfWeek.TUESDAY).times(6).inZone(BERLIN);

    JsonValue json = GraphRecurrence.write(tuesdays, tuesdayInBerlin);

    assertThat(json.path("range").path("startDate").asText("")).isEqualTo("2026-03-03");
    assertThat(json.path("range").path("recurrenceTimeZone").asText("")).isEqualTo("W. Europe Standard Time");
    assertThat(GraphRecurrence.read(json)).contains(tuesdays);
    JsonValue start = GraphEvents.dateTime(tuesdayInBerlin, tuesdays);
    assertThat(start.path("dateTime").asText("")).isEqualTo("2026-03-03T00:30:00");
    assertThat(start.path("timeZone").asText("")).isEqualTo("W. Europe Standard Time");
    assertThat(GraphEvents.dateTime(tuesdayInBerlin, tuesdays.inZone(ZoneOffset.UTC)).path("timeZone").asText(""))
        .isEqualTo("UTC");
  }

  @Test
  void aRangeWithoutItsZoneRecursInTheZoneOfTheMastersStart() throws Exception {
    JsonValue noZone =
        JsonValue.parse(
            "{\"pattern\":{\"type\":\"daily\",\"interval\":1},"
                + "\"range\":{\"type\":\"numbered\",\"startDate\":\"2026-03-02\",\"numberOfOccurrences\":3}}");

    assertThat(GraphRecurrence.read(noZone, Optional.of("Eastern Standard Time")))
        .contains(BookingRecurrence.daily(1).times(3).inZone(ZoneId.of("America/New_York")));
    assertThat(GraphRecurrence.read(noZone, Optional.of("Asia/Tokyo")))
        .contains(BookingRecurrence.daily(1).times(3).inZone(ZoneId.of("Asia/Tokyo")));
    assertThat(GraphRecurrence.read(noZone)).contains(BookingRecurrence.daily(1).times(3));
  }

  @Test
  void aZoneWithoutAWindowsNameIsRefusedWhenTheRequestIsBuilt() {
    BookingRecurrence odd = BookingRecurrence.daily(1).times(3).inZone(ZoneOffset.ofHoursMinutes(5, 17));

    assertThatThrownBy(() -> GraphRecurrence.write(odd, MONDAY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no Windows time zone keeps the clock of +05:17");
    assertThatThrownBy(() -> GraphEvents.dateTime(MONDAY, odd)).isInstanceOf(IllegalArgumentException.class);
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
