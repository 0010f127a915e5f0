package com.workplace.calendar.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Places API: rooms, room lists, rooms of a room list, one place. */
final class PlacesHandler {

  private final MailboxLimiter limiter;

  PlacesHandler(MailboxLimiter limiter) {
    this.limiter = limiter;
  }

  FakeResponse handle(GraphCall call) {
    TenantState tenant = call.tenant();
    int size = call.top(limiter.limits().placesPageSize(), Integer.MAX_VALUE);
    String base = call.graphBase() + "/$metadata#places";
    switch (call.route().op()) {
      case LIST_ROOMS: {
        List<Map<String, Object>> rooms = new ArrayList<>();
        for (MailboxState room : tenant.rooms()) {
          rooms.add(room(room));
        }
        return FakeResponse.json(200, Paging.page(call, base + "/microsoft.graph.room", rooms,
            size));
      }
      case LIST_ROOM_LISTS: {
        List<Map<String, Object>> lists = new ArrayList<>();
        for (RoomListState list : tenant.roomLists()) {
          lists.add(roomList(list));
        }
        return FakeResponse.json(200, Paging.page(call, base + "/microsoft.graph.roomList",
            lists, size));
      }
      case LIST_ROOMS_IN_LIST: {
        String id = call.route().itemId();
        RoomListState list = tenant.roomList(id).orElseThrow(() -> new GraphException(404,
            "ErrorItemNotFound", "The room list '" + id + "' was not found."));
        List<Map<String, Object>> rooms = new ArrayList<>();
        for (String key : list.memberKeys()) {
          tenant.mailbox(key).ifPresent(room -> rooms.add(room(room)));
        }
        return FakeResponse.json(200, Paging.page(call, call.graphBase() + "/$metadata#places('"
            + UrlCodec.queryEncode(list.address()) + "')/microsoft.graph.roomList/rooms", rooms,
            size));
      }
      case GET_PLACE:
      default: {
        String id = call.route().itemId();
        Optional<MailboxState> room = tenant.mailbox(id)
            .filter(m -> m.kind() == MailboxState.Kind.ROOM);
        Map<String, Object> body;
        if (room.isPresent()) {
          body = room(room.get());
          body.put("@odata.type", "#microsoft.graph.room");
        } else {
          RoomListState list = tenant.roomList(id).orElseThrow(() -> new GraphException(404,
              "ErrorItemNotFound", "The place '" + id + "' was not found."));
          body = roomList(list);
          body.put("@odata.type", "#microsoft.graph.roomList");
        }
        Map<String, Object> out = Json.object("@odata.context", base + "/$entity");
        out.putAll(body);
        return FakeResponse.json(200, out);
      }
    }
  }

  static Map<String, Object> room(MailboxState m) {
    MailboxState.RoomDetails d = m.room();
    Map<String, Object> r = Json.object();
    r.put("id", m.objectId());
    r.put("emailAddress", m.address());
    r.put("displayName", m.displayName());
    r.put("address", null);
    r.put("geoCoordinates", null);
    r.put("phone", d.phone());
    r.put("nickname", m.displayName());
    r.put("label", d.label());
    r.put("capacity", d.capacity());
    r.put("building", d.building());
    r.put("floorNumber", d.floorNumber());
    r.put("floorLabel", d.floorLabel());
    r.put("isWheelChairAccessible", d.wheelChairAccessible());
    r.put("bookingType", d.bookingType());
    r.put("tags", d.tags());
    r.put("audioDeviceName", d.audioDeviceName());
    r.put("videoDeviceName", d.videoDeviceName());
    r.put("displayDeviceName", d.displayDeviceName());
    return r;
  }

  static Map<String, Object> roomList(RoomListState l) {
    return Json.object(
        "id", l.id(),
        "displayName", l.displayName(),
        "address", null,
        "geoCoordinates", null,
        "phone", null,
        "emailAddress", l.address());
  }
}
