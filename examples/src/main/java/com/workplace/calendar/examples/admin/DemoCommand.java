package com.workplace.calendar.examples.admin;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.booking.Booking;
import com.workplace.calendar.csv.ImportReport;
import com.workplace.calendar.registry.ConnectReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code calendar-admin demo}: the whole administrator's story against the embedded fake, in
 * order, as tables. Self-contained: it seeds the demo organisation, forgets the demo tenant's earlier
 * state in the store, and leaves its results there for the other commands to look at.
 *
 * <p>This class frames the story (the introduction, the summary, the exit code) and runs its
 * chapters in order: {@link DemoOnboarding} (1-5), {@link DemoBookings} (6-8) with {@link
 * DemoRoomTruth} (6b), and {@link DemoThrottlingBurst} (9).
 */
@Command(
    name = "demo",
    description = {
      "Tells the whole story against the embedded Microsoft 365 fake, in order: authorize a tenant,"
          + " discover rooms, import a CSV with bad rows, connect (with the real reasons for failures),"
          + " link to spaces, book, end early, see a booking made in Outlook arrive through sync, and"
          + " ride out a throttling burst.",
      "Its results stay in the store: afterwards try 'calendar-admin calendars list'."
    })
final class DemoCommand extends AdminCommand {
  static final String CSV_RESOURCE = "demo-rooms.csv";
  static final String SYNC_ROOM = "hh-2.01@" + DemoOrganisation.DOMAIN;

  private final Map<String, Object> json = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (root().settings().target() != Settings.Target.fake) {
      throw AdminException.usage(
          "the demo runs against the embedded Microsoft 365 fake only",
          "run it without --target microsoft365 (and without CALENDAR_ADMIN_TARGET)");
    }
    AdminContext ctx = ctx();
    if (!ctx.isFake()) {
      throw AdminException.usage(
          "the demo runs against the embedded Microsoft 365 fake only",
          "run it without --target microsoft365 (and without CALENDAR_ADMIN_TARGET)");
    }
    Output out = out();
    Instant started = Instant.now();
    DemoOrganisation demo = ctx.demo().orElseThrow();
    CalendarService service = ctx.service();
    TenantId tenantId = TenantId.parse(DemoOrganisation.DOMAIN);

    out.line("Workplace Calendar SDK demo");
    out.line("Microsoft 365: " + ctx.targetDescription());
    out.linef("  %d buildings, %d room mailboxes in room lists, %d rooms blocked by an application access"
            + " policy, a room whose mailbox was deleted, a room without an Exchange Online mailbox",
        DemoOrganisation.BUILDINGS.size(), demo.rooms().size(), DemoOrganisation.BLOCKED_ROOMS.size());
    out.line("Store: " + ctx.storeDescription());
    out.line("Spaces: " + ctx.spaces().source() + ", " + ctx.spaces().size() + " spaces");
    if (service.tenants().get(tenantId).isPresent()) {
      service.tenants().remove(tenantId, true);
      out.line("(the demo tenant's state from an earlier run was removed from the store)");
    }

    boolean verified = DemoOnboarding.authorize(ctx, out, tenantId, json);
    List<DiscoveredRoom> rooms = DemoOnboarding.discover(ctx, out, tenantId, json);
    ImportReport report = DemoOnboarding.importCsv(ctx, out, tenantId, json);
    ConnectReport connected = DemoOnboarding.connect(ctx, out, tenantId, json);
    DemoOnboarding.link(ctx, out, tenantId, rooms, json);
    Booking standup = DemoBookings.book(ctx, out, tenantId, json);
    DemoRoomTruth.show(ctx, out, tenantId, standup, json);
    DemoBookings.endEarly(ctx, out, tenantId, standup, json);
    boolean arrived = DemoBookings.sync(ctx, out, tenantId, demo, json);
    DemoThrottlingBurst.Outcome burst = DemoThrottlingBurst.run(ctx, out, tenantId, demo.m365(), json);

    Duration took = Duration.between(started, Instant.now());
    out.heading("Done in " + Output.seconds(took));
    out.line("The demo's calendars, links and bookings stay in the store. Look at them with:");
    out.line("  calendar-admin calendars list");
    out.line("  calendar-admin spaces search Harbour");
    out.line("  calendar-admin bookings availability --space HH-1.01 --from now --to now+3d");
    out.line("(The embedded Microsoft 365 starts afresh with every command: see the README.)");
    json.put("elapsedMillis", took.toMillis());
    out.json(json);
    boolean ok =
        verified
            && report.failed() > 0
            && connected.failed() > 0
            && arrived
            && burst.failed() == 0
            && burst.stats().limitViolations() == 0;
    return ok ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
