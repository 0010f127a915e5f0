package com.workplace.calendar.testkit.contract;

import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.testkit.TestClock;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Set-up shared by the contract's cases: a fresh store on a manual clock for every test. */
abstract class StoreContractSupport {
  /** Where every test's clock starts. */
  static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  TestClock clock;
  CalendarStore store;
  StoreFixtures fixtures;

  /**
   * Creates a fresh, empty store for one test.
   *
   * @param clock the clock the store must use for lease expiry
   * @return the store
   */
  protected abstract CalendarStore createStore(Clock clock);

  @BeforeEach
  void openStore() {
    clock = TestClock.startingAt(START);
    fixtures = new StoreFixtures(START);
    store = createStore(clock);
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
  }

  /** Runs tasks on many threads released at once; returns their results or rethrows failures. */
  static <T> List<T> runConcurrently(int threads, IntFunction<Callable<T>> task)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<T> work = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return work.call();
                }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        try {
          results.add(future.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          throw new AssertionError("a concurrent writer failed unexpectedly", e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError("a concurrent writer did not finish within 60 s", e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
