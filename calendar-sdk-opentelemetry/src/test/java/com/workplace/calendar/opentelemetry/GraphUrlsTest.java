package com.workplace.calendar.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.graph.GraphCall;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphUrlsTest {
  @RegisterExtension static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  @Test
  void templatesHideUsersAddressesAndIds() {
    assertThat(GraphUrls.template("/v1.0/users/room@contoso.com/events/AAMkAGI=/cancel"))
        .isEqualTo("/v1.0/users/{user}/events/{id}/cancel");
    assertThat(GraphUrls.template("/v1.0/users/room%40contoso.com/calendarView/delta"))
        .isEqualTo("/v1.0/users/{user}/calendarView/delta");
    assertThat(GraphUrls.template("/v1.0/places/list@contoso.com/microsoft.graph.roomlist/rooms"))
        .isEqualTo("/v1.0/places/{address}/microsoft.graph.roomlist/rooms");
    assertThat(GraphUrls.template("/v1.0/subscriptions/7f105c7d")).isEqualTo("/v1.0/subscriptions/{id}");
    assertThat(GraphUrls.template("/v1.0/$batch")).isEqualTo("/v1.0/$batch");
  }

  @Test
  void fullUrlsRedactUsersAndAddressesAndOmitDefaultPorts() {
    GraphUrls cloud = new GraphUrls(URI.create("https://graph.microsoft.com/v1.0/"));
    assertThat(cloud.redactedUrl("/v1.0/users/Room@Contoso.com/events/AAMk"))
        .isEqualTo("https://graph.microsoft.com/v1.0/users/REDACTED/events/AAMk");
    assertThat(cloud.port()).isEqualTo(443);
    GraphUrls local = new GraphUrls(URI.create("http://127.0.0.1:8443/v1.0/"));
    assertThat(local.redactedUrl("/v1.0/places/a%40b.com")).isEqualTo("http://127.0.0.1:8443/v1.0/places/REDACTED");
  }

  @Test
  void theMailboxIsAnAttributeOnlyWhenTheHostAsks() {
    GraphCall call =
        new GraphCall("GET", "/v1.0/users/room@contoso.com/calendar", "calendar.get", "contoso.com",
            Optional.of("room@contoso.com"), 1, 0, Duration.ZERO);
    CalendarTracing plain = CalendarTracing.builder(OTEL.getOpenTelemetry()).tenantAttribute(false).build();
    plain.requestStarted(call);
    plain.responseReceived(call.answered(200, Duration.ofMillis(3)));
    CalendarTracing optedIn = CalendarTracing.builder(OTEL.getOpenTelemetry()).mailboxAttribute(true).build();
    optedIn.requestStarted(call);
    optedIn.requestFailed(call, "SocketTimeoutException");

    assertThat(OTEL.getSpans()).hasSize(2);
    assertThat(OTEL.getSpans().get(0).getAttributes().get(CalendarTracing.MAILBOX)).isNull();
    assertThat(OTEL.getSpans().get(0).getAttributes().get(CalendarTracing.TENANT)).isNull();
    assertThat(OTEL.getSpans().get(1).getAttributes().get(CalendarTracing.MAILBOX)).isEqualTo("room@contoso.com");
    assertThat(OTEL.getSpans().get(1).getAttributes().get(CalendarTracing.ERROR_TYPE)).isEqualTo("SocketTimeoutException");
  }
}
