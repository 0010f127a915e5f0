package com.workplace.calendar.examples.admin;

import static com.workplace.calendar.examples.admin.Output.obj;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code calendar-admin spaces ...}: links between room calendars and the product's spaces. */
@Command(
    name = "spaces",
    description = "Link room calendars to the booking product's spaces, unlink them, search spaces.",
    subcommands = {SpacesCommands.Link.class, SpacesCommands.Unlink.class, SpacesCommands.Search.class})
final class SpacesCommands extends GroupCommand {

  @Command(name = "link", description = "Links a registered calendar to a space of the space directory.")
  static final class Link extends AdminCommand {
    @Parameters(index = "0", paramLabel = "EMAIL", description = "The room calendar.")
    String email;

    @Parameters(index = "1", paramLabel = "SPACE", description = "The space ID, e.g. HH-1.01.")
    String space;

    @Option(names = "--move", description = "If the space is linked to another calendar, move it here.")
    boolean move;

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.knownTenant(tenantId);
      SpaceId spaceId = SpaceId.of(space);
      SpaceLink link;
      try {
        link = ctx.service().spaces().link(tenantId, email, spaceId, move ? LinkMode.MOVE : LinkMode.FAIL_IF_LINKED);
      } catch (ConflictException e) {
        throw AdminException.failed(e.getMessage(), "add --move to move the space to " + email);
      }
      Optional<Space> found = ctx.service().spaces().space(tenantId, spaceId);
      out().linef("Linked %s to space %s%s.", link.calendarEmail(), link.spaceId(),
          found.map(s -> " (" + s.name() + s.location().map(l -> ", " + l).orElse("") + ")").orElse(""));
      out().json(Views.link(link, found));
      return ExitCodes.OK;
    }
  }

  /** Either a space or a calendar. */
  static final class Which {
    @Option(names = "--space", paramLabel = "SPACE", required = true, description = "Unlink this space.")
    String space;

    @Option(names = "--calendar", paramLabel = "EMAIL", required = true, description = "Unlink this calendar.")
    String calendar;
  }

  @Command(name = "unlink", description = "Removes a link; the calendar stays registered.")
  static final class Unlink extends AdminCommand {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Override
    public Integer call() {
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      ctx.knownTenant(tenantId);
      boolean removed =
          which.space != null
              ? ctx.service().spaces().unlinkSpace(tenantId, SpaceId.of(which.space))
              : ctx.service().spaces().unlinkCalendar(tenantId, which.calendar);
      String what = which.space != null ? "space " + which.space.strip() : "calendar " + which.calendar.strip();
      out().line(removed ? "Unlinked " + what + "." : what.substring(0, 1).toUpperCase() + what.substring(1) + " was not linked.");
      out().json(obj("space", which.space, "calendar", which.calendar, "unlinked", removed));
      return removed ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  @Command(name = "search", description = "Searches the space directory by ID, name or location and shows each space's calendar.")
  static final class Search extends AdminCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TEXT", description = "What to look for; empty lists all spaces.")
    String text = "";

    @Option(names = "--limit", defaultValue = "100", description = "Show at most this many (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      if (limit < 1 || limit > PageRequest.MAX_SIZE) {
        throw AdminException.usage(
            "--limit must be between 1 and " + PageRequest.MAX_SIZE + ", not " + limit,
            "give a --limit in that range, or narrow the search with TEXT");
      }
      AdminContext ctx = ctx();
      TenantId tenantId = ctx.tenant(Optional.empty());
      Page<Space> page = ctx.service().spaces().search(tenantId, text, PageRequest.first(limit));
      Map<SpaceId, SpaceLink> links =
          ctx.service().tenants().get(tenantId).isPresent()
              ? ctx.service().spaces().links(tenantId).stream()
                  .collect(Collectors.toMap(SpaceLink::spaceId, Function.identity()))
              : Map.of();
      Table table = Table.of("space", "name", "location", "calendar");
      for (Space s : page.items()) {
        table.row(s.id(), s.name(), s.location(), Optional.ofNullable(links.get(s.id())).map(SpaceLink::calendarEmail));
      }
      if (page.items().isEmpty()) {
        out().line("No space matches '" + text + "' in " + ctx.spaces().source() + ".");
      } else {
        out().table(table);
        if (page.hasNext()) {
          out().line("  ... more spaces match; narrow the search or raise --limit");
        }
      }
      out().json(obj("spaces", page.items().stream()
          .map(s -> Views.space(s, Optional.ofNullable(links.get(s.id())))).toList(), "more", page.hasNext()));
      return ExitCodes.OK;
    }
  }
}
