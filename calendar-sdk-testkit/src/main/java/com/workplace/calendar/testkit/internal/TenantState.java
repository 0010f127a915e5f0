package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.ConsentMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A tenant: its consents (service principals with granted roles), recipients, room lists and
 * application access policies.
 */
public final class TenantState {

  private final String id;
  private final String domain;
  private final ConcurrentMap<String, Set<String>> consents = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, MailboxState> mailboxes = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, MailboxState> mailboxesById = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, RoomListState> roomLists = new ConcurrentHashMap<>();
  private final List<String> roomOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<String> roomListOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ConcurrentMap<String, Set<String>> deniedMailboxes = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Set<String>> restrictedTo = new ConcurrentHashMap<>();
  private volatile ConsentMode consentMode;
  private volatile String workingHoursTimeZone = "Pacific Standard Time";

  public TenantState(String id, String domain) {
    this.id = id;
    this.domain = domain;
  }

  public String id() {
    return id;
  }

  public String domain() {
    return domain;
  }

  // ------------------------------------------------------------------ consent

  /** Records (adds to) admin consent of an app for permissions. */
  public void grant(String clientId, Collection<String> permissions) {
    consents.computeIfAbsent(clientId, k -> ConcurrentHashMap.newKeySet()).addAll(permissions);
  }

  /** Removes the app's service principal from the tenant. */
  public void revoke(String clientId) {
    consents.remove(clientId);
  }

  /** The permissions granted to an app, or empty when it has no service principal here. */
  public Optional<Set<String>> consent(String clientId) {
    Set<String> granted = consents.get(clientId);
    return granted == null ? Optional.empty() : Optional.of(Set.copyOf(granted));
  }

  public ConsentMode consentMode() {
    return consentMode;
  }

  public void consentMode(ConsentMode mode) {
    this.consentMode = mode;
  }

  public String workingHoursTimeZone() {
    return workingHoursTimeZone;
  }

  public void workingHoursTimeZone(String windowsZoneName) {
    this.workingHoursTimeZone = windowsZoneName;
  }

  // ---------------------------------------------------------------- recipients

  /**
   * Adds a recipient.
   *
   * @param mailbox the recipient
   * @throws IllegalArgumentException when the address or id is taken
   */
  public synchronized void add(MailboxState mailbox) {
    if (mailboxes.containsKey(mailbox.key()) || roomLists.containsKey(mailbox.key())) {
      throw new IllegalArgumentException("address already exists: " + mailbox.address());
    }
    mailboxes.put(mailbox.key(), mailbox);
    mailboxesById.put(mailbox.objectId(), mailbox);
    if (mailbox.kind() == MailboxState.Kind.ROOM) {
      roomOrder.add(mailbox.key());
    }
  }

  /** Finds a recipient by address (case-insensitive) or object id. */
  public Optional<MailboxState> mailbox(String addressOrId) {
    MailboxState m = mailboxes.get(MailboxState.key(addressOrId));
    if (m == null) {
      m = mailboxesById.get(addressOrId.toLowerCase(java.util.Locale.ROOT));
    }
    return Optional.ofNullable(m);
  }

  /** Rooms in the order they were added. */
  public List<MailboxState> rooms() {
    List<MailboxState> list = new ArrayList<>();
    for (String key : roomOrder) {
      list.add(mailboxes.get(key));
    }
    return list;
  }

  /**
   * Adds a room list.
   *
   * @param list the list
   * @throws IllegalArgumentException when the address is taken
   */
  public synchronized void addRoomList(RoomListState list) {
    if (mailboxes.containsKey(list.key()) || roomLists.containsKey(list.key())) {
      throw new IllegalArgumentException("address already exists: " + list.address());
    }
    roomLists.put(list.key(), list);
    roomListOrder.add(list.key());
  }

  public Optional<RoomListState> roomList(String addressOrId) {
    RoomListState list = roomLists.get(MailboxState.key(addressOrId));
    if (list == null) {
      for (RoomListState l : roomLists.values()) {
        if (l.id().equalsIgnoreCase(addressOrId)) {
          return Optional.of(l);
        }
      }
    }
    return Optional.ofNullable(list);
  }

  /** Room lists in the order they were added. */
  public List<RoomListState> roomLists() {
    List<RoomListState> list = new ArrayList<>();
    for (String key : roomListOrder) {
      list.add(roomLists.get(key));
    }
    return list;
  }

  // ---------------------------------------------------------- access policies

  /** Denies an app access to mailboxes (like {@code -AccessRight DenyAccess}). */
  public void deny(String clientId, Collection<String> mailboxKeys) {
    deniedMailboxes.computeIfAbsent(clientId, k -> ConcurrentHashMap.newKeySet())
        .addAll(mailboxKeys);
  }

  /** Restricts an app to the given mailboxes (like {@code -AccessRight RestrictAccess}). */
  public void restrict(String clientId, Collection<String> mailboxKeys) {
    Set<String> set = ConcurrentHashMap.newKeySet();
    set.addAll(mailboxKeys);
    restrictedTo.put(clientId, set);
  }

  /** Removes every access policy of an app. */
  public void removePolicies(String clientId) {
    deniedMailboxes.remove(clientId);
    restrictedTo.remove(clientId);
  }

  /** Whether an application access policy blocks the app from the mailbox. */
  public boolean blockedByPolicy(String clientId, String mailboxKey) {
    Set<String> denied = deniedMailboxes.get(clientId);
    if (denied != null && denied.contains(mailboxKey)) {
      return true;
    }
    Set<String> allowed = restrictedTo.get(clientId);
    return allowed != null && !allowed.contains(mailboxKey);
  }
}
