// [START space-directory]
package com.example.booking;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The product's rooms as the SDK sees them: it checks space IDs when calendars are linked, and
 * lets administrators search by number or name. A product backs this with its own database; here
 * a map per customer tenant. Paging uses the cursor as the offset of the next page.
 */
public final class ProductSpaces implements SpaceDirectory {
  private final Map<TenantId, List<Space>> spacesByTenant;

  public ProductSpaces(Map<TenantId, List<Space>> spacesByTenant) {
    this.spacesByTenant = Map.copyOf(spacesByTenant);
  }

  @Override
  public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
    return spacesByTenant.getOrDefault(tenantId, List.of()).stream()
        .filter(space -> space.id().equals(spaceId))
        .findFirst();
  }

  @Override
  public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
    String needle = text.toLowerCase(Locale.ROOT);
    List<Space> matches =
        spacesByTenant.getOrDefault(tenantId, List.of()).stream()
            .filter(space -> space.id().value().toLowerCase(Locale.ROOT).contains(needle)
                || space.name().toLowerCase(Locale.ROOT).contains(needle))
            .toList();
    int from = page.cursor().map(Integer::parseInt).orElse(0);
    int to = Math.min(matches.size(), from + page.size());
    List<Space> items = matches.subList(Math.min(from, to), to);
    return to < matches.size()
        ? new Page<>(items, Optional.of(Integer.toString(to)))
        : Page.last(items);
  }
}
// [END space-directory]
