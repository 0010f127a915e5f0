package com.workplace.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.ConflictException;
import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.registry.RoomCalendar;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.space.SpaceLink;
import com.workplace.calendar.store.InMemoryCalendarStore;
import com.workplace.calendar.tenant.Tenant;
import com.workplace.calendar.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DefaultSpaceMapperTest {
  private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  private static final TenantId CONTOSO = TenantId.parse("contoso.onmicrosoft.com");
  private static final String ORCHARD = "orchard@contoso.onmicrosoft.com";
  private static final String MARINA = "marina@contoso.onmicrosoft.com";

  /** The host's spaces: a fixed list searched by ID or name. */
  static final class ListSpaceDirectory implements SpaceDirectory {
    private final List<Space> spaces;

    ListSpaceDirectory(List<Space> spaces) {
      this.spaces = spaces;
    }

    @Override
    public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
      return spaces.stream().filter(s -> s.id().equals(spaceId)).findFirst();
    }

    @Override
    public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
      String needle = text.toLowerCase(Locale.ROOT);
      int offset = page.cursor().map(Integer::parseInt).orElse(0);
      List<Space> hits =
          spaces.stream()
              .filter(
                  s ->
                      s.id().value().toLowerCase(Locale.ROOT).contains(needle)
                          || s.name().toLowerCase(Locale.ROOT).contains(needle))
              .toList();
      int end = Math.min(hits.size(), offset + page.size());
      return new Page<>(
          hits.subList(offset, end),
          end < hits.size() ? Optional.of(Integer.toString(end)) : Optional.empty());
    }
  }

  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private InMemoryCalendarStore store;
  private DefaultSpaceMapper mapper;

  @BeforeEach
  void setUp() {
    store = InMemoryCalendarStore.create(clock);
    store.insertTenant(Tenant.pending(CONTOSO, NOW));
    store.insertCalendar(RoomCalendar.added(CONTOSO, ORCHARD, "Orchard", NOW));
    store.insertCalendar(RoomCalendar.added(CONTOSO, MARINA, "Marina", NOW));
    mapper =
        new DefaultSpaceMapper(
            store,
            new ListSpaceDirectory(
                List.of(
                    Space.of(SpaceId.of("4.12"), "Orchard room"),
                    Space.of(SpaceId.of("4.13"), "Marina room"),
                    Space.of(SpaceId.of("5.01"), "Boardroom"))),
            clock);
  }

  @Test
  void linksAndFindsBothWays() {
    SpaceLink link = mapper.link(CONTOSO, " Orchard@contoso.onmicrosoft.com", SpaceId.of("4.12"), LinkMode.FAIL_IF_LINKED);
    assertThat(link.calendarEmail()).isEqualTo(ORCHARD);
    assertThat(mapper.findBySpace(CONTOSO, SpaceId.of("4.12"))).contains(link);
    assertThat(mapper.findByCalendar(CONTOSO, ORCHARD)).contains(link);
    assertThat(mapper.links(CONTOSO)).containsExactly(link);
  }

  @Test
  void aSpaceLinkedElsewhereIsRefusedWithAClearMessageUnlessMoved() {
    mapper.link(CONTOSO, ORCHARD, SpaceId.of("4.12"), LinkMode.FAIL_IF_LINKED);
    assertThatThrownBy(() -> mapper.link(CONTOSO, MARINA, SpaceId.of("4.12"), LinkMode.FAIL_IF_LINKED))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("already linked to calendar " + ORCHARD)
        .hasMessageContaining("LinkMode.MOVE");
    assertThat(mapper.findBySpace(CONTOSO, SpaceId.of("4.12")).orElseThrow().calendarEmail()).isEqualTo(ORCHARD);

    mapper.link(CONTOSO, MARINA, SpaceId.of("4.12"), LinkMode.MOVE);
    assertThat(mapper.findBySpace(CONTOSO, SpaceId.of("4.12")).orElseThrow().calendarEmail()).isEqualTo(MARINA);
    assertThat(mapper.findByCalendar(CONTOSO, ORCHARD)).isEmpty();
  }

  @Test
  void unknownSpacesAndCalendarsAreRefused() {
    assertThatThrownBy(() -> mapper.link(CONTOSO, ORCHARD, SpaceId.of("9.99"), LinkMode.FAIL_IF_LINKED))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("space directory");
    assertThatThrownBy(
            () -> mapper.link(CONTOSO, "nobody@contoso.onmicrosoft.com", SpaceId.of("4.12"), LinkMode.FAIL_IF_LINKED))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("not registered");
    assertThat(mapper.links(CONTOSO)).isEmpty();
  }

  @Test
  void everyCallRefusesANullTenant() {
    mapper.link(CONTOSO, ORCHARD, SpaceId.of("4.12"), LinkMode.FAIL_IF_LINKED);
    assertThatThrownBy(() -> mapper.unlinkSpace(null, SpaceId.of("4.12"))).isInstanceOf(NullPointerException.class).hasMessage("tenantId");
    assertThatThrownBy(() -> mapper.unlinkCalendar(null, ORCHARD)).isInstanceOf(NullPointerException.class).hasMessage("tenantId");
    assertThatThrownBy(() -> mapper.findBySpace(null, SpaceId.of("4.12"))).isInstanceOf(NullPointerException.class).hasMessage("tenantId");
    assertThatThrownBy(() -> mapper.findByCalendar(null, ORCHARD)).isInstanceOf(NullPointerException.class).hasMessage("tenantId");
    assertThat(mapper.findBySpace(CONTOSO, SpaceId.of("4.12"))).isPresent();
  }

  @Test
  void unlinkingKeepsTheCalendar() {
    mapper.link(CONTOSO, ORCHARD, SpaceId.of("4.12"), LinkMode.FAIL_IF_LINKED);
    mapper.link(CONTOSO, MARINA, SpaceId.of("4.13"), LinkMode.FAIL_IF_LINKED);
    assertThat(mapper.unlinkSpace(CONTOSO, SpaceId.of("4.12"))).isTrue();
    assertThat(mapper.unlinkSpace(CONTOSO, SpaceId.of("4.12"))).isFalse();
    assertThat(mapper.unlinkCalendar(CONTOSO, MARINA)).isTrue();
    assertThat(mapper.links(CONTOSO)).isEmpty();
    assertThat(store.countCalendars(CONTOSO)).isEqualTo(2);
  }

  @Test
  void searchesAndBrowsesTheDirectory() {
    assertThat(mapper.search(CONTOSO, "room", PageRequest.first()).items())
        .extracting(s -> s.id().value())
        .containsExactly("4.12", "4.13", "5.01");
    assertThat(mapper.search(CONTOSO, " 4.1 ", PageRequest.first()).items()).hasSize(2);
    Page<Space> first = mapper.search(CONTOSO, null, PageRequest.first(2));
    assertThat(first.items()).hasSize(2);
    assertThat(mapper.search(CONTOSO, "", PageRequest.first(2).next(first)).items()).hasSize(1);
    assertThat(mapper.space(CONTOSO, SpaceId.of("5.01"))).map(Space::name).contains("Boardroom");
    assertThatThrownBy(() -> mapper.search(CONTOSO, "x".repeat(201), PageRequest.first()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
