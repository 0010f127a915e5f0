package com.workplace.calendar.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ThrottledException;
import com.workplace.calendar.booking.Attendee;
import com.workplace.calendar.sync.BookingChange;
import com.workplace.calendar.sync.ChangeType;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import com.workplace.calendar.testkit.FakeRecurrence;
import com.workplace.calendar.testkit.FakeStats;
import com.workplace.calendar.testkit.GraphOperation;
import com.workplace.calendar.testkit.RequestHook;
import com.workplace.calendar.testkit.RequestMatcher;
import com.workplace.calendar.testkit.SeriesDeltaBehaviour;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A room with six weekly meetings booked "in Outlook", whose occurrences the delta sends as stubs:
 * the first round reads the six masters in {@code $batch} requests of at most four (the mailbox's
 * concurrency), two HTTP requests in all, and every occurrence reaches the host with its series'
 * subject, without a limit violation. A batch item answered {@code 404 ErrorItemNotFound}, {@code
 * 429} or with another failure means what it meant when masters were read one by one.
 */
@ExtendWith(SecretsInLogsExtension.class)
class SeriesMasterBatchIT extends SeriesSyncSuite {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = FakeMicrosoft365Extension.newInstance().build();

  private static final int SERIES = 6;

  /** First attempts of HTTP requests, by operation. */
  private final Map<String, Integer> requests = new ConcurrentHashMap<>();
  private final AtomicInteger masterItems = new AtomicInteger();
  private final AtomicInteger throttledItems = new AtomicInteger();
  private final List<String> seriesIds = new ArrayList<>();

  /**
   * A tenant with one room whose service counts its requests by operation and the series reads of
   * each round (batch items included, so that {@link #round()} checks them too), and six weekly
   * meetings in the room.
   */
  private void startWithSixMeetings(Consumer<GraphCalendarServiceBuilder> more) {
    m365.seriesDeltaBehaviour(SeriesDeltaBehaviour.defaults());
    GraphEventListener counter =
        new GraphEventListener() {
          @Override
          public void requestStarted(GraphCall call) {
            if (call.attempt() == 1) {
              requests.merge(call.operation(), 1, Integer::sum);
              if (call.operation().equals("events.get")
                  || call.operation().equals("events.instances")) {
                reads.merge(call.operation() + " " + call.path(), 1, Integer::sum);
              }
            }
          }

          @Override
          public void batchItemAnswered(GraphCall call) {
            if (call.operation().equals("events.get")) {
              masterItems.incrementAndGet();
              reads.merge("events.get " + call.path(), 1, Integer::sum);
            }
          }

          @Override
          public void batchItemThrottled(GraphCall call, Duration wait) {
            throttledItems.incrementAndGet();
          }
        };
    tenant =
        AuthorizedTenant.create(
            m365,
            "batch",
            1,
            b -> {
              b.syncListener(listener).clock(clock).eventListener(counter);
              more.accept(b);
            });
    room = tenant.room(0);
    Instant first =
        Instant.now()
            .truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofDays(2))
            .plus(Duration.ofHours(8));
    for (int j = 0; j < SERIES; j++) {
      Instant start = first.plus(Duration.ofDays(j % 3)).plus(Duration.ofHours(j));
      seriesIds.add(
          tenant.fake
              .event(room)
              .subject(subject(j))
              .organizer(ORGANIZER + tenant.fake.domain())
              .attendees(ATTENDEE + tenant.fake.domain())
              .start(start)
              .end(start.plus(Duration.ofMinutes(30)))
              .recurrence(
                  FakeRecurrence.weekly(1, start.atZone(ZoneOffset.UTC).getDayOfWeek())
                      .times(OCCURRENCES))
              .add());
    }
    requests.clear();
  }

  private static String subject(int j) {
    return "Meeting " + j;
  }

  /** The occurrences now in the room, of every series but those given. */
  private List<FakeEvent> occurrencesWithout(List<String> goneSeries) {
    return occurrences().stream()
        .filter(o -> o.seriesMasterId().filter(goneSeries::contains).isEmpty())
        .toList();
  }

  /** Checks that every occurrence was reported created, with its series' subject and people. */
  private void assertCreatedWithTheirSeries(List<BookingChange> changes, List<FakeEvent> expected) {
    assertThat(summary(changes))
        .containsExactlyInAnyOrderElementsOf(summary(ChangeType.CREATED, expected));
    for (BookingChange change : changes) {
      int j = seriesIds.indexOf(change.seriesId().orElseThrow());
      assertThat(change.subject()).as(change.eventId()).contains(subject(j));
      assertThat(change.organizerEmail()).contains(ORGANIZER + tenant.fake.domain());
      assertThat(change.attendees()).extracting(Attendee::email)
          .contains(ATTENDEE + tenant.fake.domain());
    }
  }

  private int requests(String operation) {
    return requests.getOrDefault(operation, 0);
  }

  @Test
  void theFirstRoundReadsSixMastersInTwoRequests() {
    startWithSixMeetings(b -> {});
    List<FakeEvent> occurrences = occurrences();
    assertThat(occurrences).hasSize(SERIES * OCCURRENCES);
    m365.resetStats();

    List<BookingChange> first = round();

    assertCreatedWithTheirSeries(first, occurrences);
    assertThat(masterItems).as("every master read, each once").hasValue(SERIES);
    assertThat(requests("batch") + requests("events.get"))
        .as("HTTP requests the master reads took")
        .isEqualTo(2);
    FakeStats stats = m365.stats();
    assertThat(stats.limitViolations()).isZero();
    assertThat(stats.throttledResponses()).isZero();
    assertThat(stats.peakConcurrency(room)).isLessThanOrEqualTo(4);
    assertThat(stats.requests(room))
        .as("the delta page and the six master reads, counted by the fake")
        .isEqualTo(requests("calendarView.delta") + SERIES);

    requests.clear();
    assertThat(nextDayRound()).as("the daily full round of unchanged series").isEmpty();
    assertThat(requests("batch") + requests("events.get")).as("every master is cached").isZero();
  }

  @Test
  void aMasterGoneBeforeItsReadLeavesItsOccurrencesOutAsASingleReadDid() {
    startWithSixMeetings(b -> {});
    String gone = seriesIds.get(4);
    List<FakeEvent> remaining = occurrencesWithout(List.of(gone));
    RequestHook deleted =
        m365.onNextRequest(
            RequestMatcher.of(GraphOperation.GET_EVENT).mailbox(room),
            () -> tenant.fake.deleteEvent(room, gone));

    List<BookingChange> first = round();

    assertThat(deleted.failure()).isEmpty();
    assertThat(requests("batch")).as("the masters were read together").isEqualTo(2);
    assertCreatedWithTheirSeries(first, remaining);
    assertThat(first).noneMatch(c -> c.seriesId().equals(Optional.of(gone)));
    assertThat(round()).as("nothing more to report").isEmpty();
  }

  @Test
  void aThrottledMasterReadIsSentAgainAfterItsRetryAfter() {
    // the service keeps the mailbox's pause on its clock: a real one lets the pause end
    startWithSixMeetings(b -> b.clock(Clock.systemUTC()));
    List<FakeEvent> occurrences = occurrences();
    m365.onNextRequest(
        RequestMatcher.of(GraphOperation.GET_EVENT).mailbox(room),
        () -> m365.faults().throttleMailbox(room, Duration.ofSeconds(1)));
    m365.resetStats();

    List<BookingChange> first = round();

    assertCreatedWithTheirSeries(first, occurrences);
    assertThat(throttledItems).as("the second batch's two items").hasValue(2);
    assertThat(requests("batch"))
        .as("two batches, then its items again: the first alone, probing the paused mailbox")
        .isEqualTo(4);
    assertThat(masterItems).hasValue(SERIES);
    FakeStats stats = m365.stats();
    assertThat(stats.throttledResponses(room)).isEqualTo(2);
    assertThat(stats.retryAfterIgnored(room)).isZero();
    assertThat(stats.limitViolations()).isZero();
  }

  @Test
  void aThrottleThatOutlastsTheRetriesFailsTheRoundAsASingleReadDid() {
    startWithSixMeetings(
        b ->
            b.clock(Clock.systemUTC())
                .retry(GraphRetryOptions.builder().deadline(Duration.ofSeconds(2)).build()));
    m365.onNextRequest(
        RequestMatcher.of(GraphOperation.GET_EVENT).mailbox(room),
        () -> m365.faults().throttleMailbox(room, Duration.ofSeconds(30)));

    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, room))
        .isInstanceOf(ThrottledException.class);
    assertThat(listener.changes).isEmpty();
    assertThat(m365.stats().limitViolations()).isZero();
    m365.faults().clear();
  }

  @Test
  @Timeout(60)
  void aMailboxPausedUntilPastTheDeadlineFailsTheRoundAsASingleReadDid() {
    // the service's clock stands still, so the pause the 429 put in its store never ends: the
    // items waiting for the mailbox give up at the deadline, as a single read waiting does
    startWithSixMeetings(
        b -> b.retry(GraphRetryOptions.builder().deadline(Duration.ofSeconds(2)).build()));
    m365.onNextRequest(
        RequestMatcher.of(GraphOperation.GET_EVENT).mailbox(room),
        () -> m365.faults().throttleMailbox(room, Duration.ofSeconds(1)));

    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, room))
        .isInstanceOf(ThrottledException.class)
        .hasMessageContaining("throttled or busy");
    assertThat(throttledItems).hasValue(2);
    assertThat(listener.changes).isEmpty();
  }

  @Test
  void aMailboxGraphRefusesBetweenTheDeltaAndTheMastersFailsTheRound() {
    startWithSixMeetings(b -> {});
    m365.onNextRequest(
        RequestMatcher.of(GraphOperation.CALENDAR_VIEW_DELTA).mailbox(room),
        () -> tenant.fake.denyByAccessPolicy(tenant.app.clientId(), room));

    assertThatThrownBy(() -> tenant.service.sync().syncNow(tenant.id, room))
        .isInstanceOfSatisfying(
            CalendarServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.errorCode()).contains("ErrorAccessDenied");
            });
    assertThat(listener.changes).isEmpty();

    tenant.fake.removeAccessPolicies(tenant.app.clientId());
    assertCreatedWithTheirSeries(round(), occurrences());
  }
}
