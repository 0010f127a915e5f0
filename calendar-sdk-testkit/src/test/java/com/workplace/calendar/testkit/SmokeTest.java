package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {

  @Test
  void tokenThenCalendar() {
    try (FakeMicrosoft365 m365 = FakeMicrosoft365.builder().start()) {
      FakeApp app = m365.registerApp();
      FakeTenant t = m365.tenant("contoso.onmicrosoft.com")
          .grantAdminConsent(app.clientId())
          .addRoom("orchard@contoso.onmicrosoft.com", "Orchard");
      Http http = new Http(m365);
      String token = http.token(t, app);
      Http.Reply r = http.get("users/orchard%40contoso.onmicrosoft.com/calendar?$select=id", token);
      assertThat(r.status()).isEqualTo(200);
    }
  }
}
