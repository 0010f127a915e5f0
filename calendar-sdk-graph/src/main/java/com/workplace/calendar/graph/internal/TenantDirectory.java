package com.workplace.calendar.graph.internal;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.tenant.TenantFailureReason;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Finds a tenant's directory GUID from one of its domains through the identity platform's OpenID
 * configuration ({@code /{domain}/v2.0/.well-known/openid-configuration}), whose token endpoint and
 * issuer name the tenant by GUID. No token is needed and none is sent.
 */
final class TenantDirectory {
  private static final Pattern GUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final long MAX_BODY_BYTES = 256 * 1024;

  private final OkHttpClient http;
  private final HttpUrl authority;

  TenantDirectory(OkHttpClient http, URI authorityHost) {
    this.http = http;
    this.authority = HttpUrl.get(authorityHost);
  }

  /**
   * Looks a tenant up.
   *
   * @throws ResourceNotFoundException if no tenant has this domain
   * @throws CalendarServiceException if the identity platform could not be asked or answered
   *     something else
   */
  Optional<String> directoryId(TenantId tenant) {
    HttpUrl url =
        authority.newBuilder()
            .addPathSegment(tenant.value())
            .addPathSegment("v2.0")
            .addPathSegment(".well-known")
            .addPathSegment("openid-configuration")
            .build();
    String what = "looking up tenant " + tenant + " at the identity platform";
    try (Response response = http.newCall(new Request.Builder().url(url).get().build()).execute()) {
      JsonValue body = read(response.body());
      if (response.code() == 400 || response.code() == 404) {
        String error = body.path("error").asText("");
        if (error.equals("invalid_tenant") || body.path("error_codes").toString().contains("90002")) {
          throw new ResourceNotFoundException(
              "no Microsoft 365 tenant has the domain " + tenant + " (AADSTS90002). "
                  + TenantFailureReason.TENANT_NOT_FOUND.action());
        }
      }
      if (response.code() != 200) {
        throw new CalendarServiceException(
            what + " failed with HTTP " + response.code(),
            response.code(),
            body.path("error").asText(null),
            response.header("x-ms-request-id"),
            null,
            null);
      }
      for (String field : new String[] {"token_endpoint", "issuer"}) {
        Optional<String> guid = guidIn(body.path(field).asText(""));
        if (guid.isPresent()) {
          return guid;
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new CalendarServiceException(
          what + " failed: no answer (" + e.getClass().getSimpleName() + ")", 0, null, null, null,
          e);
    }
  }

  private static Optional<String> guidIn(String endpoint) {
    HttpUrl url = HttpUrl.parse(endpoint);
    if (url == null || url.pathSize() == 0) {
      return Optional.empty();
    }
    String first = url.pathSegments().get(0).toLowerCase(Locale.ROOT);
    return GUID.matcher(first).matches() ? Optional.of(first) : Optional.empty();
  }

  private static JsonValue read(ResponseBody body) throws IOException {
    if (body == null) {
      return JsonValue.object();
    }
    if (body.source().request(MAX_BODY_BYTES + 1)) {
      throw new IOException("the identity platform's answer is too large");
    }
    byte[] bytes = body.source().getBuffer().readByteArray();
    try {
      JsonValue value = JsonValue.parse(bytes);
      return value != null && value.isObject() ? value : JsonValue.object();
    } catch (IOException e) {
      return JsonValue.object();
    }
  }
}
