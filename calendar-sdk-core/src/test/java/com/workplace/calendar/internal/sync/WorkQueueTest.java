package com.workplace.calendar.internal.sync;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.MARINA;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private static final CalendarKey A = new CalendarKey(CONTOSO, ORCHARD);
  private static final CalendarKey B = new CalendarKey(CONTOSO, MARINA);

  /** Runs submitted tasks only when the test says so. */
  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runNext() {
      tasks.remove().run();
    }
  }

  private record Run(CalendarKey key, Set<WorkKind> kinds) {}

  private final List<Run> runs = new ArrayList<>();
  private final ManualExecutor executor = new ManualExecutor();
  private Runnable duringRun = () -> {};
  private final WorkQueue queue =
      new WorkQueue(
          (key, kinds) -> {
            runs.add(new Run(key, Set.copyOf(kinds)));
            duringRun.run();
          });

  @Test
  void manyRequestsBeforeAStartMakeOneRunPerCalendarDoingEverythingAskedFor() {
    for (int i = 0; i < 10; i++) {
      queue.request(A, EnumSet.of(WorkKind.DELTA));
    }
    queue.request(A, EnumSet.of(WorkKind.RENEW_SUBSCRIPTION));
    queue.request(B, EnumSet.of(WorkKind.POLL));
    assertThat(queue.size()).isEqualTo(2);

    queue.start(executor);
    assertThat(executor.tasks).hasSize(2);
    executor.runNext();
    executor.runNext();

    assertThat(runs)
        .containsExactly(
            new Run(A, EnumSet.of(WorkKind.DELTA, WorkKind.RENEW_SUBSCRIPTION)),
            new Run(B, EnumSet.of(WorkKind.POLL)));
    assertThat(queue.idle()).isTrue();
  }

  @Test
  void requestsWhileACalendarRunsMakeExactlyOneMoreRunAfterwards() {
    queue.start(executor);
    queue.request(A, EnumSet.of(WorkKind.DELTA));
    duringRun =
        () -> {
          duringRun = () -> {};
          for (int i = 0; i < 5; i++) {
            queue.request(A, EnumSet.of(WorkKind.DELTA));
          }
          assertThat(executor.tasks).isEmpty();
        };

    executor.runNext();
    assertThat(executor.tasks).hasSize(1);
    assertThat(queue.idle()).isFalse();
    executor.runNext();

    assertThat(runs).hasSize(2);
    assertThat(executor.tasks).isEmpty();
    assertThat(queue.idle()).isTrue();
  }

  @Test
  void aFailingRunDoesNotStopTheQueue() {
    queue.start(executor);
    duringRun =
        () -> {
          duringRun = () -> {};
          throw new IllegalStateException("boom");
        };
    queue.request(A, EnumSet.of(WorkKind.DELTA));
    executor.runNext();
    queue.request(A, EnumSet.of(WorkKind.DELTA));
    executor.runNext();

    assertThat(runs).hasSize(2);
    assertThat(queue.idle()).isTrue();
  }

  @Test
  void aClosedQueueIgnoresRequests() {
    queue.request(A, EnumSet.of(WorkKind.DELTA));
    queue.close();
    queue.start(executor);
    queue.request(B, EnumSet.of(WorkKind.DELTA));

    assertThat(executor.tasks).isEmpty();
    assertThat(queue.idle()).isTrue();
  }
}
