package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.USER;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test API for meetings booked and changed "in Outlook": series, showAs, sensitivity. */
class OutlookBookingsTest {

  private static final Instant FROM = Instant.parse("2030-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2030-02-01T00:00:00Z");
  private static final String GUEST = "ali@contoso.onmicrosoft.com";

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
    f.tenant.addUser(GUEST, "Ali Khan");
  }

  private String standup() {
    return f.tenant.event(ROOM).subject("Stand-up").organizer(USER).attendees(GUEST)
        .start(Instant.parse("2030-01-07T08:00:00Z")).end(Instant.parse("2030-01-07T08:15:00Z"))
        .timeZone("W. Europe Standard Time")
        .recurrence(FakeRecurrence.weekly(1, DayOfWeek.MONDAY).times(4)).add();
  }

  @Test
  void seedsASeriesBookedInOutlook() {
    String id = standup();

    FakeEvent master = f.tenant.events(ROOM).get(0);
    assertThat(master.id()).isEqualTo(id);
    assertThat(master.type()).isEqualTo(FakeEvent.Type.SERIES_MASTER);
    assertThat(master.organizerAddress()).isEqualTo(USER);
    assertThat(master.organizerName()).isEqualTo("Marina Lopez");
    assertThat(master.attendees()).containsExactly(ROOM, GUEST);
    assertThat(master.recurrence()).contains(FakeRecurrence.weekly(1, DayOfWeek.MONDAY).times(4)
        .startingOn(LocalDate.of(2030, 1, 7)).timeZone("W. Europe Standard Time"));
    assertThat(master.seriesMasterId()).isEmpty();

    List<FakeEvent> view = f.tenant.calendarView(ROOM, FROM, TO);
    assertThat(view).hasSize(4).allSatisfy(e -> {
      assertThat(e.type()).isEqualTo(FakeEvent.Type.OCCURRENCE);
      assertThat(e.seriesMasterId()).contains(id);
      assertThat(e.originalStart()).contains(e.start());
      assertThat(e.subject()).isEqualTo("Stand-up");
      assertThat(e.organizerAddress()).isEqualTo(USER);
      assertThat(e.recurrence()).isEmpty();
    });

    Map<String, Object> read = f.http.get(user(ROOM) + "/events/" + view.get(2).id(), f.token)
        .json();
    assertThat(read).containsEntry("isOrganizer", false)
        .containsEntry("originalStartTimeZone", "W. Europe Standard Time");
    assertThat(((Map<?, ?>) ((Map<?, ?>) read.get("organizer")).get("emailAddress"))
        .get("address")).isEqualTo(USER);
  }

  @Test
  void changesASeriesTheWayOutlookDoes() {
    String id = standup();
    List<String> occurrences = f.tenant.calendarView(ROOM, FROM, TO).stream()
        .map(FakeEvent::id).toList();

    f.tenant.deleteEvent(ROOM, occurrences.get(0));
    f.tenant.updateEvent(ROOM, occurrences.get(1), "Moved", Instant.parse(
        "2030-01-15T12:00:00Z"), Instant.parse("2030-01-15T12:15:00Z"));
    f.tenant.markCancelled(ROOM, occurrences.get(2));
    f.tenant.updateEvent(ROOM, id, "Renamed", Instant.parse("2030-01-07T08:00:00Z"),
        Instant.parse("2030-01-07T08:15:00Z"));

    List<FakeEvent> view = f.tenant.calendarView(ROOM, FROM, TO);
    assertThat(view).extracting(FakeEvent::id).containsExactlyElementsOf(
        occurrences.subList(1, 4));
    assertThat(view).extracting(FakeEvent::type).containsExactly(FakeEvent.Type.EXCEPTION,
        FakeEvent.Type.EXCEPTION, FakeEvent.Type.OCCURRENCE);
    assertThat(view).extracting(FakeEvent::subject).containsExactly("Moved", "Stand-up",
        "Renamed");
    assertThat(view).extracting(FakeEvent::cancelled).containsExactly(false, true, false);
    assertThat(view.get(0).originalStart()).contains(Instant.parse("2030-01-14T08:00:00Z"));

    f.tenant.deleteEvent(ROOM, id);
    assertThat(f.tenant.calendarView(ROOM, FROM, TO)).isEmpty();
    assertThat(f.tenant.events(ROOM)).isEmpty();
  }

  @Test
  void cancellingASeriesMarksEveryInstance() {
    String id = standup();
    String first = f.tenant.calendarView(ROOM, FROM, TO).get(0).id();
    f.tenant.updateEvent(ROOM, first, "Exception", Instant.parse("2030-01-07T09:00:00Z"),
        Instant.parse("2030-01-07T09:15:00Z"));

    f.tenant.markCancelled(ROOM, id);

    assertThat(f.tenant.calendarView(ROOM, FROM, TO)).hasSize(4)
        .allSatisfy(e -> assertThat(e.cancelled()).isTrue());
  }

  @Test
  void refusesWhatExchangeWouldRefuse() {
    String id = standup();
    List<FakeEvent> view = f.tenant.calendarView(ROOM, FROM, TO);

    assertThatThrownBy(() -> f.tenant.updateEvent(ROOM, view.get(1).id(), "x",
        view.get(2).start(), view.get(2).end()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ErrorOccurrenceCrossingBoundary");
    assertThatThrownBy(() -> f.tenant.event(ROOM).start(Instant.parse("2030-01-07T08:00:00Z"))
        .end(Instant.parse("2030-01-07T09:00:00Z"))
        .recurrence(FakeRecurrence.daily(1).startingOn(LocalDate.of(2030, 1, 8))).add())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2030-01-08");
    assertThatThrownBy(() -> f.tenant.event(ROOM).start(Instant.parse("2030-01-01T08:00:00Z"))
        .end(Instant.parse("2030-01-01T09:00:00Z"))
        .recurrence(FakeRecurrence.weekly(1, DayOfWeek.MONDAY).until(LocalDate.of(2030, 1, 5)))
        .add()).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("ErrorRecurrenceHasNoOccurrence");
    assertThatThrownBy(() -> f.tenant.event(ROOM).subject("No times").add())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> f.tenant.event(ROOM).timeZone("Mars/Olympus"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.tenant.markCancelled(ROOM, "unknown"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> f.tenant.event("ghost@contoso.onmicrosoft.com"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(f.tenant.events(ROOM)).extracting(FakeEvent::id).containsExactly(id);
    assertThat(f.tenant.calendarView(ROOM, FROM, TO)).isEqualTo(view);
  }

  @Test
  void marksShowAsSensitivityAndCancellation() {
    String free = f.tenant.event(ROOM).subject("Hold").showAs(FakeEvent.ShowAs.FREE)
        .start(Instant.parse("2030-01-08T10:00:00Z")).end(Instant.parse("2030-01-08T11:00:00Z"))
        .add();
    String secret = f.tenant.event(ROOM).subject("Board talks").organizer(USER)
        .sensitivity(FakeEvent.Sensitivity.PRIVATE).showAs(FakeEvent.ShowAs.OOF)
        .start(Instant.parse("2030-01-08T12:00:00Z")).end(Instant.parse("2030-01-08T13:00:00Z"))
        .add();
    String called = f.tenant.event(ROOM).subject("Called off").cancelled(true)
        .showAs(FakeEvent.ShowAs.TENTATIVE).location("Annex").body("<p>Sorry</p>")
        .start(Instant.parse("2030-01-08T14:00:00Z")).end(Instant.parse("2030-01-08T15:00:00Z"))
        .add();

    assertThat(f.tenant.events(ROOM)).extracting(FakeEvent::showAs, FakeEvent::sensitivity,
        FakeEvent::cancelled).containsExactly(
            org.assertj.core.groups.Tuple.tuple(FakeEvent.ShowAs.FREE,
                FakeEvent.Sensitivity.NORMAL, false),
            org.assertj.core.groups.Tuple.tuple(FakeEvent.ShowAs.OOF,
                FakeEvent.Sensitivity.PRIVATE, false),
            org.assertj.core.groups.Tuple.tuple(FakeEvent.ShowAs.TENTATIVE,
                FakeEvent.Sensitivity.NORMAL, true));
    assertThat(f.http.get(user(ROOM) + "/events/" + free, f.token).json())
        .containsEntry("showAs", "free").containsEntry("sensitivity", "normal");
    assertThat(f.http.get(user(ROOM) + "/events/" + secret, f.token).json())
        .containsEntry("showAs", "oof").containsEntry("sensitivity", "private")
        .containsEntry("subject", "Board talks");
    assertThat(f.http.get(user(ROOM) + "/events/" + called, f.token).json())
        .containsEntry("isCancelled", true).containsEntry("showAs", "tentative")
        .containsEntry("bodyPreview", "Sorry");
  }

  @Test
  void theOldConstructorOfFakeEventStillBuildsASingleInstance() {
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    FakeEvent e = new FakeEvent("id", ROOM, "s", now, now, USER, "Marina", List.of(), "", false,
        "", "", now, now, "ck");

    assertThat(e.type()).isEqualTo(FakeEvent.Type.SINGLE_INSTANCE);
    assertThat(e.showAs()).isEqualTo(FakeEvent.ShowAs.BUSY);
    assertThat(e.recurrence()).isEqualTo(Optional.empty());
  }
}
