package com.workplace.calendar.testkit;

/**
 * The Graph operations the fake serves, for matching requests ({@link RequestMatcher}). A
 * {@code $batch} is not an operation of its own: each of its items is matched as the operation
 * it is.
 *
 * @since 0.1.0
 */
public enum GraphOperation {
  /** {@code GET /places/microsoft.graph.room}. */
  LIST_ROOMS,
  /** {@code GET /places/microsoft.graph.roomlist}. */
  LIST_ROOM_LISTS,
  /** {@code GET /places/{list}/microsoft.graph.roomlist/rooms}. */
  LIST_ROOMS_IN_LIST,
  /** {@code GET /places/{id}}. */
  GET_PLACE,
  /** {@code GET /users/{id}/calendar}. */
  GET_CALENDAR,
  /** {@code GET /users/{id}/calendarView}. */
  CALENDAR_VIEW,
  /** {@code GET /users/{id}/calendarView/delta}. */
  CALENDAR_VIEW_DELTA,
  /** {@code GET /users/{id}/events}. */
  LIST_EVENTS,
  /** {@code GET /users/{id}/events/{eid}}. */
  GET_EVENT,
  /** {@code GET /users/{id}/events/{eid}/instances}. */
  LIST_INSTANCES,
  /** {@code POST /users/{id}/calendar/getSchedule}. */
  GET_SCHEDULE,
  /** {@code POST /users/{id}/events}. */
  CREATE_EVENT,
  /** {@code PATCH /users/{id}/events/{eid}}. */
  UPDATE_EVENT,
  /** {@code DELETE /users/{id}/events/{eid}}. */
  DELETE_EVENT,
  /** {@code POST /users/{id}/events/{eid}/cancel}. */
  CANCEL_EVENT,
  /** {@code POST /subscriptions}. */
  CREATE_SUBSCRIPTION,
  /** {@code GET /subscriptions}. */
  LIST_SUBSCRIPTIONS,
  /** {@code GET /subscriptions/{id}}. */
  GET_SUBSCRIPTION,
  /** {@code PATCH /subscriptions/{id}}. */
  RENEW_SUBSCRIPTION,
  /** {@code DELETE /subscriptions/{id}}. */
  DELETE_SUBSCRIPTION
}
