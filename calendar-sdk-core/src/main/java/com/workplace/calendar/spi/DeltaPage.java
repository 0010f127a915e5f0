package com.workplace.calendar.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a delta round. Exactly one of {@code nextLink} (more pages follow) and {@code
 * deltaLink} (the round is complete; continue from here next time) is present.
 *
 * @param items the changes on this page
 * @param nextLink the link to the next page
 * @param deltaLink the link for the next round
 * @since 0.1.0
 */
public record DeltaPage(List<DeltaItem> items, Optional<String> nextLink, Optional<String> deltaLink) {
  /** Validates the record. */
  public DeltaPage {
    items = List.copyOf(items);
    Objects.requireNonNull(nextLink, "nextLink");
    Objects.requireNonNull(deltaLink, "deltaLink");
    if (nextLink.isPresent() == deltaLink.isPresent()) {
      throw new IllegalArgumentException("a delta page has either a next link or a delta link");
    }
  }

  @Override
  public String toString() {
    return "DeltaPage[items=" + items.size() + ", last=" + deltaLink.isPresent() + "]";
  }
}
