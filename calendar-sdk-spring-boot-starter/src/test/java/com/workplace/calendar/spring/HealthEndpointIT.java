package com.workplace.calendar.spring;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.spring.app.TestApplication;
import com.workplace.calendar.spring.test.CalendarSdkFakeTest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.testkit.FakeApp;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The health endpoint shows each tenant: a revoked one DOWN with what to do, a working one UP. */
@SpringBootTest(
    classes = TestApplication.class,
    properties = {
      "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
      "workplace.calendar.verification-timeout=0s",
      "workplace.calendar.health.cache-ttl=0s",
      "workplace.calendar.sync.auto-start=false",
      "management.endpoints.web.exposure.include=health",
      "management.endpoint.health.show-details=always"
    })
@AutoConfigureMockMvc
@CalendarSdkFakeTest(consentedTenants = {HealthEndpointIT.WORKING, HealthEndpointIT.REVOKED})
class HealthEndpointIT {
  static final String WORKING = "working.onmicrosoft.com";
  static final String REVOKED = "revoked.onmicrosoft.com";

  @Autowired MockMvc mvc;
  @Autowired FakeMicrosoft365 m365;
  @Autowired FakeApp app;
  @Autowired CalendarService calendars;

  @Test
  void aRevokedTenantIsDownWithWhatToDoAndAWorkingOneIsUp() throws Exception {
    for (String domain : List.of(WORKING, REVOKED)) {
      String room = "orchard@" + domain;
      m365.tenant(domain).addRoom(room, "Orchard");
      TenantId tenant = TenantId.parse(domain);
      calendars.tenants().begin(tenant);
      Assertions.assertThat(calendars.tenants().verify(tenant, room).verified()).isTrue();
      calendars.calendars().add(tenant, room);
      calendars.calendars().connect(tenant);
      calendars.sync().syncNow(tenant, room);
    }
    m365.tenant(REVOKED).revokeConsent(app.clientId());
    Assertions.assertThat(calendars.tenants().verify(TenantId.parse(REVOKED)).status())
        .isEqualTo(TenantStatus.REVOKED);

    mvc.perform(get("/actuator/health/calendar"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.status").value("DOWN"))
        .andExpect(jsonPath("$.components['" + REVOKED + "'].status").value("DOWN"))
        .andExpect(jsonPath("$.components['" + REVOKED + "'].details.status").value("REVOKED"))
        .andExpect(jsonPath("$.components['" + REVOKED + "'].details.reason").value("APP_NOT_CONSENTED"))
        .andExpect(jsonPath("$.components['" + REVOKED + "'].details.action").isNotEmpty())
        .andExpect(jsonPath("$.components['" + WORKING + "'].status").value("UP"))
        .andExpect(jsonPath("$.components['" + WORKING + "'].details.status").value("VERIFIED"))
        .andExpect(jsonPath("$.components['" + WORKING + "'].details.calendars.connected").value(1))
        .andExpect(jsonPath("$.components['" + WORKING + "'].details.sync.neverSynced").value(0))
        .andExpect(jsonPath("$.components['" + WORKING + "'].details.sync.lastSuccessfulSyncAge").isNotEmpty())
        .andExpect(jsonPath("$.components['" + WORKING + "'].details.subscriptions.enabled").value(false));

    mvc.perform(get("/actuator/health/calendar/" + WORKING))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"));
  }
}
