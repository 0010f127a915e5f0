package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ThrottledException;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventType;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A {@code $batch} item's answer to a series master read means what the single read's does. */
class GraphSeriesMastersTest {
  private static final String MASTER =
      "{'id':'AAMkMaster','type':'seriesMaster','subject':'Stand-up','changeKey':'ck1',"
          + "'organizer':{'emailAddress':{'address':'marina@contoso.com'}},'attendees':[],"
          + "'start':{'dateTime':'2026-03-09T08:00:00.0000000','timeZone':'UTC'},"
          + "'end':{'dateTime':'2026-03-09T08:15:00.0000000','timeZone':'UTC'}}";

  private static JsonValue json(String text) throws IOException {
    return JsonValue.parse(text.replace('\'', '"'));
  }

  private static BatchResult item(int status, Map<String, String> headers, String body)
      throws IOException {
    return new BatchResult("1", status, headers, body == null ? JsonValue.MISSING : json(body));
  }

  private static String error(String code) {
    return "{'error':{'code':'" + code + "','message':'m'}}";
  }

  @Test
  void aMasterIsReadFromItsItem() throws Exception {
    Optional<CalendarEvent> master = GraphSeriesMasters.answer(item(200, Map.of(), MASTER));

    assertThat(master).hasValueSatisfying(m -> {
      assertThat(m.type()).isEqualTo(EventType.SERIES_MASTER);
      assertThat(m.subject()).contains("Stand-up");
      assertThat(m.changeKey()).contains("ck1");
    });
  }

  @Test
  void anItemGraphNoLongerKnowsIsAGoneSeries() throws Exception {
    assertThat(GraphSeriesMasters.answer(item(404, Map.of(), error("ErrorItemNotFound"))))
        .isEmpty();
    assertThat(GraphSeriesMasters.answer(item(404, Map.of(), error("itemNotFound")))).isEmpty();
  }

  @Test
  void aMailboxGraphCannotFindIsAnErrorNotAGoneSeries() throws Exception {
    BatchResult answer = item(404, Map.of("request-id", "req-1"), error("ErrorInvalidUser"));

    assertThatThrownBy(() -> GraphSeriesMasters.answer(answer))
        .isInstanceOfSatisfying(
            CalendarServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.errorCode()).contains("ErrorInvalidUser");
              assertThat(e.requestId()).contains("req-1");
            });
    assertThatThrownBy(() -> GraphSeriesMasters.answer(item(404, Map.of(), null)))
        .isInstanceOfSatisfying(
            CalendarServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(404));
  }

  @Test
  void aThrottleThatOutlastedTheRetriesIsAThrottledException() throws Exception {
    BatchResult answer = item(429, Map.of("Retry-After", "7"), error("TooManyRequests"));

    assertThatThrownBy(() -> GraphSeriesMasters.answer(answer))
        .isInstanceOfSatisfying(
            ThrottledException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
  }

  @Test
  void noAnswerOrAnErrorInASuccessfulAnswerIsAnError() throws Exception {
    assertThatThrownBy(
            () ->
                GraphSeriesMasters.answer(
                    new BatchResult(
                        "1", 0, Map.of(), json("{'error':{'code':'BatchFailed','message':'x'}}"))))
        .isInstanceOfSatisfying(
            CalendarServiceException.class, e -> assertThat(e.statusCode()).isZero());
    assertThatThrownBy(() -> GraphSeriesMasters.answer(item(200, Map.of(), error("Odd"))))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("error in a successful answer");
    assertThatThrownBy(
            () -> GraphSeriesMasters.answer(item(200, Map.of(), "['not', 'an', 'event']")))
        .isInstanceOf(CalendarServiceException.class);
  }
}
