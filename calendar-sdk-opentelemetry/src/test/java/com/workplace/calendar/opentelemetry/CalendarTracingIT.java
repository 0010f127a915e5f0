package com.workplace.calendar.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.graph.GraphCalendarService;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Test;
import com.workplace.calendar.testkit.FakeTenant;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Spans of the real stack against the fake: HTTP client conventions, sync rounds, no secrets. */
@FakeMicrosoft365Test
class CalendarTracingIT {
  private static final String DOMAIN = "tracing.onmicrosoft.com";
  private static final TenantId TENANT = TenantId.parse(DOMAIN);
  private static final String ORCHARD = "orchard@" + DOMAIN;
  private static final String MARINA = "marina@" + DOMAIN;

  @RegisterExtension static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  private static final SpaceDirectory NO_SPACES =
      new SpaceDirectory() {
        @Override
        public Optional<Space> find(TenantId tenantId, SpaceId id) {
          return Optional.empty();
        }

        @Override
        public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
          return Page.last(List.of());
        }
      };

  private static List<String> values(Attributes attributes) {
    List<String> out = new ArrayList<>();
    attributes.forEach((k, v) -> out.add(k.getKey() + "=" + v));
    return out;
  }

  @Test
  void graphRequestsAndSyncRoundsBecomeSpansWithoutAddressesTokensOrSecrets(FakeMicrosoft365 m365) {
    FakeApp app = m365.registerApp();
    FakeTenant tenant = m365.tenant(DOMAIN).grantAdminConsent(app.clientId());
    tenant.addRoom(ORCHARD, "Orchard").addRoom(MARINA, "Marina");
    Instant nine = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS);
    tenant.addEvent(MARINA, "Walk-in", nine, nine.plus(Duration.ofHours(1)));
    CalendarTracing tracing =
        CalendarTracing.builder(OTEL.getOpenTelemetry()).graphEndpoint(m365.graphUri()).build();
    String token;
    try (CalendarService calendars =
        GraphCalendarService.builder()
            .clientId(app.clientId())
            .clientSecret(app.clientSecret())
            .redirectUri(URI.create("https://workplace.example.com/calendar/consent"))
            .authorityHost(m365.authorityUri())
            .graphEndpoint(m365.graphUri())
            .trust(m365.sslContext(), m365.trustManager())
            .verificationTimeout(Duration.ZERO)
            .spaceDirectory(NO_SPACES)
            .syncListener((t, c, changes) -> {})
            .eventListener(tracing)
            .calendarEventListener(tracing)
            .build()) {
      calendars.tenants().begin(TENANT);
      assertThat(calendars.tenants().verify(TENANT, ORCHARD).verified()).isTrue();
      calendars.calendars().addAll(TENANT, List.of(ORCHARD, MARINA));
      calendars.calendars().connect(TENANT);
      token = m365.issueAppToken(DOMAIN, app.clientId());

      Span host = OTEL.getOpenTelemetry().getTracer("host").spanBuilder("host request").startSpan();
      try (Scope ignored = host.makeCurrent()) {
        m365.faults().throttleNext(1, Duration.ofMillis(200));
        calendars.bookings().create(
            BookingRequest.builder(TENANT, "booking-1")
                .room(ORCHARD)
                .subject("Planning")
                .time(nine, nine.plus(Duration.ofMinutes(30)))
                .booker("ada@" + DOMAIN, "Ada")
                // the create is the first request, so that the 429 lands on it
                .conflictPolicy(ConflictPolicy.ALLOW)
                .build());
      } finally {
        host.end();
      }
      assertThat(calendars.sync().syncNow(TENANT, MARINA).created()).isEqualTo(1);
    }

    List<SpanData> spans = OTEL.getSpans();
    List<SpanData> client = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
    assertThat(client).isNotEmpty();
    assertThat(client)
        .allSatisfy(
            s -> {
              assertThat(s.getAttributes().get(CalendarTracing.METHOD)).isNotBlank();
              assertThat(s.getAttributes().get(CalendarTracing.SERVER_ADDRESS)).isEqualTo(m365.graphUri().getHost());
              assertThat(s.getAttributes().get(CalendarTracing.SERVER_PORT)).isEqualTo((long) m365.graphUri().getPort());
              assertThat(s.getAttributes().get(CalendarTracing.URL_FULL)).startsWith("https://").doesNotContain("@");
              assertThat(s.getName()).doesNotContain("@");
            });

    SpanData throttled =
        client.stream()
            .filter(s -> Long.valueOf(429).equals(s.getAttributes().get(CalendarTracing.STATUS_CODE)))
            .findFirst()
            .orElseThrow();
    assertThat(throttled.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(throttled.getAttributes().get(CalendarTracing.ERROR_TYPE)).isEqualTo("429");
    SpanData created =
        client.stream()
            .filter(s -> "events.create".equals(s.getAttributes().get(CalendarTracing.OPERATION)))
            .filter(s -> Long.valueOf(201).equals(s.getAttributes().get(CalendarTracing.STATUS_CODE)))
            .findFirst()
            .orElseThrow();
    assertThat(created.getName()).isEqualTo("POST /v1.0/users/{user}/events");
    assertThat(created.getAttributes().get(CalendarTracing.URL_TEMPLATE)).isEqualTo("/v1.0/users/{user}/events");
    assertThat(created.getAttributes().get(CalendarTracing.URL_FULL))
        .isEqualTo("https://" + m365.graphUri().getHost() + ":" + m365.graphUri().getPort()
            + "/v1.0/users/REDACTED/events");
    assertThat(created.getAttributes().get(CalendarTracing.RESEND_COUNT)).isEqualTo(1L);
    SpanData hostSpan = spans.stream().filter(s -> s.getName().equals("host request")).findFirst().orElseThrow();
    assertThat(created.getParentSpanId()).isEqualTo(hostSpan.getSpanId());
    assertThat(hostSpan.getEvents()).extracting(EventData::getName).contains("graph.retry");

    SpanData round = spans.stream().filter(s -> s.getName().equals("calendar.sync.round")).findFirst().orElseThrow();
    assertThat(round.getAttributes().get(CalendarTracing.SYNC_CREATED)).isEqualTo(1L);
    assertThat(round.getAttributes().get(CalendarTracing.SYNC_FULL)).isTrue();
    assertThat(round.getAttributes().get(CalendarTracing.TENANT)).isEqualTo(DOMAIN);
    assertThat(client)
        .filteredOn(s -> "calendarView.delta".equals(s.getAttributes().get(CalendarTracing.OPERATION)))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(round.getSpanId()));

    List<String> everything = new ArrayList<>();
    for (SpanData s : spans) {
      everything.add(s.getName());
      everything.addAll(values(s.getAttributes()));
      s.getEvents().forEach(e -> everything.addAll(values(e.getAttributes())));
    }
    assertThat(everything)
        .as("no mailbox address, token or secret in a span by default")
        .noneMatch(v -> v.contains("@"))
        .noneMatch(v -> v.contains("%40"))
        .noneMatch(v -> v.contains(app.clientSecret()))
        .noneMatch(v -> v.contains(token))
        .noneMatch(v -> v.contains("eyJ"));
  }
}
