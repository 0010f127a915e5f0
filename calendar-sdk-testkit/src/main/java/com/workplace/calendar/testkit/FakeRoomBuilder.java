package com.workplace.calendar.testkit;

import com.workplace.calendar.testkit.internal.FakeEngine;
import com.workplace.calendar.testkit.internal.MailboxState;
import com.workplace.calendar.testkit.internal.TenantState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Describes a room mailbox and its place properties; {@link #add()} adds it to the tenant.
 * Unset properties are {@code null} in Graph answers, as for most real rooms.
 *
 * <pre>{@code
 * tenant.room("orchard@contoso.onmicrosoft.com").displayName("Orchard").capacity(8)
 *     .building("HQ").floorNumber(2).inRoomList("hq-rooms@contoso.onmicrosoft.com").add();
 * }</pre>
 *
 * @since 0.1.0
 */
public final class FakeRoomBuilder {

  private final FakeTenant tenant;
  private final FakeEngine engine;
  private final TenantState state;
  private final String address;
  private String displayName;
  private Integer capacity;
  private String building;
  private Integer floorNumber;
  private String floorLabel;
  private String label;
  private String phone = "";
  private boolean wheelChairAccessible;
  private List<String> tags = List.of();
  private String bookingType = "standard";
  private String audioDeviceName;
  private String videoDeviceName;
  private String displayDeviceName;
  private String workingHoursTimeZone;
  private final List<String> roomLists = new ArrayList<>();

  FakeRoomBuilder(FakeTenant tenant, FakeEngine engine, TenantState state, String address) {
    this.tenant = tenant;
    this.engine = engine;
    this.state = state;
    this.address = Objects.requireNonNull(address, "address");
    this.displayName = address;
  }

  /**
   * Sets the display name (default: the address).
   *
   * @param value the name
   * @return this
   */
  public FakeRoomBuilder displayName(String value) {
    this.displayName = Objects.requireNonNull(value, "displayName");
    return this;
  }

  /**
   * Sets the capacity.
   *
   * @param value seats
   * @return this
   */
  public FakeRoomBuilder capacity(int value) {
    this.capacity = value;
    return this;
  }

  /**
   * Sets the building.
   *
   * @param value the building
   * @return this
   */
  public FakeRoomBuilder building(String value) {
    this.building = value;
    return this;
  }

  /**
   * Sets the floor number.
   *
   * @param value the floor
   * @return this
   */
  public FakeRoomBuilder floorNumber(int value) {
    this.floorNumber = value;
    return this;
  }

  /**
   * Sets the floor label.
   *
   * @param value the label
   * @return this
   */
  public FakeRoomBuilder floorLabel(String value) {
    this.floorLabel = value;
    return this;
  }

  /**
   * Sets the room label.
   *
   * @param value the label
   * @return this
   */
  public FakeRoomBuilder label(String value) {
    this.label = value;
    return this;
  }

  /**
   * Sets the phone number.
   *
   * @param value the number
   * @return this
   */
  public FakeRoomBuilder phone(String value) {
    this.phone = Objects.requireNonNull(value, "phone");
    return this;
  }

  /**
   * Sets wheelchair accessibility.
   *
   * @param value whether accessible
   * @return this
   */
  public FakeRoomBuilder wheelChairAccessible(boolean value) {
    this.wheelChairAccessible = value;
    return this;
  }

  /**
   * Sets the tags.
   *
   * @param values the tags
   * @return this
   */
  public FakeRoomBuilder tags(String... values) {
    this.tags = List.of(values);
    return this;
  }

  /**
   * Sets the booking type Graph reports in {@code /places} (default {@code standard}): {@code
   * standard} (bookable), {@code reserved} (first come, first served, not bookable by
   * invitation) or {@code unknown}; any case.
   *
   * @param value the booking type
   * @return this
   * @throws IllegalArgumentException when the value is none of these
   */
  public FakeRoomBuilder bookingType(String value) {
    String type = Objects.requireNonNull(value, "bookingType").trim().toLowerCase(Locale.ROOT);
    if (!List.of("standard", "reserved", "unknown").contains(type)) {
      throw new IllegalArgumentException("bookingType must be standard, reserved or unknown: '"
          + value + "'");
    }
    this.bookingType = type;
    return this;
  }

  /**
   * Sets the audio, video and display device names.
   *
   * @param audio the audio device or null
   * @param video the video device or null
   * @param display the display device or null
   * @return this
   */
  public FakeRoomBuilder devices(String audio, String video, String display) {
    this.audioDeviceName = audio;
    this.videoDeviceName = video;
    this.displayDeviceName = display;
    return this;
  }

  /**
   * Sets the Windows time-zone name of this room's working hours.
   *
   * @param windowsTimeZoneName e.g. {@code GMT Standard Time}
   * @return this
   */
  public FakeRoomBuilder workingHoursTimeZone(String windowsTimeZoneName) {
    this.workingHoursTimeZone = Objects.requireNonNull(windowsTimeZoneName);
    return this;
  }

  /**
   * Adds the room to existing room lists.
   *
   * @param listAddresses the lists
   * @return this
   */
  public FakeRoomBuilder inRoomList(String... listAddresses) {
    roomLists.addAll(List.of(listAddresses));
    return this;
  }

  /**
   * Adds the room to the tenant.
   *
   * @return the tenant, for chaining
   * @throws IllegalArgumentException when the address exists or a room list does not
   */
  public FakeTenant add() {
    for (String list : roomLists) {
      if (state.roomList(list).isEmpty()) {
        throw new IllegalArgumentException("no room list " + list);
      }
    }
    MailboxState.RoomDetails details = new MailboxState.RoomDetails(capacity, building,
        floorNumber, floorLabel, label, phone, wheelChairAccessible, tags, bookingType,
        audioDeviceName, videoDeviceName, displayDeviceName);
    state.add(engine.directory().newMailbox(address, displayName, MailboxState.Kind.ROOM, details,
        workingHoursTimeZone));
    for (String list : roomLists) {
      tenant.addRoomToList(list, address);
    }
    return tenant;
  }
}
