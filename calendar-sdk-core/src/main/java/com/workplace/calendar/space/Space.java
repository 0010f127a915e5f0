package com.workplace.calendar.space;

import java.util.Objects;
import java.util.Optional;

/**
 * A space of the host product, as its {@link SpaceDirectory} describes it.
 *
 * @param id the space ID
 * @param name the space's display name
 * @param location where it is (building, floor), if the host says
 * @since 0.1.0
 */
public record Space(SpaceId id, String name, Optional<String> location) {
  /** Validates the record. */
  public Space {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(location, "location");
  }

  /**
   * A space without a location.
   *
   * @param id the space ID
   * @param name the display name
   * @return the space
   */
  public static Space of(SpaceId id, String name) {
    return new Space(id, name, Optional.empty());
  }
}
