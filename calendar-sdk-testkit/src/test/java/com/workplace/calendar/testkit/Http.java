package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** A small OkHttp-based client for tests: trusts the fake, parses JSON, never follows redirects. */
final class Http {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  /** A received response. */
  record Reply(int status, okhttp3.Headers headers, String body) {
    Map<String, Object> json() {
      return Json.parseObject(body);
    }

    String header(String name) {
      return headers.get(name);
    }

    /** {@code error.code} of a Graph error body. */
    String errorCode() {
      return (String) Json.objectMember(json(), "error").get("code");
    }

    String errorMessage() {
      return (String) Json.objectMember(json(), "error").get("message");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> value() {
      return (List<Map<String, Object>>) json().get("value");
    }
  }

  private final OkHttpClient client;
  private final FakeMicrosoft365 m365;

  Http(FakeMicrosoft365 m365) {
    this.m365 = m365;
    this.client = new OkHttpClient.Builder()
        .sslSocketFactory(m365.sslContext().getSocketFactory(), m365.trustManager())
        .followRedirects(false)
        .retryOnConnectionFailure(false)
        .readTimeout(30, TimeUnit.SECONDS)
        .build();
  }

  OkHttpClient client() {
    return client;
  }

  /** Client-credentials token for a tenant (via the token endpoint). */
  String token(FakeTenant tenant, FakeApp app) {
    Reply r = form(m365.authorityUri() + tenant.id() + "/oauth2/v2.0/token", Map.of(
        "grant_type", "client_credentials",
        "client_id", app.clientId(),
        "client_secret", app.clientSecret(),
        "scope", "https://graph.microsoft.com/.default"));
    if (r.status() != 200) {
      throw new AssertionError("token request failed: " + r.body());
    }
    return (String) r.json().get("access_token");
  }

  Reply form(String url, Map<String, String> fields) {
    FormBody.Builder form = new FormBody.Builder();
    fields.forEach(form::add);
    return execute(new Request.Builder().url(url).post(form.build()).build());
  }

  Reply get(String url, String token, String... headers) {
    Request.Builder b = new Request.Builder().url(url(url));
    auth(b, token, headers);
    return execute(b.get().build());
  }

  Reply send(String method, String url, String token, String json, String... headers) {
    Request.Builder b = new Request.Builder().url(url(url));
    auth(b, token, headers);
    RequestBody body = json == null ? (method.equals("GET") || method.equals("DELETE") ? null
        : RequestBody.create(new byte[0], null)) : RequestBody.create(json, JSON);
    return execute(b.method(method, body).build());
  }

  Reply post(String url, String token, String json, String... headers) {
    return send("POST", url, token, json, headers);
  }

  private String url(String url) {
    return url.startsWith("http") ? url : m365.graphUri() + (url.startsWith("/")
        ? url.substring(1) : url);
  }

  private static void auth(Request.Builder b, String token, String... headers) {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
  }

  Reply execute(Request request) {
    try (Response response = client.newCall(request).execute()) {
      return new Reply(response.code(), response.headers(), response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
