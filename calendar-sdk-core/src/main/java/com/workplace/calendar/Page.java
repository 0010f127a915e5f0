package com.workplace.calendar;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a listing, with the cursor for the next page.
 *
 * @param items the items of this page, never {@code null}
 * @param nextCursor the cursor to pass in the next {@link PageRequest}; empty on the last page
 * @param <T> the item type
 * @since 0.1.0
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
  /** Validates and copies the items. */
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    Objects.requireNonNull(nextCursor, "nextCursor");
  }

  /**
   * Creates the last page of a listing.
   *
   * @param items the items
   * @param <T> the item type
   * @return a page without a next cursor
   */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, Optional.empty());
  }

  /**
   * Tells whether more pages follow.
   *
   * @return {@code true} when {@link #nextCursor()} is present
   */
  public boolean hasNext() {
    return nextCursor.isPresent();
  }
}
