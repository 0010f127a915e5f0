package com.workplace.calendar.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workplace.calendar.space.LinkMode;
import org.junit.jupiter.api.Test;

class BuildersTest {
  private final TestWorld world = new TestWorld();

  @Test
  void optionsRejectValuesOutOfRange() {
    CsvImportOptions.Builder builder = CsvImportOptions.builder();

    assertThatThrownBy(() -> builder.maxFileBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxFileBytes");
    assertThatThrownBy(() -> builder.maxRows(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxFieldLength(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxColumns(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.maxReportedErrors(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.linkedSpaces(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void optionsAreImmutableValuesWithVariants() {
    CsvImportOptions options =
        CsvImportOptions.builder()
            .maxRows(10)
            .existingCalendars(ExistingCalendarPolicy.UPDATE_LINK)
            .linkedSpaces(LinkMode.MOVE)
            .build();

    CsvImportOptions variant = options.toBuilder().maxRows(20).build();

    assertThat(options.maxRows()).isEqualTo(10);
    assertThat(variant.maxRows()).isEqualTo(20);
    assertThat(variant.linkedSpaces()).isEqualTo(LinkMode.MOVE);
    assertThat(options.toBuilder().build()).isEqualTo(options).hasSameHashCodeAs(options);
    assertThat(variant).isNotEqualTo(options);
    assertThat(CsvImportOptions.defaults().existingCalendars())
        .isEqualTo(ExistingCalendarPolicy.SKIP);
    assertThat(CsvImportOptions.defaults().linkedSpaces()).isEqualTo(LinkMode.FAIL_IF_LINKED);
  }

  @Test
  void importerNeedsRegistryAndSpaceMapper() {
    assertThatThrownBy(() -> CalendarCsvImporter.builder().spaceMapper(world.mapper).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CalendarRegistry");
    assertThatThrownBy(() -> CalendarCsvImporter.builder().registry(world.registry).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SpaceMapper");
    assertThat(world.importer().options()).isEqualTo(CsvImportOptions.defaults());
  }

  @Test
  void exporterNeedsRegistryAndSpaceMapperAndAKnownDelimiter() {
    assertThatThrownBy(() -> CalendarCsvExporter.builder().registry(world.registry).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> CalendarCsvExporter.builder().delimiter('\t'))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CalendarCsvExporter.builder().pageSize(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
