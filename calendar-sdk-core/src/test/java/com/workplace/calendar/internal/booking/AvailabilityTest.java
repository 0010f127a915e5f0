package com.workplace.calendar.internal.booking;

import static com.workplace.calendar.internal.TestWorld.CONTOSO;
import static com.workplace.calendar.internal.TestWorld.MARINA;
import static com.workplace.calendar.internal.TestWorld.ORCHARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.booking.Availability;
import com.workplace.calendar.booking.BusyInterval;
import com.workplace.calendar.internal.TestWorld;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AvailabilityTest {
  private static final Instant FROM = Instant.parse("2026-03-02T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-03-03T00:00:00Z");

  private TestWorld world;
  private DefaultRoomBookings bookings;

  @BeforeEach
  void setUp() {
    world = new TestWorld();
    world.connectedRoom(ORCHARD);
    world.connectedRoom(MARINA);
    bookings = new DefaultRoomBookings(world.store, world.backend, world.clock);
  }

  @Test
  void refusesAnEmptyOrReversedWindowAndBadAddressesBeforeAskingTheService() {
    assertThatThrownBy(() -> bookings.availability(CONTOSO, List.of(ORCHARD), TO, FROM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("end after it starts");
    assertThatThrownBy(() -> bookings.availability(CONTOSO, List.of(ORCHARD), FROM, FROM))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                bookings.availability(
                    CONTOSO, List.of(ORCHARD), FROM, FROM.plus(Duration.ofDays(367))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("366 days");
    assertThatThrownBy(() -> bookings.availability(CONTOSO, List.of("not a mailbox"), FROM, TO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> bookings.availability(TenantId.parse("fabrikam.com"), List.of(ORCHARD), FROM, TO))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(world.backend.calls.scheduleCalls).isEmpty();
  }

  @Test
  void normalizesAndDeduplicatesAddressesAndAnswersInInputOrder() {
    world.backend.outlook.addExternalEvent(
        ORCHARD, "bob@contoso.com", "1:1", FROM.plusSeconds(3600), FROM.plusSeconds(7200));

    List<Availability> result =
        bookings.availability(
            CONTOSO, List.of(" Marina@Contoso.onmicrosoft.com", ORCHARD, MARINA), FROM, TO);

    assertThat(result).extracting(Availability::calendarEmail).containsExactly(MARINA, ORCHARD);
    assertThat(result.get(0).busy()).isEmpty();
    assertThat(result.get(1).busy())
        .containsExactly(new BusyInterval(FROM.plusSeconds(3600), FROM.plusSeconds(7200), "busy"));
    assertThat(world.backend.calls.scheduleCalls)
        .containsExactly("[" + MARINA + ", " + ORCHARD + "] " + FROM + "/" + TO);
    assertThat(bookings.availability(CONTOSO, List.of(), FROM, TO)).isEmpty();
  }

  @Test
  void splitsLongWindowsAndJoinsIntervalsCutAtTheBoundary() {
    Instant cut = FROM.plus(AvailabilityWindows.PIECE);
    world.backend.outlook.addExternalEvent(
        ORCHARD, "bob@contoso.com", "offsite", cut.minusSeconds(3600), cut.plusSeconds(3600));

    List<Availability> result =
        bookings.availability(CONTOSO, List.of(ORCHARD), FROM, FROM.plus(Duration.ofDays(40)));

    assertThat(world.backend.calls.scheduleCalls).hasSize(2);
    assertThat(result.get(0).busy())
        .containsExactly(new BusyInterval(cut.minusSeconds(3600), cut.plusSeconds(3600), "busy"));
    assertThat(result.get(0).error()).isEmpty();
  }

  @Test
  void reportsRoomsTheServiceCouldNotRead() {
    List<Availability> result =
        bookings.availability(CONTOSO, List.of("ghost@contoso.onmicrosoft.com"), FROM, TO);

    assertThat(result.get(0).error()).contains("ErrorInvalidUser");
  }
}
