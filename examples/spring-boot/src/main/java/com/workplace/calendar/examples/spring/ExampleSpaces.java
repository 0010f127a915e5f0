package com.workplace.calendar.examples.spring;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The example product's spaces: one per room of the embedded organisation. */
final class ExampleSpaces implements SpaceDirectory {
  private static final List<Space> SPACES =
      List.of(
          new Space(SpaceId.of("HH-1.01"), "Orchard", Optional.of("Harbour House, floor 1")),
          new Space(SpaceId.of("HH-1.02"), "Marina", Optional.of("Harbour House, floor 1")),
          new Space(SpaceId.of("HH-2.01"), "Lighthouse", Optional.of("Harbour House, floor 2")));

  @Override
  public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
    return SPACES.stream().filter(s -> s.id().equals(spaceId)).findFirst();
  }

  @Override
  public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
    String needle = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return Page.last(
        SPACES.stream()
            .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(needle)
                || s.id().value().toLowerCase(Locale.ROOT).contains(needle))
            .limit(page.size())
            .toList());
  }
}
