package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.csv.CsvImportOptions;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.registry.BulkAddReport;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.CalendarStatus;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.tenant.ConsentCallback;
import com.workplace.calendar.tenant.ConsentRequest;
import com.workplace.calendar.tenant.TenantId;
import com.workplace.calendar.tenant.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The demo's chapters 1 to 5, the tenant's onboarding: admin consent to "Account Verified", room
 * discovery, the CSV import, connecting the calendars and linking them to spaces. Each chapter
 * prints its part of the story and puts its results into the demo's JSON document.
 */
final class DemoOnboarding {
  private DemoOnboarding() {}

  // 1 ------------------------------------------------------------------------------------------

  static boolean authorize(AdminContext ctx, Output out, TenantId tenantId, Map<String, Object> json) throws Exception {
    out.heading("1. Authorize the tenant (admin consent)");
    LoopbackConsentListener listener = ctx.fakeListener().orElseThrow();
    listener.expect();
    ConsentRequest request = ctx.service().tenants().begin(tenantId);
    out.line("The administrator of " + tenantId + " opens the consent URL and accepts:");
    out.line("  " + request.consentUri().getScheme() + "://" + request.consentUri().getAuthority()
        + request.consentUri().getPath() + "?client_id=" + DemoOrganisation.CLIENT_ID + "&state=(hidden)&...");
    SimulatedAdministrator.visit(request.consentUri(), ctx.demo().orElseThrow().m365().sslContext(), listener);
    LoopbackConsentListener.Arrival arrival = listener.await(Duration.ofSeconds(30));
    out.line("The browser comes back to " + listener.redirectUri() + "; the SDK checks the state and proves access.");
    VerificationResult result = ctx.service().tenants().complete(ConsentCallback.fromQuery(arrival.rawQuery()));
    arrival.page().complete(LoopbackConsentListener.page(result.message(), "Demo tenant " + tenantId + "."));
    out.line("");
    TenantCommands.printVerification(out, result);
    json.put("authorization", Views.verification(result));
    return result.verified();
  }

  // 2 ------------------------------------------------------------------------------------------

  static List<DiscoveredRoom> discover(AdminContext ctx, Output out, TenantId tenantId, Map<String, Object> json) {
    out.heading("2. Discover the rooms of the tenant's directory");
    List<DiscoveredRoom> rooms = ctx.service().calendars().discoverRooms(tenantId);
    Map<String, List<DiscoveredRoom>> byList = new TreeMap<>();
    for (DiscoveredRoom room : rooms) {
      for (String list : room.roomLists().isEmpty() ? List.of("(none)") : room.roomLists()) {
        byList.computeIfAbsent(list, l -> new ArrayList<>()).add(room);
      }
    }
    Table lists = Table.of("room list", "building", "rooms", "seats");
    byList.forEach((list, members) -> lists.row(list, members.get(0).building(), members.size(),
        members.stream().mapToInt(r -> r.capacity().orElse(0)).sum()));
    out.linef("%d rooms in %d room lists:", rooms.size(), byList.size());
    out.table(lists);
    DemoOrganisation.Building campus = DemoOrganisation.BUILDINGS.get(2);
    List<DiscoveredRoom> campusRooms =
        rooms.stream().filter(r -> r.roomLists().contains(campus.roomList())).toList();
    BulkAddReport added = ctx.service().calendars().addDiscovered(tenantId, campusRooms);
    out.line("");
    out.linef("%s's %d rooms are registered straight from its room list; the other buildings come from"
        + " the facilities team's CSV file.", campus.name(), added.added());
    json.put("discovery", obj("rooms", rooms.size(), "roomLists", byList.size(), "registered", added.added()));
    return rooms;
  }

  // 3 ------------------------------------------------------------------------------------------

  static ImportReport importCsv(AdminContext ctx, Output out, TenantId tenantId, Map<String, Object> json) {
    out.heading("3. Import room calendars from a CSV file");
    out.line(DemoCommand.CSV_RESOURCE + ": the rooms of Harbour House and Mill Street with their space numbers (roomID),"
        + " as exported from a spreadsheet - with a few mistakes in it.");
    ImportReport report;
    try (InputStream csv = DemoCommand.class.getResourceAsStream(DemoCommand.CSV_RESOURCE)) {
      if (csv == null) {
        throw new IllegalStateException("the bundled " + DemoCommand.CSV_RESOURCE + " is missing from the jar");
      }
      report = CalendarsCommands.importer(ctx, CsvImportOptions.defaults()).apply(tenantId, csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CalendarsCommands.printImportReport(out, report);
    out.line("");
    out.line("Good rows are registered and linked to their space; each bad row says what to fix.");
    json.put("csvImport", Views.importReport(report));
    return report;
  }

  // 4 ------------------------------------------------------------------------------------------

  static ConnectReport connect(AdminContext ctx, Output out, TenantId tenantId, Map<String, Object> json) {
    out.heading("4. Connect the calendars");
    List<String> pending =
        ctx.calendars(tenantId, CalendarQuery.withStatus(CalendarStatus.ADDED)).stream()
            .map(RoomCalendar::email).toList();
    out.linef("Probing %d room mailboxes ($batch requests of 20, at most 4 requests per mailbox at once):",
        pending.size());
    ConnectReport report = CalendarsCommands.connect(ctx, out, tenantId, pending);
    CalendarsCommands.printConnectReport(out, report);
    json.put("connect", Views.connect(report));
    return report;
  }

  // 5 ------------------------------------------------------------------------------------------

  static void link(AdminContext ctx, Output out, TenantId tenantId, List<DiscoveredRoom> rooms, Map<String, Object> json) {
    out.heading("5. Link the calendars to the booking product's spaces");
    DemoOrganisation.Building campus = DemoOrganisation.BUILDINGS.get(2);
    int linked = 0;
    for (String email : DemoOrganisation.roomsOf(campus)) {
      if (ctx.service().calendars().get(tenantId, email).isPresent()) {
        ctx.service().spaces().link(tenantId, email, SpaceId.of(DemoOrganisation.spaceIdOf(email)), LinkMode.FAIL_IF_LINKED);
        linked++;
      }
    }
    out.linef("The CSV rows linked their rooms already; the %d %s rooms are linked now by their space number"
        + " (e.g. nc-1.01@... to space NC-1.01).", linked, campus.name());
    Map<String, SpaceLink> links =
        ctx.service().spaces().links(tenantId).stream()
            .collect(Collectors.toMap(SpaceLink::calendarEmail, Function.identity()));
    List<RoomCalendar> calendars = ctx.calendars(tenantId, CalendarQuery.all());
    Table table = Table.of("building", "calendars", "connected", "failed", "linked to a space");
    List<Map<String, Object>> buildings = new ArrayList<>();
    for (DemoOrganisation.Building building : DemoOrganisation.BUILDINGS) {
      String prefix = building.code().toLowerCase(java.util.Locale.ROOT) + "-";
      List<RoomCalendar> mine = calendars.stream().filter(c -> c.email().startsWith(prefix)).toList();
      long ok = mine.stream().filter(c -> c.status() == CalendarStatus.CONNECTED).count();
      long failed = mine.stream().filter(c -> c.status() == CalendarStatus.FAILED).count();
      long withSpace = mine.stream().filter(c -> links.containsKey(c.email())).count();
      table.row(building.name(), mine.size(), ok, failed, withSpace);
      buildings.add(obj("building", building.name(), "calendars", mine.size(), "connected", ok, "failed", failed, "linked", withSpace));
    }
    out.line("");
    out.table(table);
    SpaceLink example = links.get(DemoCommand.SYNC_ROOM);
    if (example != null) {
      out.line("");
      out.line("Space " + example.spaceId() + " ("
          + ctx.service().spaces().space(tenantId, example.spaceId()).map(s -> s.name() + ", " + s.location().orElse("")).orElse("")
          + ") is booked through " + example.calendarEmail() + ".");
    }
    json.put("links", obj("linkedNow", linked, "total", links.size(), "buildings", buildings));
  }
}
