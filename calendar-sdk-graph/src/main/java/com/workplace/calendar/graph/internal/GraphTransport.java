package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarClientException;
import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ThrottledException;
import com.workplace.calendar.graph.GraphCall;
import com.workplace.calendar.graph.GraphEventListener;
import com.workplace.calendar.graph.GraphRetryOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
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

/**
 * Sends Graph requests: bearer token for the request's tenant (only to the configured Graph host),
 * the mailbox gate, retries with {@code Retry-After} or backoff, and a bounded response size.
 */
public final class GraphTransport {
  private static final Logger LOG = LoggerFactory.getLogger(GraphTransport.class);
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  /** The largest response body read; larger ones are refused as hostile. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final OkHttpClient http;
  private final HttpUrl graphBase;
  private final MsalTokenSource tokens;
  private final MailboxGates gates;
  private final GraphRetryOptions retry;
  private final GraphEventListener listener;

  GraphTransport(
      OkHttpClient http,
      HttpUrl graphBase,
      MsalTokenSource tokens,
      MailboxGates gates,
      GraphRetryOptions retry,
      GraphEventListener listener) {
    this.http = http;
    this.graphBase = graphBase;
    this.tokens = tokens;
    this.gates = gates;
    this.retry = retry;
    this.listener = listener;
  }

  HttpUrl graphBase() {
    return graphBase;
  }

  GraphRetryOptions retryOptions() {
    return retry;
  }

  GraphEventListener listener() {
    return listener;
  }

  MailboxGates gates() {
    return gates;
  }

  /**
   * Checks that a link (e.g. {@code @odata.nextLink}) points at the configured Graph endpoint.
   *
   * @throws CalendarClientException if it points anywhere else; no request is sent
   */
  HttpUrl checkedLink(String link) {
    HttpUrl url = HttpUrl.parse(link);
    if (url == null
        || !url.scheme().equals(graphBase.scheme())
        || !url.host().equalsIgnoreCase(graphBase.host())
        || url.port() != graphBase.port()
        || !url.encodedPath().startsWith(graphBase.encodedPath())) {
      String host = url == null ? "an unreadable URL" : url.host();
      throw new CalendarClientException(
          "refusing to follow a link to " + host + ": links must stay on the configured Graph endpoint "
              + graphBase.host());
    }
    return url;
  }

  /**
   * Sends a request, retrying as configured, and returns the final answer of any status.
   *
   * @throws ThrottledException when throttling outlasted the retry budget
   * @throws CalendarServiceException when no answer came (status 0) or the token was refused
   */
  GraphResponse send(GraphRequest request) {
    long start = System.nanoTime();
    long deadline = start + retry.deadline().toNanos();
    boolean refreshedToken = false;
    for (int attempt = 1; ; attempt++) {
      MailboxGate gate = request.mailbox() == null ? null : gates.of(request.tenant(), request.mailbox());
      if (gate != null && !acquire(gate, deadline)) {
        GraphCall call = call(request, attempt, 429);
        listener.gaveUp(call, "mailbox stayed throttled past the deadline");
        throw new ThrottledException(
            request.method() + " " + request.url().encodedPath() + " gave up: the mailbox stayed"
                + " throttled for longer than " + retry.deadline().toSeconds() + " s",
            "TooManyRequests",
            null,
            null);
      }
      GraphResponse response;
      try {
        AccessToken token = tokens.token(request.tenant(), refreshedToken);
        response = execute(request, token);
      } catch (ResponseTooLargeException e) {
        releaseQuietly(gate, true);
        listener.gaveUp(call(request, attempt, 0), "response too large");
        throw new CalendarServiceException(
            describe(request) + " failed: the response is larger than " + MAX_BODY_BYTES + " bytes",
            0,
            null,
            null,
            null,
            null);
      } catch (IOException e) {
        releaseQuietly(gate, false);
        GraphCall call = call(request, attempt, 0);
        Duration wait = Backoff.fullJitter(retry, attempt);
        if (!request.retrySafe() || !mayRetry(attempt, deadline, wait)) {
          listener.gaveUp(call, "connection failed: " + e.getClass().getSimpleName());
          throw new CalendarServiceException(
              request.method() + " " + request.url().encodedPath() + " failed: no answer from Graph ("
                  + e.getClass().getSimpleName() + ")",
              0,
              null,
              null,
              null,
              null);
        }
        listener.retrying(call, wait);
        sleep(wait);
        continue;
      } catch (RuntimeException e) {
        releaseQuietly(gate, false);
        throw e;
      }
      final int thisAttempt = attempt;
      GraphCall call = call(request, attempt, response.status());
      listener.responseReceived(call);
      int status = response.status();
      if (status == 429) {
        Duration wait =
            response.header("Retry-After")
                .flatMap(v -> RetryAfter.parse(v, Instant.now()))
                .orElseGet(() -> Backoff.fullJitter(retry, thisAttempt));
        if (gate != null) {
          gate.penalize(wait);
          gate.release(false);
        }
        listener.throttled(call, wait);
        if (!mayRetry(attempt, deadline, wait)) {
          listener.gaveUp(call, "throttled");
          throw GraphErrors.toException(describe(request), response);
        }
        listener.retrying(call, wait);
        if (gate == null) {
          sleep(wait);
        }
        continue;
      }
      if (gate != null) {
        gate.release(true);
      }
      if ((status == 503 || status == 504 || status == 502) && request.retrySafe()) {
        Duration wait =
            response.header("Retry-After")
                .flatMap(v -> RetryAfter.parse(v, Instant.now()))
                .orElseGet(() -> Backoff.fullJitter(retry, thisAttempt));
        if (mayRetry(attempt, deadline, wait)) {
          listener.retrying(call, wait);
          sleep(wait);
          continue;
        }
        listener.gaveUp(call, "service unavailable");
        return response;
      }
      if (status == 401 && !refreshedToken) {
        refreshedToken = true;
        continue;
      }
      return response;
    }
  }

  private static void releaseQuietly(MailboxGate gate, boolean succeeded) {
    if (gate != null) {
      gate.release(succeeded);
    }
  }

  private boolean mayRetry(int attempt, long deadline, Duration wait) {
    return attempt < retry.maxAttempts() && System.nanoTime() + wait.toNanos() - deadline < 0;
  }

  private static boolean acquire(MailboxGate gate, long deadline) {
    try {
      return gate.acquire(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CalendarClientException("interrupted while waiting for the mailbox's turn");
    }
  }

  private GraphResponse execute(GraphRequest request, AccessToken token) throws IOException {
    if (!request.url().host().equalsIgnoreCase(graphBase.host())
        || request.url().port() != graphBase.port()
        || !request.url().scheme().equals(graphBase.scheme())) {
      throw new CalendarClientException(
          "refusing to send a token to " + request.url().host() + ": not the Graph endpoint");
    }
    Request.Builder builder =
        new Request.Builder()
            .url(request.url())
            .header("Authorization", "Bearer " + token.value())
            .header("Accept", "application/json");
    request.headers().forEach(builder::header);
    RequestBody body =
        request.body() == null
            ? (requiresBody(request.method()) ? RequestBody.create(new byte[0], JSON) : null)
            : RequestBody.create(request.body(), JSON);
    builder.method(request.method(), body);
    Call call = http.newCall(builder.build());
    try (Response response = call.execute()) {
      byte[] bytes = readBounded(response.body());
      String requestId = response.header("request-id");
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "{} {} -> {} (request-id {})",
            request.method(),
            request.url().encodedPath(),
            response.code(),
            requestId);
      }
      return new GraphResponse(response.code(), response.headers().toMultimap(), bytes, requestId);
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

  /** A response body over the size cap: refused as hostile, never retried. */
  static final class ResponseTooLargeException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    ResponseTooLargeException() {
      super("response body over " + MAX_BODY_BYTES + " bytes");
    }
  }

  private static boolean requiresBody(String method) {
    return method.equals("POST") || method.equals("PATCH") || method.equals("PUT");
  }

  private static void sleep(Duration wait) {
    try {
      TimeUnit.NANOSECONDS.sleep(wait.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CalendarClientException("interrupted while waiting to retry");
    }
  }

  private static GraphCall call(GraphRequest request, int attempt, int status) {
    return new GraphCall(
        request.method(),
        request.url().encodedPath(),
        request.tenant().value(),
        Optional.ofNullable(request.mailbox()),
        attempt,
        status);
  }

  static String describe(GraphRequest request) {
    return request.method() + " " + request.url().encodedPath();
  }

  static Map<String, String> prefer(String value) {
    return Map.of("Prefer", value);
  }
}
