package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.user;
import static com.workplace.calendar.testkit.Recurring.numbered;
import static com.workplace.calendar.testkit.Recurring.series;
import static com.workplace.calendar.testkit.Recurring.weekly;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.internal.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Graph refuses malformed and impossible recurrences with 400, and nothing is created. */
class RecurrenceValidationTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  private Http.Reply post(Map<String, Object> pattern, Map<String, Object> range) {
    return post("2030-01-07T09:00:00", "2030-01-07T10:00:00", pattern, range);
  }

  private Http.Reply post(String start, String end, Map<String, Object> pattern,
      Map<String, Object> range) {
    return f.http.post(user(ROOM) + "/events", f.token,
        series("Bad", start, end, "UTC", pattern, range));
  }

  private static void refused(Http.Reply r, String code, String messagePart) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.errorCode()).as(r.body()).isEqualTo(code);
    assertThat(r.errorMessage()).as(r.body()).contains(messagePart);
  }

  @Test
  void patternsNeedTheirFields() {
    refused(post(Json.object("type", "weekly", "interval", 1), numbered("2030-01-07", 3)),
        "ErrorInvalidRequest", "daysOfWeek");
    refused(post(weekly(0, "monday"), numbered("2030-01-07", 3)), "ErrorInvalidRequest",
        "interval");
    refused(post(Json.object("type", "daily"), numbered("2030-01-07", 3)),
        "ErrorInvalidRequest", "interval");
    refused(post(Json.object("type", "absoluteMonthly", "interval", 1, "dayOfMonth", 32),
        numbered("2030-01-07", 3)), "ErrorInvalidRequest", "dayOfMonth");
    refused(post(Json.object("type", "absoluteYearly", "interval", 1, "dayOfMonth", 7),
        numbered("2030-01-07", 3)), "ErrorInvalidRequest", "month");
    refused(post(Json.object("type", "hourly", "interval", 1), numbered("2030-01-07", 3)),
        "BadRequest", "hourly");
  }

  @Test
  void ignoredFieldsAreStillValidated() {
    refused(post(Json.object("type", "daily", "interval", 1, "daysOfWeek", List.of("funday")),
        numbered("2030-01-07", 3)), "BadRequest", "funday");
    refused(post(Json.object("type", "daily", "interval", 1, "index", "fifth"),
        numbered("2030-01-07", 3)), "BadRequest", "fifth");
    refused(post(Json.object("type", "daily", "interval", 1, "every", 2),
        numbered("2030-01-07", 3)), "RequestBodyRead", "every");
    // Graph's own fillers are accepted as they come back
    assertThat(post(Json.object("type", "daily", "interval", 1, "month", 0, "dayOfMonth", 0,
        "daysOfWeek", List.of(), "firstDayOfWeek", "sunday", "index", "first"),
        Json.object("type", "numbered", "startDate", "2030-01-07", "endDate", "0001-01-01",
            "numberOfOccurrences", 2, "recurrenceTimeZone", "UTC")).status()).isEqualTo(201);
  }

  @Test
  void rangesAreCheckedAgainstTheStart() {
    refused(post(weekly(1, "monday"), numbered("2030-01-08", 3)), "ErrorInvalidRequest",
        "startDate");
    refused(post(weekly(1, "monday"), Json.object("type", "endDate", "startDate",
        "2030-01-07")), "ErrorInvalidRequest", "endDate");
    refused(post(weekly(1, "monday"), Recurring.endDate("2030-01-07", "2030-01-01")),
        "ErrorInvalidRequest", "before the start date");
    refused(post(weekly(1, "monday"), Json.object("type", "noEnd")), "ErrorInvalidRequest",
        "startDate");
    refused(post(weekly(1, "monday"), Json.object("type", "noEnd", "startDate", "07/01/2030")),
        "BadRequest", "Edm.Date");
    refused(post(weekly(1, "monday"), Json.object("type", "noEnd", "startDate", "2030-01-07",
        "recurrenceTimeZone", "Mars/Olympus")), "TimeZoneNotSupportedException", "Mars");
  }

  @Test
  void numberedRangesAreCappedAt999() {
    refused(post(Json.object("type", "daily", "interval", 1), numbered("2030-01-07", 1000)),
        "ErrorInvalidRequest", "999");
    refused(post(Json.object("type", "daily", "interval", 1), numbered("2030-01-07", 0)),
        "ErrorInvalidRequest", "numberOfOccurrences");
    assertThat(f.tenant.events(ROOM)).isEmpty();
    assertThat(post(Json.object("type", "daily", "interval", 1), numbered("2030-01-07", 999))
        .status()).isEqualTo(201);
  }

  @Test
  void aSeriesNeedsOccurrencesThatDoNotOverlap() {
    // Tuesday 1 to Saturday 5 January holds no Monday
    refused(post("2030-01-01T09:00:00", "2030-01-01T10:00:00", weekly(1, "monday"),
        Recurring.endDate("2030-01-01", "2030-01-05")), "ErrorRecurrenceHasNoOccurrence",
        "no occurrence");
    refused(post("2030-01-07T09:00:00", "2030-01-08T10:00:00",
        Json.object("type", "daily", "interval", 1), numbered("2030-01-07", 3)),
        "ErrorOccurrenceTimeSpanTooBig", "longer than");
    assertThat(f.tenant.events(ROOM)).isEmpty();
  }

  @Test
  void malformedRecurrencesAreTypeErrors() {
    for (Object bad : List.of("weekly", 42, List.of())) {
      Http.Reply r = f.http.post(user(ROOM) + "/events", f.token, Json.write(Json.object(
          "subject", "Bad",
          "start", Json.object("dateTime", "2030-01-07T09:00:00", "timeZone", "UTC"),
          "end", Json.object("dateTime", "2030-01-07T10:00:00", "timeZone", "UTC"),
          "recurrence", bad)));
      refused(r, "BadRequest", "recurrence");
    }
    refused(post(Json.object("type", "daily", "interval", "one"), numbered("2030-01-07", 3)),
        "BadRequest", "Edm.Int32");
    assertThat(f.tenant.events(ROOM)).isEmpty();
  }
}
