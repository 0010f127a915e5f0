package com.workplace.calendar.spring;

import com.workplace.calendar.CalendarService;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the SDK's background work (connecting new calendars, sync rounds, subscription upkeep) when
 * the application context has started, after the web server, and stops it before the web server
 * and the beans go away. Stopping is final: the sync releases its leases and threads, as the
 * context is closing.
 *
 * @since 0.2.0
 */
public class CalendarSyncLifecycle implements SmartLifecycle {
  private final CalendarService service;
  private final AtomicBoolean running = new AtomicBoolean();

  /**
   * Creates the lifecycle.
   *
   * @param service the service whose sync it starts and stops
   */
  public CalendarSyncLifecycle(CalendarService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  @Override
  public void start() {
    if (running.compareAndSet(false, true)) {
      service.sync().start();
    }
  }

  @Override
  public void stop() {
    if (running.compareAndSet(true, false)) {
      service.sync().close();
    }
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  /** Last to start, first to stop (after and before the web server). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
