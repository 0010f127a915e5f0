package com.workplace.calendar.graph.internal;

import java.io.IOException;

/**
 * Attaches the tenant's application token (fetched before the mailbox permit is taken, so that a
 * slow identity platform holds no permit); on a 401 it gets a fresh token and sends once more.
 */
final class TokenStage implements GraphStage {
  private final TokenSource tokens;

  TokenStage(TokenSource tokens) {
    this.tokens = tokens;
  }

  @Override
  public GraphResponse handle(GraphExchange exchange, GraphChain next) throws IOException {
    exchange.token = tokens.token(exchange.request.tenant(), false);
    GraphResponse response = next.proceed(exchange);
    if (response.status() == 401 && !exchange.tokenRefreshed) {
      exchange.tokenRefreshed = true;
      exchange.token = tokens.token(exchange.request.tenant(), true);
      response = next.proceed(exchange);
    }
    return response;
  }
}
