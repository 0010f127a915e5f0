package com.workplace.calendar.graph.reliability;

import com.workplace.calendar.Page;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.store.CalendarStore;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.testkit.FakeEvent;
import com.workplace.calendar.testkit.FakeMicrosoft365;
import com.workplace.calendar.testkit.FakeTenant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a hostile call must not change: the store's records of some tenants (tenants, calendars,
 * space links, sync and subscription state, the given booking links), the fake's calendars and
 * subscriptions, and the number of HTTP requests the fake received.
 */
record WorldSnapshot(Map<String, Object> store, Map<String, List<FakeEvent>> events, List<String> subscriptions, long requests) {

  static WorldSnapshot take(
      FakeMicrosoft365 m365, CalendarStore store, Collection<FakeTenant> tenants, Collection<String> bookingKeys) {
    Map<String, Object> records = new LinkedHashMap<>();
    records.put("tenants", store.listTenants());
    Map<String, List<FakeEvent>> events = new LinkedHashMap<>();
    for (FakeTenant fake : tenants) {
      TenantId id = TenantId.parse(fake.domain());
      List<RoomCalendar> calendars = new ArrayList<>();
      CalendarQuery query = CalendarQuery.all();
      while (true) {
        Page<RoomCalendar> page = store.listCalendars(id, query);
        calendars.addAll(page.items());
        if (!page.hasNext()) {
          break;
        }
        query = query.page(query.page().next(page));
      }
      records.put(id + " calendars", calendars);
      records.put(id + " space links", store.listSpaceLinks(id));
      for (RoomCalendar calendar : calendars) {
        records.put(id + " " + calendar.email() + " sync", store.findSyncState(id, calendar.email()));
        records.put(id + " " + calendar.email() + " subscription", store.findSubscription(id, calendar.email()));
      }
      for (String key : bookingKeys) {
        records.put(id + " booking " + key, store.findBookingLink(id, key));
      }
      for (String room : fake.rooms()) {
        events.put(room, fake.events(room));
      }
    }
    List<String> subscriptions =
        m365.subscriptions().stream().map(s -> s.id() + " " + s.expirationDateTime()).sorted().toList();
    return new WorldSnapshot(records, events, subscriptions, m365.stats().totalRequests());
  }
}
