package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static com.workplace.calendar.csv.TestWorld.resource;
import static com.workplace.calendar.csv.TestWorld.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.workplace.calendar.csv.RowError.Reason;
import com.workplace.calendar.space.LinkMode;
import org.junit.jupiter.api.Test;

/** Each reason a row can fail for, and the options for registered calendars and linked spaces. */
class RowReasonsTest {
  private final TestWorld world = new TestWorld();

  @Test
  void invalidRowsSayWhy() {
    ImportReport report = world.importer().apply(TENANT, resource("invalid-rows.csv"));

    assertThat(report.totalRows()).isEqualTo(7);
    assertThat(report.added()).isEqualTo(1);
    assertThat(report.errors())
        .extracting(RowError::line, RowError::reason)
        .containsExactly(
            tuple(2L, Reason.EMAIL_INVALID),
            tuple(3L, Reason.EMAIL_INVALID),
            tuple(4L, Reason.EMAIL_INVALID),
            tuple(5L, Reason.EMAIL_MISSING),
            tuple(6L, Reason.ROOM_ID_INVALID),
            tuple(7L, Reason.ROOM_ID_INVALID));
    assertThat(report.errors())
        .extracting(RowError::message)
        .satisfiesExactly(
            m -> assertThat(m).contains("'room101contoso.com'").contains("has no '@'"),
            m -> assertThat(m).contains("part before '@' is invalid"),
            m -> assertThat(m).contains("domain needs a dot"),
            m -> assertThat(m).contains("e-mail address is empty"),
            m -> assertThat(m).contains("longer than 128 characters"),
            m -> assertThat(m).contains("control characters"));
    assertThat(world.snapshot().calendars())
        .extracting(c -> c.email())
        .containsExactly("room-107@contoso.com");
  }

  @Test
  void duplicatesNameTheLineOfTheFirstAppearance() {
    ImportReport report = world.importer().apply(TENANT, resource("duplicates.csv"));

    assertThat(report.added()).isEqualTo(1);
    assertThat(report.errors())
        .extracting(RowError::line, RowError::reason)
        .containsExactly(
            tuple(3L, Reason.DUPLICATE_EMAIL),
            tuple(4L, Reason.DUPLICATE_ROOM_ID),
            tuple(5L, Reason.DUPLICATE_EMAIL));
    assertThat(report.errors().get(0).message())
        .contains("room-101@contoso.com already appears on line 2");
    assertThat(report.errors().get(1).message())
        .contains("roomID '101' is already used on line 2 for room-101@contoso.com");
    assertThat(report.errors().get(2).email()).isEqualTo("ROOM-101@CONTOSO.COM");
    assertThat(world.spaceOf("room-101@contoso.com")).contains("101");
    assertThat(world.isRegistered("room-103@contoso.com")).isFalse();
  }

  @Test
  void roomIdsOutsideTheSpaceDirectoryAreRejected() {
    ImportReport report = world.importer().apply(TENANT, resource("unknown-space.csv"));

    assertThat(report.errors())
        .extracting(RowError::line, RowError::reason, RowError::roomId)
        .containsExactly(
            tuple(3L, Reason.SPACE_NOT_FOUND, "999"), tuple(4L, Reason.SPACE_NOT_FOUND, "#N/A"));
    assertThat(report.errors().get(0).message()).contains("roomID '999' is not a space");
    assertThat(world.isRegistered("room-999@contoso.com")).isFalse();
  }

  @Test
  void aSpaceLinkedToAnotherCalendarFailsTheRowNamingThatCalendar() {
    world.registerAndLink("old-101@contoso.com", "101");

    ImportReport report = world.importer().apply(TENANT, resource("linked-elsewhere.csv"));

    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).isEqualTo(Reason.SPACE_LINKED_ELSEWHERE);
              assertThat(e.message())
                  .contains("already linked to calendar old-101@contoso.com")
                  .contains("move");
            });
    assertThat(world.isRegistered("room-new@contoso.com")).isFalse();
    assertThat(world.spaceOf("old-101@contoso.com")).contains("101");
    assertThat(world.spaceOf("room-other@contoso.com")).contains("102");
  }

  @Test
  void theMoveOptionMovesALinkedSpace() {
    world.registerAndLink("old-101@contoso.com", "101");
    CsvImportOptions move = CsvImportOptions.builder().linkedSpaces(LinkMode.MOVE).build();

    ImportReport report = world.importer(move).apply(TENANT, resource("linked-elsewhere.csv"));

    assertThat(report.failed()).isZero();
    assertThat(report.added()).isEqualTo(2);
    assertThat(report.linked()).isEqualTo(2);
    assertThat(world.spaceOf("room-new@contoso.com")).contains("101");
    assertThat(world.isRegistered("old-101@contoso.com")).isTrue();
    assertThat(world.spaceOf("old-101@contoso.com")).isEmpty();
  }

  @Test
  void registeredCalendarsAreSkippedAsUnchangedByDefault() {
    registerTheCalendarsOfAlreadyRegisteredCsv();
    TestWorld.Snapshot before = world.snapshot();

    ImportReport report = world.importer().apply(TENANT, resource("already-registered.csv"));

    assertThat(report.totalRows()).isEqualTo(5);
    assertThat(report.unchanged()).isEqualTo(4);
    assertThat(report.added()).isEqualTo(1);
    assertThat(report.linked()).isEqualTo(1);
    assertThat(world.spaceOf("room-102@contoso.com")).contains("102");
    assertThat(world.spaceOf("room-104@contoso.com")).isEmpty();
    assertThat(world.spaceOf("room-new@contoso.com")).contains("106");
    assertThat(world.snapshot().calendars()).containsAll(before.calendars());
  }

  @Test
  void registeredCalendarsGetTheirSpaceLinkUpdatedWhenAsked() {
    registerTheCalendarsOfAlreadyRegisteredCsv();
    CsvImportOptions update =
        CsvImportOptions.builder().existingCalendars(ExistingCalendarPolicy.UPDATE_LINK).build();

    ImportReport report = world.importer(update).apply(TENANT, resource("already-registered.csv"));

    // 101: same link; 103: no roomID (an existing link is never removed); 102, 104, new: linked
    assertThat(report.unchanged()).isEqualTo(2);
    assertThat(report.linked()).isEqualTo(3);
    assertThat(report.added()).isEqualTo(1);
    assertThat(world.spaceOf("room-101@contoso.com")).contains("101");
    assertThat(world.spaceOf("room-102@contoso.com")).contains("105");
    assertThat(world.spaceOf("room-103@contoso.com")).contains("103");
    assertThat(world.spaceOf("room-104@contoso.com")).contains("104");
    assertThat(world.mapper.findBySpace(TENANT, com.workplace.calendar.space.SpaceId.of("102")))
        .isEmpty();
  }

  @Test
  void anEmptyRoomIdRegistersWithoutLink() {
    ImportReport report =
        world
            .importer()
            .apply(TENANT, text("email,roomID\nroom-a@contoso.com,\nroom-b@contoso.com\n"));

    assertThat(report.added()).isEqualTo(2);
    assertThat(report.linked()).isZero();
    assertThat(world.snapshot().links()).isEmpty();
  }

  @Test
  void aFileWithoutRoomColumnOnlyRegisters() {
    ImportReport report = world.importer().apply(TENANT, text("Email\nroom-a@contoso.com\n"));

    assertThat(report.added()).isEqualTo(1);
    assertThat(world.isRegistered("room-a@contoso.com")).isTrue();
  }

  @Test
  void theApostropheThatNeutralizesAFormulaIsRemoved() {
    world.directory.add("-5");

    ImportReport report =
        world.importer().apply(TENANT, text("email,roomID\n'-room@contoso.com,'-5\n"));

    assertThat(report.failed()).isZero();
    assertThat(world.spaceOf("-room@contoso.com")).contains("-5");
  }

  @Test
  void nonBreakingSpacesAroundValuesAreTrimmed() {
    ImportReport report =
        world
            .importer()
            .apply(TENANT, text("email,roomID\n\u00a0room-a@contoso.com\u200b, 101\u00a0\n"));

    assertThat(report.failed()).isZero();
    assertThat(world.spaceOf("room-a@contoso.com")).contains("101");
  }

  private void registerTheCalendarsOfAlreadyRegisteredCsv() {
    world.registerAndLink("room-101@contoso.com", "101");
    world.registerAndLink("room-102@contoso.com", "102");
    world.registerAndLink("room-103@contoso.com", "103");
    world.register("room-104@contoso.com");
  }
}
