package com.workplace.calendar.testkit.contract;

import static com.workplace.calendar.testkit.contract.StoreFixtures.CONTOSO;
import static com.workplace.calendar.testkit.contract.StoreFixtures.FABRIKAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.workplace.calendar.DuplicateRecordException;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.StaleRecordException;
import com.workplace.calendar.registry.CalendarFailureReason;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.RoomBookingRules;
import com.workplace.calendar.registry.RoomBookingType;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.BookingLink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Room calendars, space links and booking links. */
abstract class CalendarAndLinkCases extends TenantAndConsentCases {
  static final String ORCHARD = "orchard@contoso.onmicrosoft.com";
  static final String MARINA = "marina@contoso.onmicrosoft.com";

  void givenTenants() {
    store.insertTenant(fixtures.tenant(CONTOSO));
    store.insertTenant(fixtures.tenant(FABRIKAM));
  }

  @Test
  void calendarNeedsAStoredTenant() {
    assertThrows(
        ResourceNotFoundException.class,
        () -> store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD)));
    assertEquals(0, store.countCalendars(CONTOSO));
  }

  @Test
  void insertedCalendarIsFoundWithVersionOne() {
    givenTenants();
    RoomCalendar stored =
        store.insertCalendar(RoomCalendar.added(CONTOSO, ORCHARD, "Orchard", START));
    assertEquals(1, stored.version());
    assertEquals(Optional.of(stored), store.findCalendar(CONTOSO, ORCHARD));
    assertEquals(Optional.of("Orchard"), stored.displayName());
    assertEquals(Optional.empty(), store.findCalendar(FABRIKAM, ORCHARD));
  }

  @Test
  void duplicateCalendarIsRefusedAndTheSameAddressMayLiveInAnotherTenant() {
    givenTenants();
    RoomCalendar first = store.insertCalendar(RoomCalendar.added(CONTOSO, ORCHARD, "A", START));
    assertThrows(
        DuplicateRecordException.class,
        () -> store.insertCalendar(RoomCalendar.added(CONTOSO, ORCHARD, "B", START)));
    assertEquals(Optional.of(first), store.findCalendar(CONTOSO, ORCHARD));
    store.insertCalendar(fixtures.calendar(FABRIKAM, ORCHARD));
    assertEquals(1, store.countCalendars(CONTOSO));
    assertEquals(1, store.countCalendars(FABRIKAM));
  }

  @Test
  void bookingTypeAndBookingRulesAreStoredAndUpdated() {
    givenTenants();
    RoomCalendar v1 = store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    assertEquals(RoomBookingType.UNKNOWN, v1.bookingType());
    assertTrue(v1.bookingRules().isEmpty());

    RoomBookingRules rules =
        RoomBookingRules.none()
            .withBookingWindowInDays(180)
            .withMaximumDurationInMinutes(0)
            .withAllowConflicts(false)
            .withAllowRecurringMeetings(true);
    RoomCalendar v2 =
        store.updateCalendar(v1.withBookingRules(rules).withBookingType(RoomBookingType.RESERVED));
    assertEquals(2, v2.version());
    RoomCalendar found = store.findCalendar(CONTOSO, ORCHARD).orElseThrow();
    assertEquals(rules, found.bookingRules());
    assertEquals(RoomBookingType.RESERVED, found.bookingType());
    assertEquals(v2, found);

    RoomCalendar partial =
        store.updateCalendar(
            found.withBookingRules(RoomBookingRules.none().withAllowConflicts(true)));
    assertEquals(
        RoomBookingRules.none().withAllowConflicts(true),
        store.findCalendar(CONTOSO, ORCHARD).orElseThrow().bookingRules());

    assertThrows(
        StaleRecordException.class,
        () -> store.updateCalendar(found.withBookingRules(RoomBookingRules.none())));
    assertEquals(Optional.of(partial), store.findCalendar(CONTOSO, ORCHARD));
  }

  @Test
  void bookingTypeAndRulesSurviveStatusChangesAndAreListed() {
    givenTenants();
    RoomBookingRules rules = RoomBookingRules.none().withMaximumDurationInMinutes(90);
    RoomCalendar stored =
        store.insertCalendar(
            RoomCalendar.added(CONTOSO, ORCHARD, "Orchard", START)
                .withBookingType(RoomBookingType.STANDARD)
                .withBookingRules(rules));
    assertEquals(rules, stored.bookingRules());
    RoomCalendar connected = store.updateCalendar(stored.connected(START));
    assertEquals(rules, connected.bookingRules());
    assertEquals(RoomBookingType.STANDARD, connected.bookingType());
    Page<RoomCalendar> page = store.listCalendars(CONTOSO, CalendarQuery.all());
    assertEquals(List.of(connected), page.items());
  }

  @Test
  void calendarUpdatesAreVersioned() {
    givenTenants();
    RoomCalendar v1 = store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    RoomCalendar v2 =
        store.updateCalendar(
            v1.failed(CalendarFailureReason.ACCESS_DENIED_BY_POLICY, "ErrorAccessDenied", START));
    assertEquals(2, v2.version());
    assertEquals(CalendarStatus.FAILED, v2.status());
    assertEquals(Optional.of("ErrorAccessDenied"), v2.failureDetail());
    assertThrows(StaleRecordException.class, () -> store.updateCalendar(v1.connected(START)));
    assertEquals(Optional.of(v2), store.findCalendar(CONTOSO, ORCHARD));
    assertThrows(
        ResourceNotFoundException.class,
        () -> store.updateCalendar(fixtures.calendar(CONTOSO, MARINA).withVersion(1)));
  }

  @Test
  void calendarsArePagedInAddressOrderWithAStatusFilter() {
    givenTenants();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String email = String.format("room%02d@contoso.onmicrosoft.com", 24 - i);
      RoomCalendar stored = store.insertCalendar(fixtures.calendar(CONTOSO, email));
      if (i % 2 == 0) {
        store.updateCalendar(stored.connected(START));
      }
    }
    store.insertCalendar(fixtures.calendar(FABRIKAM, "other@fabrikam.com"));
    for (int i = 0; i < 25; i++) {
      expected.add(String.format("room%02d@contoso.onmicrosoft.com", i));
    }

    List<String> seen = new ArrayList<>();
    CalendarQuery query = CalendarQuery.all().page(PageRequest.first(10));
    int pages = 0;
    while (true) {
      Page<RoomCalendar> page = store.listCalendars(CONTOSO, query);
      pages++;
      assertTrue(page.items().size() <= 10, "a page holds at most the requested size");
      page.items().forEach(c -> seen.add(c.email()));
      if (!page.hasNext()) {
        break;
      }
      query = query.page(query.page().next(page));
    }
    assertEquals(expected, seen);
    assertEquals(3, pages);

    Page<RoomCalendar> connected =
        store.listCalendars(
            CONTOSO, CalendarQuery.withStatus(CalendarStatus.CONNECTED).page(PageRequest.first(100)));
    assertEquals(13, connected.items().size());
    assertTrue(connected.items().stream().allMatch(c -> c.status() == CalendarStatus.CONNECTED));
    assertFalse(connected.hasNext());
    assertEquals(25, store.countCalendars(CONTOSO));
  }

  @Test
  void exactlyFullLastPageHasNoNextCursorOrAnEmptyFollower() {
    givenTenants();
    for (int i = 0; i < 4; i++) {
      store.insertCalendar(fixtures.calendar(CONTOSO, "r" + i + "@contoso.onmicrosoft.com"));
    }
    Page<RoomCalendar> first = store.listCalendars(CONTOSO, CalendarQuery.all().page(PageRequest.first(2)));
    assertEquals(2, first.items().size());
    Page<RoomCalendar> second =
        store.listCalendars(
            CONTOSO, CalendarQuery.all().page(PageRequest.first(2).next(first)));
    assertEquals(2, second.items().size());
    if (second.hasNext()) {
      Page<RoomCalendar> third =
          store.listCalendars(CONTOSO, CalendarQuery.all().page(PageRequest.first(2).next(second)));
      assertTrue(third.items().isEmpty());
      assertFalse(third.hasNext());
    }
  }

  @Test
  void deletingACalendarRemovesItsLinksStateAndSubscription() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    store.insertCalendar(fixtures.calendar(CONTOSO, MARINA));
    store.putSpaceLink(fixtures.link(CONTOSO, "S-1", ORCHARD), false);
    store.putSpaceLink(fixtures.link(CONTOSO, "S-2", MARINA), false);
    store.insertBookingLink(fixtures.booking(CONTOSO, "b-1", ORCHARD));
    store.insertBookingLink(fixtures.booking(CONTOSO, "b-2", MARINA));
    store.saveSyncState(fixtures.sync(CONTOSO, ORCHARD, "link", Set.of("e1")));
    store.saveSubscription(fixtures.subscription(CONTOSO, ORCHARD, "sub-1", Duration.ofHours(1)));

    assertTrue(store.deleteCalendar(CONTOSO, ORCHARD));
    assertFalse(store.deleteCalendar(CONTOSO, ORCHARD));

    assertEquals(Optional.empty(), store.findCalendar(CONTOSO, ORCHARD));
    assertEquals(Optional.empty(), store.findSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1")));
    assertEquals(Optional.empty(), store.findBookingLink(CONTOSO, "b-1"));
    assertEquals(Optional.empty(), store.findSyncState(CONTOSO, ORCHARD));
    assertEquals(Optional.empty(), store.findSubscriptionById("sub-1"));
    assertTrue(store.findSpaceLinkBySpace(CONTOSO, SpaceId.of("S-2")).isPresent());
    assertTrue(store.findBookingLink(CONTOSO, "b-2").isPresent());
  }

  @Test
  void spaceLinkIsFoundBothWays() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    SpaceLink stored = store.putSpaceLink(fixtures.link(CONTOSO, "S-1", ORCHARD), false);
    assertEquals(1, stored.version());
    assertEquals(Optional.of(stored), store.findSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1")));
    assertEquals(Optional.of(stored), store.findSpaceLinkByCalendar(CONTOSO, ORCHARD));
    assertEquals(Optional.empty(), store.findSpaceLinkBySpace(FABRIKAM, SpaceId.of("S-1")));
  }

  @Test
  void spaceLinkNeedsARegisteredCalendar() {
    givenTenants();
    assertThrows(
        ResourceNotFoundException.class,
        () -> store.putSpaceLink(fixtures.link(CONTOSO, "S-1", ORCHARD), false));
    assertTrue(store.listSpaceLinks(CONTOSO).isEmpty());
  }

  @Test
  void aSpaceLinkedElsewhereIsRefusedUnlessReplaced() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    store.insertCalendar(fixtures.calendar(CONTOSO, MARINA));
    SpaceLink first = store.putSpaceLink(fixtures.link(CONTOSO, "S-1", ORCHARD), false);

    assertThrows(
        DuplicateRecordException.class,
        () -> store.putSpaceLink(fixtures.link(CONTOSO, "S-1", MARINA), false));
    assertEquals(Optional.of(first), store.findSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1")));
    assertEquals(Optional.empty(), store.findSpaceLinkByCalendar(CONTOSO, MARINA));

    store.putSpaceLink(fixtures.link(CONTOSO, "S-1", MARINA), true);
    assertEquals(MARINA, store.findSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1")).orElseThrow().calendarEmail());
    assertEquals(Optional.empty(), store.findSpaceLinkByCalendar(CONTOSO, ORCHARD));
    assertEquals(1, store.listSpaceLinks(CONTOSO).size());
  }

  @Test
  void relinkingACalendarDropsItsOldSpace() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    store.putSpaceLink(fixtures.link(CONTOSO, "S-1", ORCHARD), false);
    store.putSpaceLink(fixtures.link(CONTOSO, "S-2", ORCHARD), false);
    assertEquals(Optional.empty(), store.findSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1")));
    assertEquals(
        SpaceId.of("S-2"), store.findSpaceLinkByCalendar(CONTOSO, ORCHARD).orElseThrow().spaceId());
  }

  @Test
  void spaceLinksAreDeletedBySpaceOrCalendarAndListedInSpaceOrder() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    store.insertCalendar(fixtures.calendar(CONTOSO, MARINA));
    store.insertCalendar(fixtures.calendar(CONTOSO, "atrium@contoso.onmicrosoft.com"));
    store.putSpaceLink(fixtures.link(CONTOSO, "S-3", ORCHARD), false);
    store.putSpaceLink(fixtures.link(CONTOSO, "S-1", MARINA), false);
    store.putSpaceLink(fixtures.link(CONTOSO, "S-2", "atrium@contoso.onmicrosoft.com"), false);
    assertEquals(
        List.of("S-1", "S-2", "S-3"),
        store.listSpaceLinks(CONTOSO).stream().map(l -> l.spaceId().value()).toList());

    assertTrue(store.deleteSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1")));
    assertFalse(store.deleteSpaceLinkBySpace(CONTOSO, SpaceId.of("S-1")));
    assertTrue(store.deleteSpaceLinkByCalendar(CONTOSO, ORCHARD));
    assertFalse(store.deleteSpaceLinkByCalendar(CONTOSO, ORCHARD));
    assertEquals(
        List.of("S-2"),
        store.listSpaceLinks(CONTOSO).stream().map(l -> l.spaceId().value()).toList());
    assertTrue(store.findCalendar(CONTOSO, ORCHARD).isPresent(), "unlinking keeps the calendar");
  }

  @Test
  void bookingLinksAreKeyedPerTenantAndVersioned() {
    givenTenants();
    store.insertCalendar(fixtures.calendar(CONTOSO, ORCHARD));
    store.insertCalendar(fixtures.calendar(FABRIKAM, ORCHARD));
    BookingLink v1 = store.insertBookingLink(fixtures.booking(CONTOSO, "b-1", ORCHARD));
    assertEquals(1, v1.version());
    assertThrows(
        DuplicateRecordException.class,
        () -> store.insertBookingLink(fixtures.booking(CONTOSO, "b-1", ORCHARD)));
    store.insertBookingLink(fixtures.booking(FABRIKAM, "b-1", ORCHARD));

    BookingLink v2 = store.updateBookingLink(v1.withEventId("AAMkAGI2-event"));
    assertEquals(2, v2.version());
    assertEquals(Optional.of(v2), store.findBookingLink(CONTOSO, "b-1"));
    assertEquals(Optional.of(v2), store.findBookingLinkByEvent(CONTOSO, ORCHARD, "AAMkAGI2-event"));
    assertEquals(Optional.empty(), store.findBookingLinkByEvent(CONTOSO, MARINA, "AAMkAGI2-event"));
    assertEquals(Optional.empty(), store.findBookingLinkByEvent(FABRIKAM, ORCHARD, "AAMkAGI2-event"));
    assertEquals(Optional.of(v2), store.findBookingLinkByTransaction(CONTOSO, "tx-b-1"));
    assertEquals(
        "b-1", store.findBookingLinkByTransaction(FABRIKAM, "tx-b-1").orElseThrow().bookingKey());
    assertEquals(Optional.empty(), store.findBookingLinkByTransaction(CONTOSO, "tx-unknown"));

    assertThrows(StaleRecordException.class, () -> store.updateBookingLink(v1.withEventId("x")));
    assertEquals(Optional.of(v2), store.findBookingLink(CONTOSO, "b-1"));

    assertTrue(store.deleteBookingLink(CONTOSO, "b-1"));
    assertFalse(store.deleteBookingLink(CONTOSO, "b-1"));
    assertEquals(Optional.empty(), store.findBookingLinkByTransaction(CONTOSO, "tx-b-1"));
    assertTrue(store.findBookingLink(FABRIKAM, "b-1").isPresent());
  }

  @Test
  void bookingLinkNeedsARegisteredCalendar() {
    givenTenants();
    assertThrows(
        ResourceNotFoundException.class,
        () -> store.insertBookingLink(fixtures.booking(CONTOSO, "b-1", ORCHARD)));
    assertEquals(Optional.empty(), store.findBookingLink(CONTOSO, "b-1"));
  }
}
