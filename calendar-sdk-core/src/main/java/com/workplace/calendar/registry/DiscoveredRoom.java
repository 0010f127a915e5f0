package com.workplace.calendar.registry;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A room found in the tenant's directory (Microsoft Places).
 *
 * @param email the room mailbox address, normalized
 * @param displayName the room's name
 * @param capacity how many people it seats, if set
 * @param building the building, if set
 * @param floor the floor label or number, if set
 * @param roomLists the addresses of the room lists it belongs to
 * @param bookingType how the room is booked (Places' {@code bookingType}; since 0.2.0)
 * @since 0.1.0
 */
public record DiscoveredRoom(
    String email,
    String displayName,
    Optional<Integer> capacity,
    Optional<String> building,
    Optional<String> floor,
    List<String> roomLists,
    RoomBookingType bookingType) {

  /** Validates and normalizes the record. */
  public DiscoveredRoom {
    Objects.requireNonNull(bookingType, "bookingType");
    email = EmailAddresses.normalize(email);
    displayName = displayName == null || displayName.isBlank() ? email : displayName.strip();
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(building, "building");
    Objects.requireNonNull(floor, "floor");
    roomLists = List.copyOf(Objects.requireNonNull(roomLists, "roomLists"));
  }

  /**
   * A room whose booking type is not known (the 0.1 shape).
   *
   * @param email the room mailbox address
   * @param displayName the room's name
   * @param capacity how many people it seats, if set
   * @param building the building, if set
   * @param floor the floor label or number, if set
   * @param roomLists the addresses of the room lists it belongs to
   */
  public DiscoveredRoom(
      String email,
      String displayName,
      Optional<Integer> capacity,
      Optional<String> building,
      Optional<String> floor,
      List<String> roomLists) {
    this(email, displayName, capacity, building, floor, roomLists, RoomBookingType.UNKNOWN);
  }
}
