package com.workplace.calendar.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one WireMock extension of the fake: every request matched by the catch-all stub is handed
 * to the {@link FakeEngine}, and its answer becomes WireMock's response.
 */
public final class WireMockBridge implements ResponseDefinitionTransformerV2 {

  /** The extension name. */
  public static final String NAME = "fake-microsoft365";

  private final FakeEngine engine;

  public WireMockBridge(FakeEngine engine) {
    this.engine = engine;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    FakeResponse response;
    try {
      response = engine.handle(toFakeRequest(serveEvent.getRequest()));
    } catch (RuntimeException e) {
      response = FakeResponse.plainJson(500, Json.object("error", Json.object(
          "code", "InternalServerError",
          "message", "The fake failed to handle the request: " + e.getClass().getName())));
    }
    return toDefinition(response);
  }

  private static FakeRequest toFakeRequest(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String key : request.getAllHeaderKeys()) {
      HttpHeader header = request.header(key);
      if (header != null && header.isPresent()) {
        headers.put(key, header.values());
      }
    }
    String host = request.getHeader("Host");
    if (host == null || host.isBlank()) {
      host = request.getHost() + ":" + request.getPort();
    }
    String baseUrl = request.getScheme() + "://" + host;
    return new FakeRequest(request.getMethod().getName(), baseUrl, request.getUrl(), headers,
        request.getBody());
  }

  private static ResponseDefinition toDefinition(FakeResponse response) {
    if (response.fault() == FakeResponse.Fault.CONNECTION_RESET) {
      return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }
    ResponseDefinitionBuilder builder = aResponse().withStatus(response.status());
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      builder.withHeader(h.getKey(), h.getValue());
    }
    if (response.body().length > 0) {
      builder.withBody(response.body());
    }
    return builder.build();
  }
}
