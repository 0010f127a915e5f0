package com.workplace.calendar.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SeriesMastersTest {
  private static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");
  private static final String ROOM = "orchard@contoso.onmicrosoft.com";
  private static final Instant START = Instant.parse("2026-03-09T08:00:00Z");

  private static SeriesMasters.Key key(String series) {
    return new SeriesMasters.Key(CONTOSO, ROOM, series);
  }

  private static CalendarEvent master(String id, String subject, String changeKey) {
    return new CalendarEvent(
        id, Optional.empty(), Optional.of(subject), START, START.plusSeconds(900),
        Optional.of(Attendee.of("marina@contoso.com", null)), List.of(), Optional.empty(), false,
        EventType.SERIES_MASTER, Optional.empty(), Optional.empty(), Optional.ofNullable(changeKey),
        false);
  }

  @Test
  void aMasterIsTakenOnlyForTheVersionAnOccurrenceNames() {
    SeriesMasters masters = new SeriesMasters(10);
    masters.remember(key("s1"), Optional.of(master("s1", "Stand-up", "v1")));

    assertThat(masters.find(key("s1"), Optional.of("v1")))
        .hasValueSatisfying(m -> assertThat(m.subject()).contains("Stand-up"));
    assertThat(masters.find(key("s1"), Optional.of("v2"))).isEmpty();
    assertThat(masters.find(key("s1"), Optional.empty())).isEmpty();
    assertThat(masters.find(new SeriesMasters.Key(CONTOSO, "marina@contoso.onmicrosoft.com", "s1"),
        Optional.of("v1"))).isEmpty();
  }

  @Test
  void theLeastRecentlyUsedMasterGoesWhenTheCacheIsFull() {
    SeriesMasters masters = new SeriesMasters(2);
    masters.remember(key("s1"), Optional.of(master("s1", "One", "v1")));
    masters.remember(key("s2"), Optional.of(master("s2", "Two", "v1")));
    assertThat(masters.find(key("s1"), Optional.of("v1"))).isPresent();

    masters.remember(key("s3"), Optional.of(master("s3", "Three", "v1")));

    assertThat(masters.size()).isEqualTo(2);
    assertThat(masters.find(key("s2"), Optional.of("v1"))).isEmpty();
    assertThat(masters.find(key("s1"), Optional.of("v1"))).isPresent();
    assertThat(masters.find(key("s3"), Optional.of("v1"))).isPresent();
  }

  @Test
  void aSeriesThatIsGoneOrHasNoVersionIsForgotten() {
    SeriesMasters masters = new SeriesMasters(10);
    masters.remember(key("s1"), Optional.of(master("s1", "One", "v1")));
    masters.remember(key("s1"), Optional.empty());
    masters.remember(key("s2"), Optional.of(master("s2", "Two", null)));

    assertThat(masters.size()).isZero();
  }

  @Test
  void aCacheOfSizeZeroKeepsNothing() {
    SeriesMasters masters = new SeriesMasters(0);
    masters.remember(key("s1"), Optional.of(master("s1", "One", "v1")));

    assertThat(masters.find(key("s1"), Optional.of("v1"))).isEmpty();
    assertThatThrownBy(() -> new SeriesMasters(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
