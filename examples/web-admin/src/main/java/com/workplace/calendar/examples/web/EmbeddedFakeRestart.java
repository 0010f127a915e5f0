package com.workplace.calendar.examples.web;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.examples.admin.DemoOrganisation;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.store.SyncState;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantStatus;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * With the embedded fake, reconciles the database with a Microsoft 365 that is new at every start,
 * before the background work begins: a tenant authorized in an earlier run is granted consent again
 * in the new fake (the administrator gave it then), and delta links of an earlier fake are
 * forgotten (they point at a port nobody listens on), so the next round of those calendars starts
 * over. Does nothing against a real tenant.
 */
@Component
final class EmbeddedFakeRestart implements SmartInitializingSingleton {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFakeRestart.class);
  private static final Set<TenantStatus> AUTHORIZED = EnumSet.of(TenantStatus.CONSENTED, TenantStatus.VERIFIED);

  private final ObjectProvider<DemoOrganisation> demo;
  private final CalendarStore store;

  EmbeddedFakeRestart(ObjectProvider<DemoOrganisation> demo, CalendarStore store) {
    this.demo = demo;
    this.store = store;
  }

  @Override
  public void afterSingletonsInstantiated() {
    DemoOrganisation organisation = demo.getIfAvailable();
    if (organisation == null) {
      return;
    }
    String graph = organisation.m365().graphUri().toString();
    int forgotten = 0;
    for (Tenant tenant : store.listTenants()) {
      if (AUTHORIZED.contains(tenant.status())) {
        organisation
            .m365()
            .findTenant(tenant.id().value())
            .ifPresent(t -> t.grantAdminConsent(organisation.app().clientId()));
      }
      forgotten += forgetOldDeltaLinks(tenant, graph);
    }
    if (forgotten > 0) {
      LOG.info("{} calendars start their sync over with the new embedded Microsoft 365", forgotten);
    }
  }

  private int forgetOldDeltaLinks(Tenant tenant, String graph) {
    int forgotten = 0;
    CalendarQuery query = new CalendarQuery(Set.of(), PageRequest.first(PageRequest.MAX_SIZE));
    while (true) {
      Page<RoomCalendar> page = store.listCalendars(tenant.id(), query);
      for (RoomCalendar calendar : page.items()) {
        Optional<SyncState> state = store.findSyncState(tenant.id(), calendar.email());
        if (state.isPresent() && state.get().deltaLink().filter(l -> !l.startsWith(graph)).isPresent()) {
          SyncState s = state.get();
          store.saveSyncState(
              new SyncState(
                  s.tenantId(), s.calendarEmail(), Optional.empty(), s.windowStart(), s.windowEnd(),
                  s.knownEventIds(), s.lastSyncAt(), s.version()));
          forgotten++;
        }
      }
      if (!page.hasNext()) {
        return forgotten;
      }
      query = query.page(query.page().next(page));
    }
  }
}
