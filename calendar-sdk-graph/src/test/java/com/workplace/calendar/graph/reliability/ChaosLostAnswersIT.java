package com.workplace.calendar.graph.reliability;

import static com.workplace.calendar.graph.reliability.ChaosHost.RETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.ConflictException;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.booking.BookingRequest;
import com.workplace.calendar.booking.ConflictPolicy;
import com.workplace.calendar.graph.AuthorizedTenant;
import com.workplace.calendar.graph.SecretsInLogsExtension;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeMicrosoft365Extension;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Operations whose every answer is lost after Graph made the change: the SDK's retries give up
 * with a typed error, and the host's repeat by the same booking key ends in what was intended (one
 * event, the booking ended, the booking gone), with sync still naming the booking. Allows overlaps
 * ({@code ConflictPolicy.ALLOW}) like {@link ChaosMixedFaultsIT}: these are about faults, not
 * conflicts.
 */
@ExtendWith(SecretsInLogsExtension.class)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ChaosLostAnswersIT {
  @RegisterExtension
  static final FakeMicrosoft365Extension FAKE = ChaosHost.fake();

  @Test
  void aCreateWhoseAnswersAreAllLostIsRepeatedByTheHostIntoOneEvent(FakeMicrosoft365 m365) {
    try (ChaosHost host = new ChaosHost(m365, "lostcreate", 1)) {
      AuthorizedTenant tenant = host.tenant;
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
      BookingRequest request =
          BookingRequest.builder(tenant.id, "lost-1")
              .room(tenant.room(0))
              .subject("Lost answers")
              .time(start, start.plus(Duration.ofHours(1)))
              .booker("alex@" + tenant.fake.domain(), "Alex")
              .conflictPolicy(ConflictPolicy.ALLOW)
                .build();
      m365.faults().dropResponseNext(RETRY.maxAttempts());

      assertThatThrownBy(() -> tenant.service.bookings().create(request))
          .isInstanceOfSatisfying(CalendarServiceException.class, e -> assertThat(e.statusCode()).isZero());
      assertThat(tenant.fake.events(tenant.room(0))).as("every attempt reached the calendar").hasSize(1);
      assertThat(host.counters.count("retrying POST /v1.0/users/{m}/events 0")).isEqualTo(RETRY.maxAttempts() - 1);

      Booking booking = tenant.service.bookings().create(request);

      assertThat(tenant.fake.events(tenant.room(0))).extracting(FakeEvent::id).containsExactly(booking.eventId());
      assertThat(tenant.service.bookings().get(tenant.id, "lost-1")).map(Booking::start).contains(start);
    }
  }

  @Test
  void aRoundBeforeTheCreateCompletedStillNamesTheBooking(FakeMicrosoft365 m365) {
    try (ChaosHost host = new ChaosHost(m365, "earlyround", 1)) {
      AuthorizedTenant tenant = host.tenant;
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(5));
      BookingRequest request =
          BookingRequest.builder(tenant.id, "early-1")
              .room(tenant.room(0))
              .subject("Read early")
              .time(start, start.plus(Duration.ofHours(1)))
              .booker("alex@" + tenant.fake.domain(), "Alex")
              .conflictPolicy(ConflictPolicy.ALLOW)
                .build();
      tenant.service.sync().syncNow(tenant.id, tenant.room(0));
      m365.faults().dropResponseNext(RETRY.maxAttempts());
      assertThatThrownBy(() -> tenant.service.bookings().create(request)).isInstanceOf(CalendarServiceException.class);

      tenant.service.sync().syncNow(tenant.id, tenant.room(0));
      Booking booking = tenant.service.bookings().create(request);
      tenant.service.sync().syncNow(tenant.id, tenant.room(0));

      assertThat(host.listener.changes).filteredOn(c -> c.eventId().equals(booking.eventId()))
          .last().satisfies(c -> assertThat(c.bookingKey()).contains("early-1"));
    }
  }

  @Test
  void anEndEarlyWhoseAnswersAreAllLostIsSeenAsEndedWhenRepeated(FakeMicrosoft365 m365) {
    try (ChaosHost host = new ChaosHost(m365, "lostend", 1)) {
      AuthorizedTenant tenant = host.tenant;
      Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(20));
      Booking running =
          tenant.service.bookings().create(
              BookingRequest.builder(tenant.id, "lost-2")
                  .room(tenant.room(0))
                  .subject("Running")
                  .time(start, start.plus(Duration.ofHours(2)))
                  .booker("alex@" + tenant.fake.domain(), "Alex")
                  .conflictPolicy(ConflictPolicy.ALLOW)
                .build());
      // the read before the change gets through (a zero delay), every attempt of the change is lost
      m365.faults().slowNext(1, Duration.ZERO).dropResponseNext(RETRY.maxAttempts());

      assertThatThrownBy(() -> tenant.service.bookings().endEarly(tenant.id, "lost-2"))
          .isInstanceOf(CalendarServiceException.class);
      Instant endedAt = tenant.fake.events(tenant.room(0)).get(0).end();
      assertThat(endedAt).isBefore(running.end());

      assertThatThrownBy(() -> tenant.service.bookings().endEarly(tenant.id, "lost-2"))
          .isInstanceOf(ConflictException.class)
          .hasMessageContaining("has already ended");
      assertThat(tenant.service.bookings().get(tenant.id, "lost-2")).map(Booking::end).contains(endedAt);
    }
  }

  @Test
  void aCancelWhoseAnswersAreAllLostEndsWithTheBookingGoneWhenRepeated(FakeMicrosoft365 m365) {
    try (ChaosHost host = new ChaosHost(m365, "lostcancel", 1)) {
      AuthorizedTenant tenant = host.tenant;
      Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(4));
      tenant.service.bookings().create(
          BookingRequest.builder(tenant.id, "lost-3")
              .room(tenant.room(0))
              .subject("To cancel")
              .time(start, start.plus(Duration.ofHours(1)))
              .booker("alex@" + tenant.fake.domain(), "Alex")
              .conflictPolicy(ConflictPolicy.ALLOW)
                .build());
      m365.faults().slowNext(1, Duration.ZERO).dropResponseNext(RETRY.maxAttempts());

      assertThatThrownBy(() -> tenant.service.bookings().cancel(tenant.id, "lost-3", null))
          .isInstanceOf(CalendarServiceException.class);
      assertThat(tenant.fake.events(tenant.room(0))).as("the first attempt cancelled it").isEmpty();
      assertThat(host.store.findBookingLink(tenant.id, "lost-3")).as("the host still holds the key").isPresent();

      assertThat(tenant.service.bookings().cancel(tenant.id, "lost-3", null)).isTrue();

      assertThat(host.store.findBookingLink(tenant.id, "lost-3")).isEmpty();
      assertThat(tenant.service.bookings().get(tenant.id, "lost-3")).isEmpty();
    }
  }
}
