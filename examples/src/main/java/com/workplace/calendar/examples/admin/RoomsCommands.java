package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.registry.AddOutcome;
import com.workplace.calendar.registry.BulkAddReport;
import com.workplace.calendar.registry.CalendarQuery;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code calendar-admin rooms ...}: the rooms of the tenant's directory. */
@Command(
    name = "rooms",
    description = "Discover the rooms of the tenant's directory (Microsoft Places) and register them.",
    subcommands = {RoomsCommands.Discover.class, RoomsCommands.Import.class})
final class RoomsCommands extends GroupCommand {

  /** Which discovered rooms a command is about. */
  static final class Filter {
    @Option(names = "--room-list", paramLabel = "EMAIL", description = "Only rooms of this room list (repeatable).")
    List<String> roomLists = new ArrayList<>();

    @Option(names = "--building", paramLabel = "NAME", description = "Only rooms of this building.")
    String building;

    List<DiscoveredRoom> apply(List<DiscoveredRoom> rooms) {
      Set<String> lists = roomLists.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
      return rooms.stream()
          .filter(r -> lists.isEmpty() || r.roomLists().stream().anyMatch(l -> lists.contains(l.toLowerCase(Locale.ROOT))))
          .filter(r -> building == null || r.building().filter(b -> b.equalsIgnoreCase(building.strip())).isPresent())
          .toList();
    }
  }

  static List<DiscoveredRoom> discover(AdminContext ctx, Output out, TenantId tenantId) {
    ctx.authorizedTenant(tenantId);
    out.note("  discovering the rooms of " + tenantId + " ...");
    return ctx.service().calendars().discoverRooms(tenantId);
  }

  @Command(name = "discover", description = "Lists the rooms of the tenant's directory, with their room lists.")
  static final class Discover extends AdminCommand {
    @picocli.CommandLine.Mixin Filter filter = new Filter();

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(java.util.Optional.empty());
      List<DiscoveredRoom> rooms = filter.apply(discover(ctx, out(), tenantId));
      Set<String> registered =
          ctx.calendars(tenantId, CalendarQuery.all()).stream().map(RoomCalendar::email).collect(Collectors.toSet());
      Table table = Table.of("email", "name", "capacity", "building", "floor", "room lists", "registered");
      for (DiscoveredRoom r : rooms) {
        table.row(r.email(), r.displayName(), r.capacity(), r.building(), r.floor(),
            String.join(" ", r.roomLists()), registered.contains(r.email()) ? "yes" : "no");
      }
      out().table(table);
      Map<String, Integer> byList = new TreeMap<>();
      for (DiscoveredRoom r : rooms) {
        if (r.roomLists().isEmpty()) {
          byList.merge("(in no room list)", 1, Integer::sum);
        }
        r.roomLists().forEach(l -> byList.merge(l, 1, Integer::sum));
      }
      out().line("");
      out().linef("%d rooms in %d room lists: %s", rooms.size(), byList.size(),
          byList.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
      out().json(obj("tenant", tenantId.value(),
          "rooms", rooms.stream().map(r -> Views.room(r, registered.contains(r.email()))).toList()));
      return ExitCodes.OK;
    }
  }

  @Command(name = "import", description = "Registers the discovered rooms (all, or those of some room lists or a building) as room calendars.")
  static final class Import extends AdminCommand {
    @picocli.CommandLine.Mixin Filter filter = new Filter();

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(java.util.Optional.empty());
      List<DiscoveredRoom> rooms = filter.apply(discover(ctx, out(), tenantId));
      BulkAddReport report = ctx.service().calendars().addDiscovered(tenantId, rooms);
      out().linef("Registered %d of %d discovered rooms (%d were registered before).",
          report.added(), rooms.size(), report.count(AddOutcome.Result.ALREADY_REGISTERED));
      if (report.added() > 0) {
        out().line("Next: calendar-admin calendars connect");
      }
      out().json(obj("tenant", tenantId.value(), "discovered", rooms.size(), "added", report.added(),
          "outcomes", report.outcomes().stream().map(Views::added).toList()));
      return report.count(AddOutcome.Result.INVALID) > 0 ? ExitCodes.FAILED : ExitCodes.OK;
    }
  }
}
