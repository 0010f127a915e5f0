package com.workplace.calendar.testkit.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A room list (a distribution group of rooms). */
public final class RoomListState {

  private final String id;
  private final String address;
  private final String displayName;
  private final List<String> memberKeys = new CopyOnWriteArrayList<>();

  public RoomListState(String id, String address, String displayName) {
    this.id = id;
    this.address = address;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String address() {
    return address;
  }

  public String key() {
    return MailboxState.key(address);
  }

  public String displayName() {
    return displayName;
  }

  /** Lower-case addresses of the member rooms, in insertion order. */
  public List<String> memberKeys() {
    return memberKeys;
  }

  public void addMember(String roomKey) {
    if (!memberKeys.contains(roomKey)) {
      memberKeys.add(roomKey);
    }
  }
}
