package com.workplace.calendar.graph.internal;

import java.io.IOException;

/**
 * One step of the transport, in the spirit of an OkHttp interceptor: it may act before and after
 * the rest of the chain, call it again (retries) or not at all (refusals).
 */
interface GraphStage {
  /**
   * Handles an exchange.
   *
   * @param exchange the call
   * @param next the rest of the chain
   * @return the answer
   * @throws IOException when no answer came; the error mapping turns it into a typed exception
   */
  GraphResponse handle(GraphExchange exchange, GraphChain next) throws IOException;
}
