package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphEventListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells several listeners of every event, in order; one that throws does not stop the others. */
public final class CompositeGraphEventListener implements GraphEventListener {
  private static final Logger LOG = LoggerFactory.getLogger(CompositeGraphEventListener.class);

  private final GraphEventListener[] listeners;
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  private CompositeGraphEventListener(List<GraphEventListener> listeners) {
    this.listeners = listeners.toArray(new GraphEventListener[0]);
  }

  /**
   * Combines listeners.
   *
   * @param listeners the listeners
   * @return {@link GraphEventListener#NONE} for none, a composite (guarding even a single
   *     listener) otherwise
   */
  public static GraphEventListener of(List<? extends GraphEventListener> listeners) {
    List<GraphEventListener> kept = new ArrayList<>();
    for (GraphEventListener l : Objects.requireNonNull(listeners, "listeners")) {
      Objects.requireNonNull(l, "listener");
      if (l != GraphEventListener.NONE) {
        kept.add(l);
      }
    }
    return kept.isEmpty() ? GraphEventListener.NONE : new CompositeGraphEventListener(kept);
  }

  private void each(String event, Consumer<GraphEventListener> call) {
    for (GraphEventListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        String key = l.getClass().getName() + "#" + event + "#" + e.getClass().getName();
        if (reported.add(key)) {
          LOG.warn(
              "Graph event listener {} failed on {} (reported once): {}",
              l.getClass().getName(),
              event,
              e.getClass().getName());
        }
      }
    }
  }

  @Override
  public void requestStarted(GraphCall call) {
    each("requestStarted", l -> l.requestStarted(call));
  }

  @Override
  public void responseReceived(GraphCall call) {
    each("responseReceived", l -> l.responseReceived(call));
  }

  @Override
  public void requestFailed(GraphCall call, String failure) {
    each("requestFailed", l -> l.requestFailed(call, failure));
  }

  @Override
  public void throttled(GraphCall call, Duration wait) {
    each("throttled", l -> l.throttled(call, wait));
  }

  @Override
  public void permitWaited(GraphCall call, Duration waited) {
    each("permitWaited", l -> l.permitWaited(call, waited));
  }

  @Override
  public void batchSent(String tenant, int items) {
    each("batchSent", l -> l.batchSent(tenant, items));
  }

  @Override
  public void batchItemAnswered(GraphCall call) {
    each("batchItemAnswered", l -> l.batchItemAnswered(call));
  }

  @Override
  public void batchItemThrottled(GraphCall call, Duration wait) {
    each("batchItemThrottled", l -> l.batchItemThrottled(call, wait));
  }

  @Override
  public void retrying(GraphCall call, Duration wait) {
    each("retrying", l -> l.retrying(call, wait));
  }

  @Override
  public void gaveUp(GraphCall call, String reason) {
    each("gaveUp", l -> l.gaveUp(call, reason));
  }
}
