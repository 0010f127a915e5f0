package com.workplace.calendar.graph.internal;

import java.io.IOException;

/** Refuses, before anything else happens, a request whose URL is not on the Graph endpoint. */
final class EndpointGuardStage implements GraphStage {
  private final EndpointGuard guard;

  EndpointGuardStage(EndpointGuard guard) {
    this.guard = guard;
  }

  @Override
  public GraphResponse handle(GraphExchange exchange, GraphChain next) throws IOException {
    guard.check(exchange.request.url());
    return next.proceed(exchange);
  }
}
