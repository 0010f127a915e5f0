package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.RequestHooks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An action registered with {@link FakeMicrosoft365#onNextRequest(RequestMatcher, Runnable)}:
 * it runs once, just before the fake processes the next matching request. Thread-safe.
 *
 * @since 0.1.0
 */
public final class RequestHook {

  private final RequestHooks hooks;
  private final RequestHooks.Hook hook;

  RequestHook(RequestHooks hooks, RequestHooks.Hook hook) {
    this.hooks = hooks;
    this.hook = hook;
  }

  /**
   * Whether the action has run (successfully or not).
   *
   * @return whether it ran
   */
  public boolean hasRun() {
    return hook.ran();
  }

  /**
   * Waits until the action has run.
   *
   * @param timeout the longest wait
   * @return true when it ran in time, false when the timeout passed or the hook was cancelled
   * @throws InterruptedException when interrupted while waiting
   * @throws IllegalStateException when the action threw (the exception is the cause)
   */
  public boolean awaitRun(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    boolean ran = hook.await(timeout.toMillis());
    if (ran && hook.failure() != null) {
      throw new IllegalStateException("the request hook's action failed", hook.failure());
    }
    return ran;
  }

  /**
   * What the action threw, if it ran and failed. The request it ran for was processed anyway.
   *
   * @return the failure or empty
   */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(hook.failure());
  }

  /**
   * Removes the hook if it has not run yet.
   *
   * @return true when it was removed, false when it ran (or is running) already
   */
  public boolean cancel() {
    return hooks.cancel(hook);
  }
}
