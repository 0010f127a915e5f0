package com.workplace.calendar.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The time-zone names the fake accepts: every Windows zone Exchange knows, and IANA names. */
class GraphTimeTest {

  @Test
  void everyWindowsZoneIsKnownWithItsPrimaryLocation() {
    assertThat(GraphTime.windowsZoneNames()).hasSizeGreaterThan(130)
        .allSatisfy(name -> assertThat(GraphTime.zone(name)).as(name).isNotNull());
    assertThat(GraphTime.zone("W. Europe Standard Time")).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(GraphTime.zone("eastern standard time")).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(GraphTime.zone("Korea Standard Time")).isEqualTo(ZoneId.of("Asia/Seoul"));
    assertThat(GraphTime.zone("Coordinated Universal Time")).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void ianaNamesPassAndUnknownNamesAreRefused() {
    assertThat(GraphTime.zone("Europe/Amsterdam")).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(GraphTime.zone("Middle Earth Standard Time")).isNull();
    assertThatThrownBy(() -> GraphTime.parse(
            Json.object("dateTime", "2030-01-01T10:00:00", "timeZone", "Mars/Olympus"), "start"))
        .isInstanceOf(GraphException.class)
        .hasMessageContaining("Mars/Olympus");
    assertThat(GraphTime.parse(Json.object("dateTime", "2030-07-01T10:00:00",
        "timeZone", "Korea Standard Time"), "start")).isEqualTo(Instant.parse("2030-07-01T01:00:00Z"));
  }
}
