package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static com.workplace.calendar.csv.TestWorld.resource;
import static com.workplace.calendar.csv.TestWorld.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.ResourceNotFoundException;
import com.workplace.calendar.csv.RowError.Reason;
import com.workplace.calendar.space.LinkMode;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Dry run changes nothing and predicts apply; apply is per row atomic and idempotent. */
class DryRunAndApplyTest {
  private final TestWorld world = new TestWorld();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "excel-export.csv",
        "already-registered.csv",
        "linked-elsewhere.csv",
        "duplicates.csv",
        "quoted-newline.csv"
      })
  void aDryRunChangesNothingAndReportsWhatApplyingDoes(String file) {
    world.registerAndLink("room-101@contoso.com", "101");
    world.registerAndLink("old-102@contoso.com", "102");
    world.register("room-104@contoso.com");
    CsvImportOptions options =
        CsvImportOptions.builder()
            .existingCalendars(ExistingCalendarPolicy.UPDATE_LINK)
            .linkedSpaces(LinkMode.MOVE)
            .build();
    TestWorld.Snapshot before = world.snapshot();

    ImportReport dryRun = world.importer(options).dryRun(TENANT, resource(file));

    assertThat(dryRun.dryRun()).isTrue();
    assertThat(world.snapshot()).isEqualTo(before);

    ImportReport applied = world.importer(options).apply(TENANT, resource(file));

    assertThat(applied.dryRun()).isFalse();
    assertThat(applied.totalRows()).isEqualTo(dryRun.totalRows());
    assertThat(applied.added()).isEqualTo(dryRun.added());
    assertThat(applied.linked()).isEqualTo(dryRun.linked());
    assertThat(applied.unchanged()).isEqualTo(dryRun.unchanged());
    assertThat(applied.errors()).isEqualTo(dryRun.errors());
  }

  @Test
  void aDryRunFollowsSpacesFreedByEarlierRows() {
    world.registerAndLink("room-a@contoso.com", "101");
    CsvImportOptions update =
        CsvImportOptions.builder().existingCalendars(ExistingCalendarPolicy.UPDATE_LINK).build();
    String csv = "email,roomID\nroom-a@contoso.com,102\nroom-b@contoso.com,101\n";

    ImportReport dryRun = world.importer(update).dryRun(TENANT, text(csv));
    ImportReport applied = world.importer(update).apply(TENANT, text(csv));

    assertThat(dryRun.failed()).isZero();
    assertThat(applied.failed()).isZero();
    assertThat(dryRun.linked()).isEqualTo(2).isEqualTo(applied.linked());
    assertThat(world.spaceOf("room-b@contoso.com")).contains("101");
  }

  @Test
  void applyingTheSameFileTwiceChangesNothingTheSecondTime() {
    ImportReport first = world.importer().apply(TENANT, resource("excel-export.csv"));
    TestWorld.Snapshot afterFirst = world.snapshot();

    ImportReport second = world.importer().apply(TENANT, resource("excel-export.csv"));

    assertThat(first.applied()).isEqualTo(4);
    assertThat(second.added()).isZero();
    assertThat(second.linked()).isZero();
    assertThat(second.unchanged()).isEqualTo(4);
    assertThat(second.errors()).isEqualTo(first.errors());
    assertThat(world.snapshot()).isEqualTo(afterFirst);
  }

  @Test
  void rerunningWithUpdatedLinksIsIdempotentToo() {
    CsvImportOptions update =
        CsvImportOptions.builder().existingCalendars(ExistingCalendarPolicy.UPDATE_LINK).build();
    world.importer(update).apply(TENANT, resource("basic.csv"));
    TestWorld.Snapshot afterFirst = world.snapshot();

    ImportReport second = world.importer(update).apply(TENANT, resource("basic.csv"));

    assertThat(second.unchanged()).isEqualTo(3);
    assertThat(world.snapshot()).isEqualTo(afterFirst);
  }

  @Test
  void aRowWhoseSpaceVanishesBeforeTheLinkIsRolledBack() {
    // the space exists when the row is checked, and is gone when the mapper links it
    world.directory.onLookup(
        (space, lookup) -> {
          if (space.value().equals("101") && lookup == 2) {
            world.directory.remove("101");
          }
        });

    ImportReport report = world.importer().apply(TENANT, resource("basic.csv"));

    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.reason()).isEqualTo(Reason.SPACE_NOT_FOUND);
              assertThat(e.message()).contains("the calendar was not registered either");
            });
    assertThat(world.isRegistered("room-101@contoso.com")).isFalse();
    assertThat(world.spaceOf("room-102@contoso.com")).contains("102");
    assertThat(report.added()).isEqualTo(2);
  }

  @Test
  void aRowWhoseSpaceIsTakenBeforeTheLinkIsRolledBack() {
    world.register("other@contoso.com");
    // another administrator links space 101 between the check and the link
    world.directory.onLookup(
        (space, lookup) -> {
          if (space.value().equals("101") && lookup == 2) {
            world.mapper.link(TENANT, "other@contoso.com", space, LinkMode.FAIL_IF_LINKED);
          }
        });

    ImportReport report = world.importer().apply(TENANT, resource("basic.csv"));

    assertThat(report.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.SPACE_LINKED_ELSEWHERE);
              assertThat(e.message()).contains("other@contoso.com");
            });
    assertThat(world.isRegistered("room-101@contoso.com")).isFalse();
    assertThat(world.mapper.findBySpace(TENANT, SpaceId.of("101")))
        .hasValueSatisfying(l -> assertThat(l.calendarEmail()).isEqualTo("other@contoso.com"));
  }

  @Test
  void aFailingDirectoryRollsTheRowBackAndPropagates() {
    world.directory.onLookup(
        (space, lookup) -> {
          if (space.value().equals("102") && lookup == 2) {
            throw new IllegalStateException("directory down");
          }
        });

    assertThatThrownBy(() -> world.importer().apply(TENANT, resource("basic.csv")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("directory down");
    assertThat(world.isRegistered("room-101@contoso.com")).isTrue();
    assertThat(world.isRegistered("room-102@contoso.com")).isFalse();
  }

  @Test
  void theFileVariantsImportLikeTheStreamVariants() throws IOException {
    Path file = dir.resolve("excel.csv");
    Files.write(file, TestWorld.resourceBytes("excel-export.csv"));

    ImportReport dryRun = world.importer().dryRun(TENANT, file);
    ImportReport applied = world.importer().apply(TENANT, file);

    assertThat(dryRun.added()).isEqualTo(applied.added()).isEqualTo(4);
    assertThat(world.isRegistered("everest@contoso.com")).isTrue();
  }

  @Test
  void aFileThatCannotBeReadIsAnIoError() {
    assertThatThrownBy(() -> world.importer().dryRun(TENANT, dir.resolve("missing.csv")))
        .isInstanceOf(CsvIoException.class)
        .hasMessageContaining("missing.csv");
  }

  @Test
  void aFailingStreamIsAnIoError() {
    java.io.InputStream failing =
        new java.io.InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> world.importer().dryRun(TENANT, failing))
        .isInstanceOf(CsvIoException.class)
        .hasMessageContaining("connection reset");
  }

  @Test
  void theCallersStreamIsNotClosed() throws IOException {
    java.util.concurrent.atomic.AtomicBoolean closed =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.io.InputStream in =
        new java.io.FilterInputStream(resource("basic.csv")) {
          @Override
          public void close() throws IOException {
            closed.set(true);
            super.close();
          }
        };

    world.importer().dryRun(TENANT, in);

    assertThat(closed).isFalse();
    in.close();
  }

  @Test
  void applyingToAnUnknownTenantFails() {
    TenantId unknown = TenantId.parse("fabrikam.onmicrosoft.com");

    assertThatThrownBy(() -> world.importer().apply(unknown, resource("basic.csv")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> world.importer().dryRun(unknown, resource("basic.csv")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("fabrikam.onmicrosoft.com");
  }
}
