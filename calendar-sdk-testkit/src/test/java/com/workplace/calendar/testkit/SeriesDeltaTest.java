package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.testkit.SeriesDeltaBehaviour.OccurrenceDetail;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour.OccurrenceRemoval;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour.SeriesChange;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How calendarView/delta reports series under each switch of {@link SeriesDeltaBehaviour}. */
class SeriesDeltaTest {

  private static final Instant FROM = Instant.parse("2030-01-06T00:00:00Z");
  private static final Instant TO = Instant.parse("2030-02-03T00:00:00Z");
  private static final String DELTA = user(ROOM) + "/calendarView/delta?startDateTime=" + FROM
      + "&endDateTime=" + TO;
  private static final Set<String> STUB_KEYS = Set.of("@odata.type", "@odata.etag", "id",
      "seriesMasterId", "type", "start", "end");

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;
  private String master;
  private List<String> occurrences;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
    f.m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults());
    // Mondays 7, 14, 21 and 28 January are in the window; 4 and 11 February are not
    master = f.tenant.event(ROOM).subject("Stand-up").organizer(Fixture.USER)
        .start(Instant.parse("2030-01-07T09:00:00Z")).end(Instant.parse("2030-01-07T09:15:00Z"))
        .recurrence(FakeRecurrence.weekly(1, DayOfWeek.MONDAY).times(6)).add();
    occurrences = f.tenant.calendarView(ROOM, FROM, TO).stream().map(FakeEvent::id).toList();
  }

  /** Follows a round to its delta link; returns the items and the delta link. */
  private Map.Entry<List<Map<String, Object>>, String> round(String url) {
    List<Map<String, Object>> items = new ArrayList<>();
    String next = url;
    while (true) {
      Http.Reply r = f.http.get(next, f.token, "Prefer", "odata.maxpagesize=3");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      items.addAll(r.value());
      if (r.json().containsKey("@odata.deltaLink")) {
        return Map.entry(items, (String) r.json().get("@odata.deltaLink"));
      }
      next = (String) r.json().get("@odata.nextLink");
    }
  }

  private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> items) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    items.forEach(i -> out.put((String) i.get("id"), i));
    assertThat(out).hasSameSizeAs(items);
    return out;
  }

  private void moveSecondOccurrence() {
    f.tenant.updateEvent(ROOM, occurrences.get(1), "Moved",
        Instant.parse("2030-01-15T09:00:00Z"), Instant.parse("2030-01-15T09:15:00Z"));
  }

  private void rename() {
    f.tenant.updateEvent(ROOM, master, "Daily sync", Instant.parse("2030-01-07T09:00:00Z"),
        Instant.parse("2030-01-07T09:15:00Z"));
  }

  @Test
  void theDefaultsAreTheHardestCombination() {
    assertThat(SeriesDeltaBehaviour.defaults()).isEqualTo(new SeriesDeltaBehaviour(
        OccurrenceDetail.STUB, SeriesChange.ALL_INSTANCES, OccurrenceRemoval.SILENT));
    try (FakeMicrosoft365 fresh = FakeMicrosoft365.builder().build()) {
      assertThat(fresh.seriesDeltaBehaviour()).isEqualTo(SeriesDeltaBehaviour.defaults());
    }
  }

  @Test
  void occurrencesComeAsStubsAndOtherItemsInFull() {
    f.tenant.addEvent(ROOM, "One-off", Instant.parse("2030-01-08T10:00:00Z"),
        Instant.parse("2030-01-08T11:00:00Z"));
    moveSecondOccurrence();

    Map<String, Map<String, Object>> items = byId(round(DELTA).getKey());

    assertThat(items).hasSize(5).doesNotContainKey(master);
    for (String id : List.of(occurrences.get(0), occurrences.get(2), occurrences.get(3))) {
      assertThat(items.get(id).keySet()).isEqualTo(STUB_KEYS);
      assertThat(items.get(id)).containsEntry("type", "occurrence")
          .containsEntry("seriesMasterId", master);
    }
    assertThat(items.get(occurrences.get(1))).containsEntry("type", "exception")
        .containsEntry("subject", "Moved").containsKeys("organizer", "originalStart");
    assertThat(items.values()).filteredOn(i -> "singleInstance".equals(i.get("type")))
        .singleElement().satisfies(i -> assertThat(i).containsEntry("subject", "One-off"));
  }

  @Test
  void occurrencesComeInFullWhenSwitched() {
    f.m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults()
        .withOccurrenceDetail(OccurrenceDetail.FULL));

    List<Map<String, Object>> items = round(DELTA).getKey();

    assertThat(items).hasSize(4).allSatisfy(i -> assertThat(i)
        .containsEntry("subject", "Stand-up").containsKeys("organizer", "attendees",
            "originalStart", "iCalUId"));
  }

  @Test
  void aSeriesChangeResendsEveryInstanceByDefault() {
    moveSecondOccurrence();
    String link = round(DELTA).getValue();

    rename();
    Map.Entry<List<Map<String, Object>>, String> changes = round(link);

    assertThat(byId(changes.getKey())).containsOnlyKeys(occurrences);
    assertThat(changes.getKey()).noneMatch(i -> i.containsKey("@removed"));
    assertThat(round(changes.getValue()).getKey()).isEmpty();
  }

  @Test
  void onlyChangedInstancesComeWhenSwitched() {
    f.m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults()
        .withSeriesChange(SeriesChange.CHANGED_INSTANCES));
    moveSecondOccurrence();
    String link = round(DELTA).getValue();

    rename();
    Map.Entry<List<Map<String, Object>>, String> renamed = round(link);
    assertThat(byId(renamed.getKey())).containsOnlyKeys(occurrences.get(0), occurrences.get(2),
        occurrences.get(3));

    // removing an occurrence outside the window changes nothing inside it
    f.tenant.deleteEvent(ROOM, f.tenant.calendarView(ROOM, TO, Instant.parse(
        "2030-02-12T00:00:00Z")).get(1).id());
    assertThat(round(renamed.getValue()).getKey()).isEmpty();
  }

  @Test
  void aCancelledOccurrenceIsSilentByDefault() {
    String link = round(DELTA).getValue();

    f.tenant.deleteEvent(ROOM, occurrences.get(2));
    List<Map<String, Object>> items = round(link).getKey();

    // the rest of the series is re-sent (it changed); the removed occurrence is not mentioned
    assertThat(byId(items)).containsOnlyKeys(occurrences.get(0), occurrences.get(1),
        occurrences.get(3));
    assertThat(items).noneMatch(i -> i.containsKey("@removed"));
  }

  @Test
  void aCancelledOccurrenceLeavesNoTraceWhenOnlyChangesAreSent() {
    f.m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults()
        .withSeriesChange(SeriesChange.CHANGED_INSTANCES));
    String link = round(DELTA).getValue();

    f.tenant.deleteEvent(ROOM, occurrences.get(2));

    assertThat(round(link).getKey()).isEmpty();
  }

  @Test
  void aCancelledOccurrenceIsRemovedWhenSwitched() {
    f.m365.seriesDeltaBehaviour(new SeriesDeltaBehaviour(OccurrenceDetail.STUB,
        SeriesChange.CHANGED_INSTANCES, OccurrenceRemoval.REPORTED));
    String link = round(DELTA).getValue();

    f.tenant.deleteEvent(ROOM, occurrences.get(2));
    List<Map<String, Object>> items = round(link).getKey();

    assertThat(items).singleElement().satisfies(i -> assertThat(i)
        .containsEntry("id", occurrences.get(2))
        .containsEntry("@removed", Map.of("reason", "deleted")).hasSize(3));
  }

  @Test
  void aDeletedSeriesComesAsRemovedInstancesInEveryMode() {
    String link = round(DELTA).getValue();

    f.tenant.deleteEvent(ROOM, master);
    List<Map<String, Object>> items = round(link).getKey();

    assertThat(byId(items)).containsOnlyKeys(occurrences);
    assertThat(items).allSatisfy(i -> assertThat(i)
        .containsEntry("@removed", Map.of("reason", "deleted")));
  }

  @Test
  void anInstanceMovedOutOfTheWindowIsRemoved() {
    String link = round(DELTA).getValue();

    f.tenant.updateEvent(ROOM, occurrences.get(3), "Later",
        Instant.parse("2030-02-03T09:00:00Z"), Instant.parse("2030-02-03T10:00:00Z"));
    Map<String, Map<String, Object>> items = byId(round(link).getKey());

    assertThat(items.get(occurrences.get(3))).containsKey("@removed");
    assertThat(items).containsOnlyKeys(occurrences);
  }

  @Test
  void aSwitchAppliesToRoundsStartedAfterwards() {
    round(DELTA);
    f.m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults()
        .withOccurrenceDetail(OccurrenceDetail.FULL));

    assertThat(round(DELTA).getKey()).allSatisfy(i -> assertThat(i).containsKey("subject"));
    f.m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults());
    assertThat(round(DELTA).getKey()).allSatisfy(i -> assertThat(i).doesNotContainKey(
        "subject"));
  }
}
