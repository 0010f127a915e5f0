package com.workplace.calendar.examples.web;

import com.workplace.calendar.CalendarService;
import com.workplace.calendar.registry.AddOutcome;
import com.workplace.calendar.registry.BulkAddReport;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.tenant.Tenant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Rooms: the rooms of the tenant's directory (Microsoft Places), filtered by building or room list,
 * with those already registered marked; the selected ones are registered as room calendars with
 * their names.
 */
@Controller
final class RoomsController {
  private final CalendarService calendars;
  private final TenantLookup lookup;

  RoomsController(CalendarService calendars, TenantLookup lookup) {
    this.calendars = calendars;
    this.lookup = lookup;
  }

  @GetMapping("/tenants/{tenant}/rooms")
  String rooms(
      @PathVariable String tenant,
      @RequestParam(defaultValue = "") String building,
      @RequestParam(defaultValue = "") String roomList,
      Model model) {
    Tenant known = lookup.require(tenant);
    List<DiscoveredRoom> all = calendars.calendars().discoverRooms(known.id());
    Set<String> buildings = new TreeSet<>();
    Set<String> roomLists = new TreeSet<>();
    for (DiscoveredRoom room : all) {
      room.building().ifPresent(buildings::add);
      roomLists.addAll(room.roomLists());
    }
    List<DiscoveredRoom> shown = new ArrayList<>();
    Set<String> registered = new HashSet<>();
    for (DiscoveredRoom room : all) {
      if ((building.isBlank() || room.building().filter(building::equals).isPresent())
          && (roomList.isBlank() || room.roomLists().contains(roomList))) {
        shown.add(room);
        if (calendars.calendars().get(known.id(), room.email()).isPresent()) {
          registered.add(room.email());
        }
      }
    }
    model.addAttribute("tenant", known);
    model.addAttribute("rooms", shown);
    model.addAttribute("discovered", all.size());
    model.addAttribute("registered", registered);
    model.addAttribute("buildings", buildings);
    model.addAttribute("roomLists", roomLists);
    model.addAttribute("building", building);
    model.addAttribute("roomList", roomList);
    return "rooms";
  }

  @PostMapping("/tenants/{tenant}/rooms")
  String register(
      @PathVariable String tenant,
      @RequestParam(name = "email", required = false) List<String> selected,
      RedirectAttributes redirect) {
    Tenant known = lookup.require(tenant);
    if (selected == null || selected.isEmpty()) {
      Flash.error(redirect, "Select the rooms to register first.");
      return "redirect:/tenants/{tenant}/rooms";
    }
    Set<String> wanted = new HashSet<>(selected);
    List<DiscoveredRoom> rooms =
        calendars.calendars().discoverRooms(known.id()).stream().filter(r -> wanted.contains(r.email())).toList();
    BulkAddReport report = calendars.calendars().addDiscovered(known.id(), rooms);
    long already = report.count(AddOutcome.Result.ALREADY_REGISTERED);
    Flash.ok(
        redirect,
        "Registered " + report.added() + " room calendars" + (already > 0 ? "; " + already + " were registered already" : "")
            + ". Connect Calendars probes their mailboxes.");
    return "redirect:/tenants/{tenant}/calendars";
  }
}
