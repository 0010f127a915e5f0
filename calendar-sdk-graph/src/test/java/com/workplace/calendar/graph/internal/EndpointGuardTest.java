package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarClientException;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointGuardTest {
  private final EndpointGuard guard = new EndpointGuard(HttpUrl.get("https://graph.microsoft.com/v1.0/"));

  @Test
  void linksOnTheEndpointPass() {
    assertThat(guard.checkedLink("https://graph.microsoft.com/v1.0/users/a/calendarView/delta?$deltatoken=x"))
        .isNotNull();
    guard.check(HttpUrl.get("https://GRAPH.microsoft.com/v1.0/$batch"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.example/v1.0/users",
        "http://graph.microsoft.com/v1.0/users",
        "https://graph.microsoft.com:8443/v1.0/users",
        "https://graph.microsoft.com/beta/users",
        "https://graph.microsoft.com.evil.example/v1.0/users",
        "not a url"
      })
  void everythingElseIsRefusedWithoutNamingMoreThanTheHost(String link) {
    assertThatThrownBy(() -> guard.checkedLink(link))
        .isInstanceOf(CalendarClientException.class)
        .hasMessageContaining("configured Graph endpoint")
        .hasMessageNotContaining("users");
  }

  @Test
  void requestsOffTheEndpointGetNoToken() {
    assertThatThrownBy(() -> guard.check(HttpUrl.get("https://graph.microsoft.com/beta/me")))
        .isInstanceOf(CalendarClientException.class)
        .hasMessageContaining("refusing to send a token");
  }
}
