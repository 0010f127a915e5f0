package com.workplace.calendar.testkit.internal;

import com.workplace.calendar.testkit.GraphOperation;
import java.util.List;

/**
 * A Graph request matched to an operation, with the ids found in its path.
 *
 * @param op the operation
 * @param mailboxId the {@code {id}} of {@code /users/{id}/...} or null
 * @param itemId the event, place, room list or subscription id, or null
 */
public record GraphRoute(GraphRoute.Op op, String mailboxId, String itemId) {

  /** What a request needs from its token. */
  public enum Permission {
    NONE,
    CALENDAR_READ,
    CALENDAR_WRITE,
    PLACES
  }

  /** The supported operations. */
  public enum Op {
    LIST_ROOMS(Permission.PLACES, false, GraphOperation.LIST_ROOMS),
    LIST_ROOM_LISTS(Permission.PLACES, false, GraphOperation.LIST_ROOM_LISTS),
    LIST_ROOMS_IN_LIST(Permission.PLACES, false, GraphOperation.LIST_ROOMS_IN_LIST),
    GET_PLACE(Permission.PLACES, false, GraphOperation.GET_PLACE),
    GET_CALENDAR(Permission.CALENDAR_READ, true, GraphOperation.GET_CALENDAR),
    CALENDAR_VIEW(Permission.CALENDAR_READ, true, GraphOperation.CALENDAR_VIEW),
    DELTA(Permission.CALENDAR_READ, true, GraphOperation.CALENDAR_VIEW_DELTA),
    LIST_EVENTS(Permission.CALENDAR_READ, true, GraphOperation.LIST_EVENTS),
    GET_EVENT(Permission.CALENDAR_READ, true, GraphOperation.GET_EVENT),
    LIST_INSTANCES(Permission.CALENDAR_READ, true, GraphOperation.LIST_INSTANCES),
    GET_SCHEDULE(Permission.CALENDAR_READ, true, GraphOperation.GET_SCHEDULE),
    CREATE_EVENT(Permission.CALENDAR_WRITE, true, GraphOperation.CREATE_EVENT),
    UPDATE_EVENT(Permission.CALENDAR_WRITE, true, GraphOperation.UPDATE_EVENT),
    DELETE_EVENT(Permission.CALENDAR_WRITE, true, GraphOperation.DELETE_EVENT),
    CANCEL_EVENT(Permission.CALENDAR_WRITE, true, GraphOperation.CANCEL_EVENT),
    CREATE_SUBSCRIPTION(Permission.NONE, false, GraphOperation.CREATE_SUBSCRIPTION),
    LIST_SUBSCRIPTIONS(Permission.NONE, false, GraphOperation.LIST_SUBSCRIPTIONS),
    GET_SUBSCRIPTION(Permission.NONE, false, GraphOperation.GET_SUBSCRIPTION),
    RENEW_SUBSCRIPTION(Permission.NONE, false, GraphOperation.RENEW_SUBSCRIPTION),
    DELETE_SUBSCRIPTION(Permission.NONE, false, GraphOperation.DELETE_SUBSCRIPTION),
    BATCH(Permission.NONE, false, null);

    private final Permission permission;
    private final boolean mailboxScoped;
    private final GraphOperation operation;

    Op(Permission permission, boolean mailboxScoped, GraphOperation operation) {
      this.permission = permission;
      this.mailboxScoped = mailboxScoped;
      this.operation = operation;
    }

    public Permission permission() {
      return permission;
    }

    public boolean mailboxScoped() {
      return mailboxScoped;
    }

    /** The public name of the operation; null for {@code $batch}. */
    public GraphOperation operation() {
      return operation;
    }
  }

  /**
   * Matches a method and the decoded segments after {@code v1.0}.
   *
   * @param method the HTTP method
   * @param s the segments
   * @return the route
   * @throws GraphException 400 for unknown paths, 405 for unsupported methods
   */
  public static GraphRoute match(String method, List<String> s) {
    if (s.isEmpty()) {
      throw unknown("v1.0");
    }
    String head = s.get(0);
    if (is(head, "$batch") && s.size() == 1) {
      return only(method, "POST", new GraphRoute(Op.BATCH, null, null));
    }
    if (is(head, "places")) {
      return places(method, s);
    }
    if (is(head, "subscriptions")) {
      if (s.size() == 1) {
        return method.equals("GET") ? new GraphRoute(Op.LIST_SUBSCRIPTIONS, null, null)
            : only(method, "POST", new GraphRoute(Op.CREATE_SUBSCRIPTION, null, null));
      }
      if (s.size() == 2) {
        switch (method) {
          case "GET":
            return new GraphRoute(Op.GET_SUBSCRIPTION, null, s.get(1));
          case "PATCH":
            return new GraphRoute(Op.RENEW_SUBSCRIPTION, null, s.get(1));
          case "DELETE":
            return new GraphRoute(Op.DELETE_SUBSCRIPTION, null, s.get(1));
          default:
            throw notAllowed(method);
        }
      }
      throw unknown(s.get(2));
    }
    if (is(head, "users") && s.size() >= 3) {
      return users(method, s.get(1), s.subList(2, s.size()));
    }
    throw unknown(head);
  }

  private static GraphRoute places(String method, List<String> s) {
    if (s.size() == 2 && (is(s.get(1), "microsoft.graph.room") || is(s.get(1), "graph.room"))) {
      return only(method, "GET", new GraphRoute(Op.LIST_ROOMS, null, null));
    }
    if (s.size() == 2
        && (is(s.get(1), "microsoft.graph.roomlist") || is(s.get(1), "graph.roomlist"))) {
      return only(method, "GET", new GraphRoute(Op.LIST_ROOM_LISTS, null, null));
    }
    if (s.size() == 4
        && (is(s.get(2), "microsoft.graph.roomlist") || is(s.get(2), "graph.roomlist"))
        && is(s.get(3), "rooms")) {
      return only(method, "GET", new GraphRoute(Op.LIST_ROOMS_IN_LIST, null, s.get(1)));
    }
    if (s.size() == 2) {
      return only(method, "GET", new GraphRoute(Op.GET_PLACE, null, s.get(1)));
    }
    throw unknown(s.get(s.size() - 1));
  }

  private static GraphRoute users(String method, String user, List<String> r) {
    List<String> rest = r;
    boolean viaCalendar = is(rest.get(0), "calendar");
    if (viaCalendar && rest.size() == 1) {
      return only(method, "GET", new GraphRoute(Op.GET_CALENDAR, user, null));
    }
    if (viaCalendar) {
      rest = rest.subList(1, rest.size());
      if (rest.size() == 1 && (is(rest.get(0), "getSchedule")
          || is(rest.get(0), "microsoft.graph.getSchedule"))) {
        return only(method, "POST", new GraphRoute(Op.GET_SCHEDULE, user, null));
      }
    }
    String first = rest.get(0);
    if (is(first, "calendarView")) {
      if (rest.size() == 1) {
        return only(method, "GET", new GraphRoute(Op.CALENDAR_VIEW, user, null));
      }
      if (rest.size() == 2 && (is(rest.get(1), "delta") || is(rest.get(1), "delta()")
          || is(rest.get(1), "microsoft.graph.delta") || is(rest.get(1), "microsoft.graph.delta()"))) {
        return only(method, "GET", new GraphRoute(Op.DELTA, user, null));
      }
    }
    if (is(first, "events")) {
      if (rest.size() == 1) {
        return method.equals("GET") ? new GraphRoute(Op.LIST_EVENTS, user, null)
            : only(method, "POST", new GraphRoute(Op.CREATE_EVENT, user, null));
      }
      String id = rest.get(1);
      if (rest.size() == 2) {
        switch (method) {
          case "GET":
            return new GraphRoute(Op.GET_EVENT, user, id);
          case "PATCH":
            return new GraphRoute(Op.UPDATE_EVENT, user, id);
          case "DELETE":
            return new GraphRoute(Op.DELETE_EVENT, user, id);
          default:
            throw notAllowed(method);
        }
      }
      if (rest.size() == 3
          && (is(rest.get(2), "cancel") || is(rest.get(2), "microsoft.graph.cancel"))) {
        return only(method, "POST", new GraphRoute(Op.CANCEL_EVENT, user, id));
      }
      if (rest.size() == 3 && is(rest.get(2), "instances")) {
        return only(method, "GET", new GraphRoute(Op.LIST_INSTANCES, user, id));
      }
    }
    throw unknown(rest.get(rest.size() - 1));
  }

  private static boolean is(String segment, String literal) {
    return segment.equalsIgnoreCase(literal);
  }

  private static GraphRoute only(String method, String allowed, GraphRoute route) {
    if (!method.equals(allowed)) {
      throw notAllowed(method);
    }
    return route;
  }

  private static GraphException unknown(String segment) {
    return GraphException.badRequest("BadRequest",
        "Resource not found for the segment '" + segment + "'.");
  }

  private static GraphException notAllowed(String method) {
    return new GraphException(405, "Request_BadRequest",
        "Specified HTTP method is not allowed for the request target: " + method + ".");
  }
}
