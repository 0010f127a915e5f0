package com.workplace.calendar.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.spring.app.TestApplication;
import com.workplace.calendar.spring.test.CalendarSdkFakeTest;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.TenantStatus;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A host's own CalendarStore bean replaces the default one, and the service keeps its state there. */
@SpringBootTest(
    classes = {TestApplication.class, CustomStoreIT.HostStore.class},
    properties = {
      "workplace.calendar.redirect-uri=https://workplace.example.com/calendar/consent",
      "workplace.calendar.verification-timeout=0s",
      "spring.datasource.url=jdbc:h2:mem:custom-store;DB_CLOSE_DELAY=-1"
    })
@CalendarSdkFakeTest(consentedTenants = CustomStoreIT.DOMAIN)
class CustomStoreIT {
  static final String DOMAIN = "custom.onmicrosoft.com";

  /** The host's store. */
  @TestConfiguration
  static class HostStore {
    static final InMemoryCalendarStore STORE = InMemoryCalendarStore.create();

    @Bean
    CalendarStore hostCalendarStore() {
      return STORE;
    }
  }

  @Autowired CalendarStore store;
  @Autowired CalendarService calendars;
  @Autowired FakeMicrosoft365 m365;

  @Test
  void theHostsStoreIsUsedEvenBesideADataSource() {
    assertThat(store).isSameAs(HostStore.STORE);
    m365.tenant(DOMAIN).addRoom("orchard@" + DOMAIN, "Orchard");
    TenantId tenant = TenantId.parse(DOMAIN);
    calendars.tenants().begin(tenant);
    assertThat(calendars.tenants().verify(tenant, "orchard@" + DOMAIN).status()).isEqualTo(TenantStatus.VERIFIED);
    assertThat(HostStore.STORE.findTenant(tenant).orElseThrow().status()).isEqualTo(TenantStatus.VERIFIED);
  }
}
