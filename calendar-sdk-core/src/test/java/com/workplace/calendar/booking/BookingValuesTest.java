package com.workplace.calendar.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BookingValuesTest {
  private static final TenantId CONTOSO = TenantId.parse("contoso.com");
  private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant TEN = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void buildsAValidRequest() {
    BookingRequest request =
        BookingRequest.builder(CONTOSO, "booking-42")
            .room("Orchard@Contoso.com")
            .subject("Planning")
            .time(NINE, TEN)
            .booker("Alex@Contoso.com", "Alex")
            .build();
    assertThat(request.calendarEmail()).contains("orchard@contoso.com");
    assertThat(request.booker().email()).isEqualTo("alex@contoso.com");
    assertThat(request.body()).isEmpty();
  }

  @Test
  void rejectsWhatCannotBeBooked() {
    assertThatThrownBy(
            () -> BookingRequest.builder(CONTOSO, "k").room("a@contoso.com").space(SpaceId.of("1")).time(NINE, TEN).booker("b@contoso.com", null).build())
        .hasMessageContaining("either a room calendar or a space");
    assertThatThrownBy(
            () -> BookingRequest.builder(CONTOSO, "k").room("a@contoso.com").time(TEN, NINE).booker("b@contoso.com", null).build())
        .hasMessageContaining("end after it starts");
    assertThatThrownBy(
            () -> BookingRequest.builder(CONTOSO, " ").room("a@contoso.com").time(NINE, TEN).booker("b@contoso.com", null).build())
        .hasMessageContaining("booking key is empty");
    assertThatThrownBy(
            () -> BookingRequest.builder(CONTOSO, "k").room("a@contoso.com").time(NINE, TEN).build())
        .hasMessageContaining("booker");
    assertThatThrownBy(
            () -> BookingRequest.builder(CONTOSO, "k").room("a@contoso.com").subject("s".repeat(256)).time(NINE, TEN).booker("b@contoso.com", null).build())
        .hasMessageContaining("subject");
  }

  @Test
  void updatesMustChangeSomethingSensible() {
    assertThat(BookingUpdate.subject("New").subject()).contains("New");
    assertThatThrownBy(() -> BookingUpdate.time(TEN, NINE)).hasMessageContaining("end after it starts");
    assertThatThrownBy(
            () -> new BookingUpdate(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty()))
        .hasMessageContaining("must change");
  }

  @Test
  void spaceIdsAreTrimmedAndBounded() {
    assertThat(SpaceId.of("  4.12 ").value()).isEqualTo("4.12");
    assertThatThrownBy(() -> SpaceId.of("  ")).hasMessageContaining("empty");
    assertThatThrownBy(() -> SpaceId.of("x".repeat(129))).hasMessageContaining("128");
    assertThatThrownBy(() -> SpaceId.of("a\tb")).hasMessageContaining("control");
  }
}
