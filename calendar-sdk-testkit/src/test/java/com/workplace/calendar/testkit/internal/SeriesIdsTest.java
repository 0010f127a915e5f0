package com.workplace.calendar.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesIdsTest {

  private final Ids ids = new Ids(7);

  @Test
  void occurrenceIdsDecodeToTheirSeriesAndDate() {
    String master = ids.itemId();
    LocalDate date = LocalDate.of(2030, 1, 14);

    String occurrence = SeriesIds.occurrenceId(master, date);

    assertThat(occurrence).isEqualTo(SeriesIds.occurrenceId(master, date))
        .startsWith("AAMkA").endsWith("=").matches("[A-Za-z0-9_=-]+");
    assertThat(SeriesIds.decode(occurrence)).contains(Map.entry(master, date));
  }

  @Test
  void occurrenceIdsLookOpaque() {
    String master = ids.itemId();
    String first = SeriesIds.occurrenceId(master, LocalDate.of(2030, 1, 7));
    String second = SeriesIds.occurrenceId(master, LocalDate.of(2030, 1, 14));

    assertThat(first).isNotEqualTo(second);
    assertThat(first.substring(0, 16)).isNotEqualTo(second.substring(0, 16));
    assertThat(first).doesNotContain(master.substring(5, 30));
  }

  @Test
  void otherIdsAreNotOccurrences() {
    String master = ids.itemId();
    String occurrence = SeriesIds.occurrenceId(master, LocalDate.of(2030, 1, 7));
    char last = occurrence.charAt(occurrence.length() - 3);
    String tampered = occurrence.substring(0, occurrence.length() - 3)
        + (last == 'A' ? 'B' : 'A') + occurrence.substring(occurrence.length() - 2);

    assertThat(SeriesIds.decode(master)).isEmpty();
    assertThat(SeriesIds.decode("AAMkA$$$=")).isEmpty();
    assertThat(SeriesIds.decode("forged")).isEmpty();
    assertThat(SeriesIds.decode(tampered)).isEmpty();
  }

  @Test
  void eachOccurrenceHasItsOwnICalUidAndSharesTheSeriesUid() {
    String uid = ids.iCalUId();
    String instance = SeriesIds.iCalUId(uid, LocalDate.of(2030, 1, 14));

    assertThat(instance).isNotEqualTo(uid).hasSameSizeAs(uid).contains("07EE010E");
    assertThat(SeriesIds.seriesUid(instance)).isEqualTo(uid);
  }
}
