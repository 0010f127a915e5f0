package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@FakeMicrosoft365Test(consentMode = ConsentMode.DECLINE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeclarativeExtensionTest {

  private static FakeMicrosoft365 first;

  @Test
  @Order(1)
  void injectsARunningFakeConfiguredByTheAnnotation(FakeMicrosoft365 m365) {
    first = m365;
    assertThat(m365.isRunning()).isTrue();
    FakeApp app = m365.newApp().redirectUris("https://x.example/cb").register();
    FakeTenant t = m365.tenant("contoso.onmicrosoft.com");
    Http.Reply r = new Http(m365).get(m365.authorityUri() + t.id() + "/adminconsent?client_id="
        + app.clientId() + "&redirect_uri=https%3A%2F%2Fx.example%2Fcb", null);
    assertThat(r.header("Location")).contains("error=access_denied");
  }

  @Test
  @Order(2)
  void sharesTheServerButResetsState(FakeMicrosoft365 m365) {
    assertThat(m365).isSameAs(first);
    assertThat(m365.findTenant("contoso.onmicrosoft.com")).isEmpty();
  }

  @Nested
  class Inner {
    @Test
    void nestedClassesShareTheOuterFake(FakeMicrosoft365 m365) {
      assertThat(m365.isRunning()).isTrue();
      if (first != null) {
        assertThat(m365).isSameAs(first);
      }
    }
  }
}
