package com.workplace.calendar.testkit;

import static com.workplace.calendar.testkit.Fixture.ROOM;
import static com.workplace.calendar.testkit.Fixture.ROOM2;
import static com.workplace.calendar.testkit.Fixture.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.testkit.internal.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link FakeMicrosoft365#onNextRequest}: an "Outlook" change between two Graph requests. */
class RequestHookTest {

  private static final Instant TEN = Instant.parse("2030-01-07T10:00:00Z");
  private static final Instant ELEVEN = Instant.parse("2030-01-07T11:00:00Z");

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static String booking(String subject) {
    return Json.write(Json.object("subject", subject,
        "start", Json.object("dateTime", "2030-01-07T10:30:00", "timeZone", "UTC"),
        "end", Json.object("dateTime", "2030-01-07T11:30:00", "timeZone", "UTC")));
  }

  private String walkIn() {
    return f.tenant.addEvent(ROOM, "Walk-in", TEN, ELEVEN, Fixture.USER);
  }

  @Test
  void runsOnceJustBeforeTheNextMatchingRequest() throws Exception {
    List<Integer> seenByAction = new ArrayList<>();
    RequestHook hook = f.m365.onNextRequest(
        RequestMatcher.of(GraphOperation.CREATE_EVENT).mailbox(ROOM), () -> {
          seenByAction.add(f.tenant.events(ROOM).size());
          walkIn();
        });

    f.http.get(user(ROOM) + "/calendar", f.token);
    f.http.post(user(ROOM2) + "/events", f.token, booking("Elsewhere"));
    assertThat(hook.hasRun()).isFalse();
    assertThat(f.tenant.events(ROOM)).isEmpty();

    assertThat(f.http.post(user(ROOM) + "/events", f.token, booking("SDK")).status())
        .isEqualTo(201);
    assertThat(hook.awaitRun(Duration.ofSeconds(5))).isTrue();
    assertThat(seenByAction).containsExactly(0);
    assertThat(f.tenant.events(ROOM)).extracting(FakeEvent::subject)
        .containsExactly("Walk-in", "SDK");

    f.http.post(user(ROOM) + "/events", f.token, booking("Again"));
    assertThat(f.tenant.events(ROOM)).hasSize(3);
    assertThat(seenByAction).hasSize(1);
  }

  @Test
  void landsAnOutlookBookingBetweenAConflictCheckAndAWrite() throws Exception {
    f.m365.onNextRequest(RequestMatcher.of(GraphOperation.CREATE_EVENT).mailbox(ROOM),
        this::walkIn);

    Http.Reply check = f.http.get(user(ROOM) + "/calendarView?startDateTime="
        + "2030-01-07T10:30:00Z&endDateTime=2030-01-07T11:30:00Z", f.token);
    assertThat(check.value()).isEmpty();
    f.http.post(user(ROOM) + "/events", f.token, booking("SDK"));

    // the fake, like Exchange for direct writes, keeps both overlapping events
    assertThat(f.tenant.calendarView(ROOM, TEN, ELEVEN)).extracting(FakeEvent::subject)
        .containsExactly("Walk-in", "SDK");
  }

  @Test
  void matchesBatchItemsMailboxesByAnyCaseOrObjectIdAndAnyOperation() throws Exception {
    RequestHook hook = f.m365.onNextRequest(RequestMatcher.of(GraphOperation.CREATE_EVENT)
        .mailbox(ROOM.toUpperCase(Locale.ROOT)), this::walkIn);
    String batch = Json.write(Json.object("requests", List.of(
        Json.object("id", "1", "method", "GET", "url", "/users/" + ROOM + "/calendar"),
        Json.object("id", "2", "method", "POST", "url", "/users/" + ROOM + "/events",
            "headers", Json.object("Content-Type", "application/json"),
            "body", Json.parseObject(booking("Batched"))))));

    assertThat(f.http.post("$batch", f.token, batch).status()).isEqualTo(200);
    assertThat(hook.awaitRun(Duration.ofSeconds(5))).isTrue();
    assertThat(f.tenant.events(ROOM)).hasSize(2);

    String objectId = (String) f.http.get("places/" + ROOM, f.token).json().get("id");
    AtomicInteger runs = new AtomicInteger();
    f.m365.onNextRequest(RequestMatcher.anyOperation().mailbox(objectId),
        runs::incrementAndGet);
    f.m365.onNextRequest(RequestMatcher.anyOperation(), runs::incrementAndGet);
    f.http.get("places/microsoft.graph.room", f.token);
    assertThat(runs).hasValue(1);
    f.http.get(user(ROOM) + "/calendar", f.token);
    assertThat(runs).hasValue(2);
  }

  @Test
  void exactlyOneOfConcurrentMatchingRequestsRunsIt() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    RequestHook hook = f.m365.onNextRequest(RequestMatcher.anyOperation().mailbox(ROOM),
        runs::incrementAndGet);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(pool.submit(() -> {
        go.await();
        return f.http.get(user(ROOM) + "/calendar", f.token).status();
      }));
    }

    go.countDown();
    for (Future<Integer> answer : answers) {
      assertThat(answer.get(30, TimeUnit.SECONDS)).isIn(200, 429);
    }

    assertThat(hook.hasRun()).isTrue();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aFailingActionIsReportedAndTheRequestStillProcessed() {
    RequestHook hook = f.m365.onNextRequest(RequestMatcher.of(GraphOperation.CREATE_EVENT),
        () -> {
          throw new IllegalStateException("broken scenario");
        });

    assertThat(f.http.post(user(ROOM) + "/events", f.token, booking("SDK")).status())
        .isEqualTo(201);

    assertThat(hook.failure()).get().extracting(Throwable::getMessage)
        .isEqualTo("broken scenario");
    assertThatThrownBy(() -> hook.awaitRun(Duration.ofSeconds(5)))
        .isInstanceOf(IllegalStateException.class).hasRootCauseMessage("broken scenario");
  }

  @Test
  void canBeCancelledAndIsDroppedByReset() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    RequestHook cancelled = f.m365.onNextRequest(RequestMatcher.anyOperation(),
        runs::incrementAndGet);
    assertThat(cancelled.cancel()).isTrue();
    f.http.get(user(ROOM) + "/calendar", f.token);
    assertThat(cancelled.cancel()).isFalse();
    assertThat(cancelled.awaitRun(Duration.ofMillis(50))).isFalse();

    RequestHook dropped = f.m365.onNextRequest(RequestMatcher.anyOperation(),
        runs::incrementAndGet);
    f.m365.reset();
    assertThat(dropped.awaitRun(Duration.ofSeconds(5))).isFalse();
    assertThat(runs).hasValue(0);
    assertThatThrownBy(() -> RequestMatcher.of(GraphOperation.GET_EVENT).mailbox(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
