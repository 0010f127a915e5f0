package com.workplace.calendar.graph.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.CalendarServiceException;
import com.workplace.calendar.registry.DiscoveredRoom;
import com.workplace.calendar.spi.CalendarEvent;
import com.workplace.calendar.spi.DeltaItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphReaderTest {

  @Test
  void readsTheDocumentedDeltaPages() {
    JsonValue page = Fixtures.json("calendarview-delta-page1-nextlink.json");
    List<DeltaItem> items = new ArrayList<>();
    page.path("value").forEach(n -> items.add(GraphReader.deltaItem(n)));
    assertThat(items).isNotEmpty();
    CalendarEvent first = items.get(0).event().orElseThrow();
    assertThat(first.subject()).contains("Plan shopping list");
    assertThat(first.start()).isEqualTo(Instant.parse("2016-12-09T20:30:00Z"));
    assertThat(first.organizer().orElseThrow().email()).isEqualTo("samanthab@contoso.onmicrosoft.com");

    JsonValue last = Fixtures.json("calendarview-delta-final-deltalink.json");
    assertThat(GraphReader.text(last, "@odata.deltaLink")).isPresent();
    last.path("value").forEach(n -> assertThat(GraphReader.deltaItem(n).eventId()).isNotBlank());
  }

  @Test
  void readsRemovedEntries() throws Exception {
    JsonValue removed =
        JsonValue.parse(
            "{\"@odata.type\":\"#microsoft.graph.event\",\"id\":\"AAMk-1\",\"@removed\":{\"reason\":\"deleted\"}}");
    DeltaItem item = GraphReader.deltaItem(removed);
    assertThat(item.removed()).isTrue();
    assertThat(item.eventId()).isEqualTo("AAMk-1");
  }

  @Test
  void convertsWindowsZonesToInstants() throws Exception {
    JsonValue event =
        JsonValue.parse(
            "{\"id\":\"e\",\"start\":{\"dateTime\":\"2026-07-01T09:00:00.0000000\",\"timeZone\":\"Pacific Standard Time\"},"
                + "\"end\":{\"dateTime\":\"2026-07-01T10:00:00\",\"timeZone\":\"Pacific Standard Time\"}}");
    CalendarEvent parsed = GraphReader.event(event);
    assertThat(parsed.start()).isEqualTo(Instant.parse("2026-07-01T16:00:00Z"));
    assertThat(parsed.end()).isEqualTo(Instant.parse("2026-07-01T17:00:00Z"));
    assertThat(parsed.subject()).isEmpty();
  }

  @Test
  void readsRoomsLenientlyAcrossDocumentedShapes() throws Exception {
    List<DiscoveredRoom> rooms = new ArrayList<>();
    Fixtures.json("list-rooms.json").path("value").forEach(n -> GraphReader.room(n, List.of()).ifPresent(rooms::add));
    assertThat(rooms).isNotEmpty();
    DiscoveredRoom first = rooms.get(0);
    assertThat(first.email()).isEqualTo("cf100@contoso.com");
    assertThat(first.capacity()).contains(50);
    assertThat(first.building()).contains("1");

    JsonValue oldShape =
        JsonValue.parse(
            "{\"EmailAddress\":\"Old@Contoso.com\",\"displayName\":\"Old\",\"capacity\":\"12\",\"floorLabel\":\"2nd\"}");
    DiscoveredRoom old = GraphReader.room(oldShape, List.of("list@contoso.com")).orElseThrow();
    assertThat(old.email()).isEqualTo("old@contoso.com");
    assertThat(old.capacity()).contains(12);
    assertThat(old.floor()).contains("2nd");
    assertThat(old.roomLists()).containsExactly("list@contoso.com");

    JsonValue wrongTypes =
        JsonValue.parse("{\"emailAddress\":\"x@contoso.com\",\"capacity\":{\"a\":1},\"building\":[1]}");
    DiscoveredRoom lenient = GraphReader.room(wrongTypes, List.of()).orElseThrow();
    assertThat(lenient.capacity()).isEmpty();
    assertThat(lenient.building()).isEmpty();
    assertThat(GraphReader.room(JsonValue.parse("{\"displayName\":\"no mail\"}"), List.of())).isEqualTo(Optional.empty());
  }

  @Test
  void refusesEventsWithoutTheEssentials() throws Exception {
    assertThatThrownBy(() -> GraphReader.event(JsonValue.parse("{\"subject\":\"x\"}")))
        .isInstanceOf(CalendarServiceException.class)
        .hasMessageContaining("without an id");
    assertThatThrownBy(
            () -> GraphReader.event(JsonValue.parse("{\"id\":\"x\",\"start\":{\"dateTime\":\"yesterday\"},\"end\":{}}")))
        .isInstanceOf(CalendarServiceException.class);
  }

  @Test
  void readsNotificationPayloads() {
    byte[] body = Fixtures.json("change-notification-payload.json").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var notifications = GraphSyncCalls.parseNotifications(body);
    assertThat(notifications).isNotEmpty();
    assertThat(notifications.get(0).subscriptionId()).isNotBlank();
    assertThatThrownBy(() -> GraphSyncCalls.parseNotifications("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GraphSyncCalls.parseNotifications("{\"value\":[{}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
