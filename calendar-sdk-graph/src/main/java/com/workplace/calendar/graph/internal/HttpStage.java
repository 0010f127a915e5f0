package com.workplace.calendar.graph.internal;

import com.workplace.calendar.graph.GraphEventListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The last stage: sends one attempt with OkHttp and reads its answer, refusing oversized bodies. */
final class HttpStage implements GraphStage {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** The largest response body read; larger ones are refused as hostile. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient http;
  private final GraphEventListener listener;

  HttpStage(OkHttpClient http, GraphEventListener listener) {
    this.http = http;
    this.listener = listener;
  }

  @Override
  public GraphResponse handle(GraphExchange exchange, GraphChain next) throws IOException {
    GraphRequest request = exchange.request;
    Request.Builder builder =
        new Request.Builder()
            .url(request.url())
            .header("Authorization", "Bearer " + exchange.token.value())
            .header("Accept", "application/json");
    request.headers().forEach(builder::header);
    RequestBody body =
        request.body() == null
            ? (requiresBody(request.method()) ? RequestBody.create(new byte[0], JSON) : null)
            : RequestBody.create(request.body(), JSON);
    builder.method(request.method(), body);
    listener.requestStarted(exchange.call(0, Duration.ZERO));
    long start = System.nanoTime();
    Call call = http.newCall(builder.build());
    try (Response response = call.execute()) {
      byte[] bytes = readBounded(response.body());
      String requestId = response.header("request-id");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} -> {} in {} ms (request-id {})",
            request.method(),
            request.url().encodedPath(),
            response.code(),
            took.toMillis(),
            requestId);
      }
      listener.responseReceived(exchange.call(response.code(), took));
      return new GraphResponse(response.code(), response.headers().toMultimap(), bytes, requestId);
    } catch (IOException e) {
      listener.requestFailed(
          exchange.call(0, Duration.ofNanos(System.nanoTime() - start)), e.getClass().getSimpleName());
      throw e;
    }
  }

  private static byte[] readBounded(ResponseBody body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    BufferedSource source = body.source();
    if (!source.request(MAX_BODY_BYTES + 1)) {
      Buffer buffer = source.getBuffer();
      return buffer.readByteArray();
    }
    throw new ResponseTooLargeException();
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
  }

  /** A response body over the size cap: refused as hostile, never retried. */
  static final class ResponseTooLargeException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException() {
      super("response body over " + MAX_BODY_BYTES + " bytes");
    }
  }
}
