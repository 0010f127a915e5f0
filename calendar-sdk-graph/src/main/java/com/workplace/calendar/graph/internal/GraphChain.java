package com.workplace.calendar.graph.internal;

import java.io.IOException;
import java.util.List;

/** The stages from one position to the end; immutable, shared by every call. */
final class GraphChain {
  private final GraphStage stage;
  private final GraphChain next;

  private GraphChain(GraphStage stage, GraphChain next) {
    this.stage = stage;
    this.next = next;
  }

  /** Links the stages, outermost first; the last one must answer without calling on. */
  static GraphChain of(List<GraphStage> stages) {
    GraphChain chain = null;
    for (int i = stages.size() - 1; i >= 0; i--) {
      chain = new GraphChain(stages.get(i), chain);
    }
    if (chain == null) {
      throw new IllegalArgumentException("a chain needs at least one stage");
    }
    return chain;
  }

  /** Passes the exchange to this position's stage. */
  GraphResponse proceed(GraphExchange exchange) throws IOException {
    if (stage == null) {
      throw new IllegalStateException("the last stage called on");
    }
    return stage.handle(exchange, next == null ? END : next);
  }

  private static final GraphChain END = new GraphChain(null, null);
}
