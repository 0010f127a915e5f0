package com.workplace.calendar.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.EventType;
import com.workplace.calendar.sync.SyncOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which masters a round asks for together, and that it asks for none twice. */
class RoundSeriesTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final SyncWindow WINDOW = SyncWindow.at(NOW, SyncOptions.defaults());
  private static final Instant MONDAY = Instant.parse("2026-03-09T08:00:00Z");
  private static final Attendee MARINA = Attendee.of("marina@contoso.com", "Marina");

  /** Reads that answer every master and log every call. */
  private static final class Reads implements SeriesReads {
    final List<String> calls = new ArrayList<>();

    @Override
    public Optional<List<CalendarEvent>> instances(String seriesId) {
      calls.add("instances " + seriesId);
      return Optional.of(List.of());
    }

    @Override
    public Optional<SeriesMasters.Master> master(String seriesId, Optional<String> changeKey) {
      calls.add("master " + seriesId + " " + changeKey.orElse("-"));
      return Optional.of(SeriesMasters.Master.of(masterOf(seriesId)));
    }

    @Override
    public Map<String, Optional<SeriesMasters.Master>> masters(
        Map<String, Optional<String>> changeKeys) {
      List<String> asked = new ArrayList<>();
      Map<String, Optional<SeriesMasters.Master>> answer = new LinkedHashMap<>();
      changeKeys.forEach(
          (id, changeKey) -> {
            asked.add(id + " " + changeKey.orElse("-"));
            answer.put(id, Optional.of(SeriesMasters.Master.of(masterOf(id))));
          });
      calls.add("masters " + asked);
      return answer;
    }

    @Override
    public void offer(CalendarEvent master) {
      calls.add("offer " + master.id());
    }
  }

  private final Reads reads = new Reads();
  private final RoundSeries series = new RoundSeries(reads, WINDOW);

  private static CalendarEvent masterOf(String id) {
    return new CalendarEvent(
        id, Optional.empty(), Optional.of("Series " + id), MONDAY,
        MONDAY.plus(Duration.ofMinutes(30)), Optional.of(MARINA), List.of(MARINA),
        Optional.empty(), false, EventType.SERIES_MASTER, Optional.empty(), Optional.empty(),
        Optional.of("ck-" + id), false);
  }

  private static CalendarEvent instance(
      String seriesId, int week, String changeKey, boolean partial, boolean cancelled) {
    Instant start = MONDAY.plus(Duration.ofDays(7L * week));
    return new CalendarEvent(
        seriesId + "-" + week, Optional.empty(),
        partial ? Optional.empty() : Optional.of("Series " + seriesId), start,
        start.plus(Duration.ofMinutes(30)), partial ? Optional.empty() : Optional.of(MARINA),
        List.of(), Optional.empty(), cancelled, EventType.OCCURRENCE, Optional.of(seriesId),
        Optional.empty(), Optional.of(changeKey), partial);
  }

  private static CalendarEvent stub(String seriesId, int week, String changeKey) {
    return instance(seriesId, week, changeKey, true, false);
  }

  @Test
  void theMastersOfSeveralSeriesAreAskedForTogetherWithTheVersionTheirFirstStubNames() {
    series.readMastersOf(
        List.of(
            stub("a", 0, "ck-a1"), stub("b", 0, "ck-b"), stub("a", 1, "ck-a2"), stub("c", 0, "ck-c")));

    assertThat(reads.calls).containsExactly("masters [a ck-a1, b ck-b, c ck-c]");
    assertThat(series.master("b", Optional.of("ck-b")).flatMap(SeriesMasters.Master::subject))
        .contains("Series b");
    assertThat(reads.calls).as("taken from the answer, not read again").hasSize(1);
  }

  @Test
  void instancesThatNeedNoMasterDoNotCountAndOneMasterAloneIsReadWhenNeeded() {
    series.offer(masterOf("carried"));
    series.readMastersOf(
        List.of(
            stub("a", 0, "ck-a"),
            instance("full", 0, "ck-full", false, false),
            instance("cancelled", 0, "ck-x", true, true),
            stub("past", -20, "ck-p"),
            stub("carried", 0, "ck-carried")));

    assertThat(reads.calls).containsExactly("offer carried");
    series.master("a", Optional.of("ck-a"));
    assertThat(reads.calls).containsExactly("offer carried", "master a ck-a");
  }

  @Test
  void seriesWhoseMasterTheRoundHasAreNotAskedForAgain() {
    series.master("a", Optional.of("ck-a"));

    series.readMastersOf(List.of(stub("a", 0, "ck-a"), stub("b", 0, "ck-b"), stub("c", 0, "ck-c")));

    assertThat(reads.calls).containsExactly("master a ck-a", "masters [b ck-b, c ck-c]");
  }
}
