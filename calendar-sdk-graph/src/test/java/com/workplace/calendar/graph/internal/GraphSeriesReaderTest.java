package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.DeltaItem;
import com.workplace.calendar.spi.EventType;
import java.io.IOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Occurrences, exceptions, masters and delta stubs as Graph sends them. */
class GraphSeriesReaderTest {
  private static final String TIMES =
      "\"start\":{\"dateTime\":\"2026-03-09T08:00:00.0000000\",\"timeZone\":\"UTC\"},"
          + "\"end\":{\"dateTime\":\"2026-03-09T08:15:00.0000000\",\"timeZone\":\"UTC\"}";

  private static JsonValue json(String text) throws IOException {
    return JsonValue.parse(text.replace('\'', '"'));
  }

  @Test
  void aDeltaStubIsAPartialOccurrenceWithItsSeriesAndVersion() throws Exception {
    DeltaItem item =
        GraphReader.deltaItem(
            json("{'@odata.type':'#microsoft.graph.event','@odata.etag':'W/\\'DwAAABYAAAB\\'',"
                + "'id':'AAMkOcc1','seriesMasterId':'AAMkMaster','type':'occurrence'," + TIMES + "}"));

    CalendarEvent stub = item.event().orElseThrow();
    assertThat(stub.type()).isEqualTo(EventType.OCCURRENCE);
    assertThat(stub.partial()).isTrue();
    assertThat(stub.seriesMasterId()).contains("AAMkMaster");
    assertThat(stub.changeKey()).contains("DwAAABYAAAB");
    assertThat(stub.originalStart()).isEmpty();
    assertThat(stub.slotStart()).contains(Instant.parse("2026-03-09T08:00:00Z"));
    assertThat(item.seriesId()).contains("AAMkMaster");
  }

  @Test
  void anExceptionInFullCarriesItsOriginalStart() throws Exception {
    CalendarEvent exception =
        GraphReader.event(
            json("{'id':'AAMkOcc2','seriesMasterId':'AAMkMaster','type':'exception',"
                + "'originalStart':'2026-03-16T08:00:00Z','subject':'Moved','changeKey':'ck2',"
                + "'organizer':{'emailAddress':{'address':'marina@contoso.com','name':'Marina'}},"
                + "'attendees':[{'type':'required','emailAddress':{'address':'ali@contoso.com'}}],"
                + TIMES + "}"));

    assertThat(exception.type()).isEqualTo(EventType.EXCEPTION);
    assertThat(exception.partial()).isFalse();
    assertThat(exception.originalStart()).contains(Instant.parse("2026-03-16T08:00:00Z"));
    assertThat(exception.changeKey()).contains("ck2");
    assertThat(exception.subject()).contains("Moved");
  }

  @Test
  void aMasterIsReadWithoutSeriesFields() throws Exception {
    CalendarEvent master =
        GraphReader.event(
            json("{'id':'AAMkMaster','type':'seriesMaster','subject':'Stand-up',"
                + "'seriesMasterId':null,'originalStart':'2026-03-09T08:00:00Z',"
                + "'organizer':{'emailAddress':{'address':'marina@contoso.com'}},'attendees':[],"
                + "'@odata.etag':'W/\\'ck1\\''," + TIMES + "}"));

    assertThat(master.type()).isEqualTo(EventType.SERIES_MASTER);
    assertThat(master.seriesMasterId()).isEmpty();
    assertThat(master.originalStart()).isEmpty();
    assertThat(master.changeKey()).contains("ck1");
  }

  @Test
  void aMissingTypeIsTakenFromTheOtherFields() throws Exception {
    assertThat(GraphReader.event(json("{'id':'a','seriesMasterId':'m'," + TIMES + "}")).type())
        .isEqualTo(EventType.OCCURRENCE);
    assertThat(
            GraphReader.event(
                    json("{'id':'a','type':'somethingNew','recurrence':{'pattern':{}}," + TIMES + "}"))
                .type())
        .isEqualTo(EventType.SERIES_MASTER);
    assertThat(GraphReader.event(json("{'id':'a'," + TIMES + "}")).type())
        .isEqualTo(EventType.SINGLE_INSTANCE);
  }

  @Test
  void anOccurrenceWithoutItsSeriesOrWithABadOriginalStartIsMalformed() {
    assertThatThrownBy(() -> GraphReader.event(json("{'id':'a','type':'occurrence'," + TIMES + "}")))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("seriesMasterId");
    assertThatThrownBy(
            () ->
                GraphReader.event(
                    json("{'id':'a','type':'exception','seriesMasterId':'m',"
                        + "'originalStart':'last tuesday'," + TIMES + "}")))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("originalStart");
  }

  @Test
  void anOriginalStartWithoutAnOffsetIsUtc() throws Exception {
    CalendarEvent e =
        GraphReader.event(
            json("{'id':'a','type':'exception','seriesMasterId':'m',"
                + "'originalStart':'2026-03-16T08:00:00'," + TIMES + "}"));
    assertThat(e.originalStart()).contains(Instant.parse("2026-03-16T08:00:00Z"));
  }
}
