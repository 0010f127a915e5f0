package com.workplace.calendar.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlacesTest {

  @RegisterExtension
  static final FakeMicrosoft365Extension EXT =
      FakeMicrosoft365Extension.newInstance().resetBetweenTests(true).build();

  private Fixture f;

  @BeforeEach
  void setUp() {
    f = new Fixture(EXT.get());
  }

  @Test
  void roomsLookLikeTheDocumentedPayload() {
    f.tenant.room("cf100@contoso.onmicrosoft.com").displayName("Conf Room 100").capacity(50)
        .building("1").floorNumber(1).label("100").tags("bean bags").add();

    Http.Reply r = f.http.get("places/microsoft.graph.room", f.token);

    assertThat(r.status()).isEqualTo(200);
    assertThat((String) r.json().get("@odata.context"))
        .endsWith("/v1.0/$metadata#places/microsoft.graph.room");
    Map<String, Object> room = r.value().get(2);
    Map<String, Object> expected = sample("list-rooms-in-roomlist.json");
    assertThat(room.keySet()).containsAll(expected.keySet());
    assertThat(room).containsEntry("emailAddress", "cf100@contoso.onmicrosoft.com")
        .containsEntry("capacity", 50L).containsEntry("floorNumber", 1L)
        .containsEntry("tags", List.of("bean bags"));
  }

  @Test
  void kiotaStyleCastSegmentsWorkToo() {
    assertThat(f.http.get("places/graph.room", f.token).value()).hasSize(2);
    assertThat(f.http.get("places/graph.roomList", f.token).status()).isEqualTo(200);
  }

  @Test
  void pagesOfOneHundredByDefaultAndTopOnRequest() {
    for (int i = 0; i < 150; i++) {
      f.tenant.addRoom("room" + i + "@contoso.onmicrosoft.com", "Room " + i);
    }

    List<String> seen = new ArrayList<>();
    String url = f.m365.graphUri() + "places/microsoft.graph.room";
    int pages = 0;
    while (url != null) {
      Http.Reply r = f.http.get(url, f.token);
      assertThat(r.value()).hasSizeLessThanOrEqualTo(100);
      r.value().forEach(room -> seen.add((String) room.get("emailAddress")));
      url = (String) r.json().get("@odata.nextLink");
      if (url != null) {
        assertThat(url).startsWith(f.m365.graphUri().toString());
      }
      pages++;
    }
    assertThat(pages).isEqualTo(2);
    assertThat(seen).hasSize(152).doesNotHaveDuplicates();

    Http.Reply top = f.http.get("places/microsoft.graph.room?$top=40&$count=true", f.token);
    assertThat(top.value()).hasSize(40);
    assertThat(top.json()).containsEntry("@odata.count", 152L);
    assertThat((String) top.json().get("@odata.nextLink")).contains("$skip=40");
  }

  @Test
  void roomListsAndTheirRooms() {
    f.tenant.addRoomList("bldg1@contoso.onmicrosoft.com", "Building 1", Fixture.ROOM);
    f.tenant.addRoomList("bldg2@contoso.onmicrosoft.com", "Building 2");
    f.tenant.room("annex@contoso.onmicrosoft.com").displayName("Annex")
        .inRoomList("bldg2@contoso.onmicrosoft.com").add();

    Http.Reply lists = f.http.get("places/microsoft.graph.roomlist", f.token);
    assertThat(lists.value()).extracting(m -> m.get("emailAddress"))
        .containsExactly("bldg1@contoso.onmicrosoft.com", "bldg2@contoso.onmicrosoft.com");
    assertThat(lists.value().get(0).keySet()).contains("id", "displayName", "emailAddress",
        "address", "phone");

    Http.Reply rooms = f.http.get(
        "places/bldg2%40contoso.onmicrosoft.com/microsoft.graph.roomlist/rooms", f.token);
    assertThat(rooms.value()).extracting(m -> m.get("emailAddress"))
        .containsExactly("annex@contoso.onmicrosoft.com");

    Http.Reply missing = f.http.get(
        "places/nope%40contoso.onmicrosoft.com/microsoft.graph.roomlist/rooms", f.token);
    assertThat(missing.status()).isEqualTo(404);
  }

  @Test
  void roomsCarryTheirBookingType() {
    f.tenant.room("desk-zone@contoso.onmicrosoft.com").bookingType("reserved").add();
    f.tenant.room("odd@contoso.onmicrosoft.com").bookingType("Unknown").add();

    Http.Reply r = f.http.get("places/microsoft.graph.room", f.token);

    assertThat(r.value()).extracting(m -> m.get("bookingType"))
        .containsExactly("standard", "standard", "reserved", "unknown");
    assertThat(f.http.get("places/desk-zone%40contoso.onmicrosoft.com", f.token).json())
        .containsEntry("bookingType", "reserved");
    org.assertj.core.api.Assertions.assertThatThrownBy(() ->
        f.tenant.room("x@contoso.onmicrosoft.com").bookingType("firstComeFirstServed"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> sample(String fixture) {
    return ((List<Map<String, Object>>) Fixture.fixtureJson(fixture).get("value")).get(0);
  }
}
