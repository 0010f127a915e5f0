package com.workplace.calendar.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.tenant.TenantId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

  @Test
  void trimsAndLowerCases() {
    assertThat(EmailAddresses.normalize("  Orchard@Contoso.OnMicrosoft.com \t"))
        .isEqualTo("orchard@contoso.onmicrosoft.com");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "room.4-12@contoso.com",
        "conf_room+east@rooms.contoso.co.uk",
        "a@b.io",
        "o'brien@contoso.com"
      })
  void acceptsRealMailboxAddresses(String email) {
    assertThat(EmailAddresses.isValid(email)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "orchard",
        "orchard@",
        "@contoso.com",
        "orchard@contoso",
        "orch ard@contoso.com",
        "orchard@@contoso.com",
        ".orchard@contoso.com",
        "orchard.@contoso.com",
        "or..chard@contoso.com",
        "orchard@-contoso.com",
        "orchard@contoso..com",
        "\"quoted\"@contoso.com",
        "orchard@contoso.com\u0000",
        "=HYPERLINK(\"x\")@contoso.com"
      })
  void rejectsInvalidAddressesSayingWhy(String email) {
    assertThat(EmailAddresses.isValid(email)).isFalse();
    assertThatThrownBy(() -> EmailAddresses.normalize(email))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("e-mail address");
  }

  @Test
  void rejectsNullAndOverlongAddresses() {
    assertThatThrownBy(() -> EmailAddresses.normalize(null)).hasMessageContaining("missing");
    assertThatThrownBy(() -> EmailAddresses.normalize("a".repeat(65) + "@contoso.com"))
        .hasMessageContaining("before '@'");
    assertThatThrownBy(() -> EmailAddresses.normalize("a@" + "b".repeat(250) + ".com"))
        .hasMessageContaining("254");
  }

  @Test
  void roomCalendarsNormalizeTheirAddress() {
    RoomCalendar calendar =
        RoomCalendar.added(TenantId.parse("contoso.com"), " Orchard@Contoso.com ", "  ", Instant.EPOCH);
    assertThat(calendar.email()).isEqualTo("orchard@contoso.com");
    assertThat(calendar.displayName()).isEmpty();
    assertThat(calendar.status()).isEqualTo(CalendarStatus.ADDED);
  }
}
