package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GraphOperationsTest {
  @ParameterizedTest
  @CsvSource({
    "POST, users/room@contoso.com/events, events.create",
    "GET, users/room@contoso.com/events, events.list",
    "GET, users/room@contoso.com/events/AAMk=, events.get",
    "PATCH, users/room@contoso.com/events/AAMk=, events.update",
    "DELETE, users/room@contoso.com/events/AAMk=, events.delete",
    "POST, users/room@contoso.com/events/AAMk=/cancel, events.cancel",
    "GET, users/room@contoso.com/events/AAMk=/instances, events.instances",
    "GET, users/room@contoso.com/calendarView, calendarView",
    "GET, users/room@contoso.com/calendarView/delta, calendarView.delta",
    "GET, users/room@contoso.com/calendar/calendarView/delta, calendarView.delta",
    "GET, users/room@contoso.com/calendar, calendar.get",
    "POST, users/room@contoso.com/calendar/getSchedule, getSchedule",
    "GET, places/microsoft.graph.room, places",
    "POST, subscriptions, subscriptions.create",
    "PATCH, subscriptions/123, subscriptions.renew",
    "DELETE, subscriptions/123, subscriptions.delete",
    "POST, $batch, batch",
    "GET, me, other",
    "GET, users/room@contoso.com/mailFolders, other"
  })
  void namesWhatARequestDoesWithoutItsAddresses(String method, String path, String operation) {
    assertThat(GraphOperations.of(method, path)).isEqualTo(operation);
  }
}
