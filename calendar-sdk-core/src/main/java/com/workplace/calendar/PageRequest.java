package com.workplace.calendar;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page of a listing to return.
 *
 * @param size the maximum number of items, 1 to {@value #MAX_SIZE}
 * @param cursor the cursor from the previous page's {@link Page#nextCursor()}; empty for the first
 * @since 0.1.0
 */
public record PageRequest(int size, Optional<String> cursor) {
  /** The largest page size accepted. */
  public static final int MAX_SIZE = 1000;

  /** The page size used by {@link #first()}. */
  public static final int DEFAULT_SIZE = 100;

  /** Validates the request. */
  public PageRequest {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "page size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
    Objects.requireNonNull(cursor, "cursor");
  }

  /**
   * The first page with the default size.
   *
   * @return a request for the first {@value #DEFAULT_SIZE} items
   */
  public static PageRequest first() {
    return new PageRequest(DEFAULT_SIZE, Optional.empty());
  }

  /**
   * The first page with a given size.
   *
   * @param size the page size
   * @return a request for the first {@code size} items
   */
  public static PageRequest first(int size) {
    return new PageRequest(size, Optional.empty());
  }

  /**
   * The page after the given one, with the same size.
   *
   * @param page the previous page
   * @return the request for the next page
   * @throws IllegalArgumentException if {@code page} is the last page
   */
  public PageRequest next(Page<?> page) {
    return new PageRequest(
        size,
        Optional.of(
            page.nextCursor()
                .orElseThrow(() -> new IllegalArgumentException("the page is the last one"))));
  }
}
