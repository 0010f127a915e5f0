package com.workplace.calendar.testkit.internal;

import java.util.List;
import java.util.Locale;

/** A recipient of a tenant: a room mailbox, a user, or a mailbox not in Exchange Online. */
public final class MailboxState {

  /** What kind of recipient this is. */
  public enum Kind {
    ROOM,
    USER,
    NOT_IN_EXCHANGE_ONLINE
  }

  /** Place properties of a room (null means Graph's {@code null}). */
  public record RoomDetails(
      Integer capacity,
      String building,
      Integer floorNumber,
      String floorLabel,
      String label,
      String phone,
      boolean wheelChairAccessible,
      List<String> tags,
      String bookingType,
      String audioDeviceName,
      String videoDeviceName,
      String displayDeviceName) {

    /** Details with everything unset. */
    public static RoomDetails none() {
      return new RoomDetails(null, null, null, null, null, "", false, List.of(), "standard", null,
          null, null);
    }
  }

  private final String address;
  private final String objectId;
  private final String displayName;
  private final Kind kind;
  private final RoomDetails room;
  private final String workingHoursTimeZone;
  private final CalendarState calendar;

  public MailboxState(
      String address,
      String objectId,
      String displayName,
      Kind kind,
      RoomDetails room,
      String workingHoursTimeZone,
      CalendarState.Listener listener,
      Ids ids,
      java.time.Clock clock) {
    this.address = address;
    this.objectId = objectId;
    this.displayName = displayName;
    this.kind = kind;
    this.room = room;
    this.workingHoursTimeZone = workingHoursTimeZone;
    this.calendar = new CalendarState(this, listener, ids, clock);
  }

  /** The lookup key of an address: trimmed and lower-cased. */
  public static String key(String address) {
    return address.trim().toLowerCase(Locale.ROOT);
  }

  public String address() {
    return address;
  }

  public String key() {
    return key(address);
  }

  public String objectId() {
    return objectId;
  }

  public String displayName() {
    return displayName;
  }

  public Kind kind() {
    return kind;
  }

  public RoomDetails room() {
    return room;
  }

  /** The Windows time-zone name of the working hours, or null for the tenant's default. */
  public String workingHoursTimeZone() {
    return workingHoursTimeZone;
  }

  public CalendarState calendar() {
    return calendar;
  }
}
