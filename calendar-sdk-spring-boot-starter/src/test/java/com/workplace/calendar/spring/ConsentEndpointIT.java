package com.workplace.calendar.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.spring.app.Consent;
import com.workplace.calendar.spring.app.TestApplication;
import com.workplace.calendar.spring.test.CalendarSdkFakeTest;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The consent redirect endpoint completes a consent against the fake and sends the admin on. */
@SpringBootTest(
    classes = TestApplication.class,
    properties = {
      "workplace.calendar.redirect-uri=https://workplace.example.com/admin/calendar/consent",
      "workplace.calendar.web.consent.enabled=true",
      "workplace.calendar.web.consent.result-page=/admin/calendar?from=consent",
      "workplace.calendar.verification-timeout=0s"
    })
@AutoConfigureMockMvc
@CalendarSdkFakeTest
class ConsentEndpointIT {
  private static final String DOMAIN = "consent.onmicrosoft.com";

  @Autowired MockMvc mvc;
  @Autowired FakeMicrosoft365 m365;
  @Autowired CalendarService calendars;

  @Test
  void theRedirectCompletesTheConsentAndSendsTheAdministratorToTheResultPage() throws Exception {
    m365.tenant(DOMAIN).addRoom("orchard@" + DOMAIN, "Orchard");
    TenantId tenant = TenantId.parse(DOMAIN);
    ConsentRequest request = calendars.tenants().begin(tenant);
    URI back = Consent.redirectFrom(m365, request.consentUri());
    assertThat(back.getPath()).isEqualTo("/admin/calendar/consent");

    MvcResult done =
        mvc.perform(get(back.getPath() + "?" + back.getRawQuery()))
            .andExpect(status().isSeeOther())
            .andExpect(header().string("Referrer-Policy", "no-referrer"))
            .andExpect(header().string("Cache-Control", "no-store"))
            .andReturn();

    String location = done.getResponse().getHeader("Location");
    assertThat(location)
        .startsWith("/admin/calendar?from=consent&outcome=VERIFIED&tenant=")
        .doesNotContain(request.state())
        .doesNotContain("state=");
    assertThat(calendars.tenants().get(tenant).orElseThrow().status()).isEqualTo(TenantStatus.VERIFIED);

    MvcResult replayed =
        mvc.perform(get(back.getPath() + "?" + back.getRawQuery())).andExpect(status().isSeeOther()).andReturn();
    assertThat(replayed.getResponse().getHeader("Location"))
        .isEqualTo("/admin/calendar?from=consent&outcome=REJECTED&reason=INVALID_STATE");
    assertThat(calendars.tenants().get(tenant).orElseThrow().status()).isEqualTo(TenantStatus.VERIFIED);

    MvcResult forged =
        mvc.perform(get("/admin/calendar/consent?admin_consent=True&state=guessed"))
            .andExpect(status().isSeeOther())
            .andReturn();
    assertThat(forged.getResponse().getHeader("Location")).contains("outcome=REJECTED");
    mvc.perform(get("/admin/calendar/consent?" + "x=".repeat(5000)))
        .andExpect(status().isSeeOther())
        .andExpect(header().string("Location", "/admin/calendar?from=consent&outcome=REJECTED&reason=INVALID_CALLBACK"));
  }

  @Test
  void aDeclinedConsentIsReportedWithItsReason() throws Exception {
    m365.tenant("declined.onmicrosoft.com").consentMode(com.workplace.calendar.testkit.ConsentMode.DECLINE);
    ConsentRequest request = calendars.tenants().begin(TenantId.parse("declined.onmicrosoft.com"));
    URI back = Consent.redirectFrom(m365, request.consentUri());

    MvcResult done = mvc.perform(get(back.getPath() + "?" + back.getRawQuery())).andExpect(status().isSeeOther()).andReturn();

    assertThat(done.getResponse().getHeader("Location")).contains("outcome=FAILED").contains("reason=CONSENT_DECLINED");
  }
}
