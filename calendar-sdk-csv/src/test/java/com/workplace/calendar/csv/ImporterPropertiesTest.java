package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.space.LinkMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Properties of the importer over generated input: any bytes give a report or a CSV exception, and
 * a dry run never changes the store and reports what applying does.
 */
class ImporterPropertiesTest {

  /** Pieces that, strung together, reach every corner of the reader. */
  private static final List<byte[]> TOKENS =
      List.of(
          utf8("email"),
          utf8("roomID"),
          utf8("E-mail"),
          utf8("Room ID"),
          utf8(","),
          utf8(";"),
          utf8(","),
          utf8(";"),
          utf8("\""),
          utf8("\"\""),
          utf8("\n"),
          utf8("\r\n"),
          utf8("\r"),
          utf8("#"),
          utf8(" "),
          utf8("\t"),
          utf8("\u00a0"),
          utf8("\ufeff"),
          utf8("room-1@contoso.com"),
          utf8("ROOM-2@contoso.com"),
          utf8("room-1@contoso"),
          utf8("101"),
          utf8("102"),
          utf8("999"),
          utf8("'="),
          utf8("-"),
          utf8("@"),
          utf8("\u0001"),
          utf8("é"),
          utf8("x".repeat(60)),
          new byte[] {(byte) 0xC3, 0x28},
          new byte[] {(byte) 0xFF},
          new byte[] {0});

  private static final List<String> HEADERS =
      List.of(
          "",
          "email,roomID\n",
          "email;roomID\r\n",
          "\ufeffE-mail;Room ID\r\n",
          "mail\n",
          "sep=;\n");

  @Property(tries = 1000)
  void anyBytesGiveAReportOrACsvException(
      @ForAll @Size(max = 400) byte[] bytes,
      @ForAll("options") CsvImportOptions options,
      @ForAll boolean apply) {
    checkOutcome(bytes, options, apply);
  }

  @Property(tries = 1000)
  void csvLikeBytesGiveAReportOrACsvException(
      @ForAll("csvLike") byte[] bytes,
      @ForAll("options") CsvImportOptions options,
      @ForAll boolean apply) {
    checkOutcome(bytes, options, apply);
  }

  @Property(tries = 1000)
  void aDryRunNeverChangesTheStoreAndPredictsApply(@ForAll("scenarios") Scenario scenario) {
    TestWorld world = scenario.world();
    CalendarCsvImporter importer = world.importer(scenario.options());
    TestWorld.Snapshot before = world.snapshot();

    ImportReport dryRun = importer.dryRun(TENANT, scenario.csv());

    assertThat(world.snapshot()).isEqualTo(before);
    ImportReport applied = importer.apply(TENANT, scenario.csv());
    assertThat(applied.totalRows()).isEqualTo(dryRun.totalRows());
    assertThat(applied.added()).isEqualTo(dryRun.added());
    assertThat(applied.linked()).isEqualTo(dryRun.linked());
    assertThat(applied.unchanged()).isEqualTo(dryRun.unchanged());
    assertThat(applied.errors()).isEqualTo(dryRun.errors());
  }

  @Property(tries = 300)
  void reapplyingAFileWhoseRowsAllSucceededChangesNothing(
      @ForAll("successfulScenarios") Scenario scenario) {
    TestWorld world = scenario.world();
    CalendarCsvImporter importer = world.importer(scenario.options());

    ImportReport first = importer.apply(TENANT, scenario.csv());
    TestWorld.Snapshot afterFirst = world.snapshot();
    ImportReport second = importer.apply(TENANT, scenario.csv());

    assertThat(first.failed()).isZero();
    assertThat(second.unchanged()).isEqualTo(second.totalRows()).isEqualTo(first.totalRows());
    assertThat(world.snapshot()).isEqualTo(afterFirst);
  }

  @Property(tries = 300)
  void reportedLinesAreThePhysicalLinesWhereRowsStart(
      @ForAll("layouts") List<Integer> layout,
      @ForAll("lineBreaks") String lineBreak,
      @ForAll boolean byteOrderMark) {
    StringBuilder csv = new StringBuilder(byteOrderMark ? "\ufeff" : "");
    csv.append("email,roomID,notes").append(lineBreak);
    long line = 2;
    List<Long> expected = new java.util.ArrayList<>();
    int row = 0;
    for (int kind : layout) {
      switch (kind) {
        case 0 -> csv.append(lineBreak); // blank line
        case 1 -> csv.append("# a comment, with \"a quote").append(lineBreak);
        case 2 -> csv.append("  \t ").append(lineBreak); // only spaces
        case 3 -> csv.append(",,").append(lineBreak); // only empty cells
        case 4 -> {
          expected.add(line);
          csv.append("bad-").append(row++).append(",101,plain").append(lineBreak);
        }
        case 5 -> {
          expected.add(line);
          csv.append(" \"bad-").append(row++).append("\" ,,\"two").append(lineBreak);
          csv.append("lines, \"\"quoted\"\"\"").append(lineBreak);
          line++;
        }
        default -> {
          expected.add(line);
          csv.append("bad-").append(row++).append(",\"1").append(lineBreak).append(lineBreak);
          csv.append("#2\"").append(lineBreak);
          line += 2;
        }
      }
      line++;
    }
    TestWorld world = new TestWorld();

    ImportReport report =
        world.importer().dryRun(TENANT, new ByteArrayInputStream(utf8(csv.toString())));

    assertThat(report.errors()).extracting(RowError::line).containsExactlyElementsOf(expected);
    assertThat(report.errors()).allMatch(e -> e.reason() == RowError.Reason.EMAIL_INVALID);
  }

  @Provide
  Arbitrary<List<Integer>> layouts() {
    return Arbitraries.integers().between(0, 6).list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<String> lineBreaks() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }

  private static void checkOutcome(byte[] bytes, CsvImportOptions options, boolean apply) {
    TestWorld world = new TestWorld();
    TestWorld.Snapshot before = world.snapshot();
    CalendarCsvImporter importer = world.importer(options);
    try {
      ImportReport report =
          apply
              ? importer.apply(TENANT, new ByteArrayInputStream(bytes))
              : importer.dryRun(TENANT, new ByteArrayInputStream(bytes));
      assertThat(report.applied() + report.unchanged() + report.failed())
          .isEqualTo(report.totalRows());
      assertThat(report.totalRows()).isLessThanOrEqualTo(options.maxRows());
      assertThat(report.errors().size()).isLessThanOrEqualTo(options.maxReportedErrors());
    } catch (CsvException e) {
      assertThat(e).isInstanceOfAny(CsvFormatException.class, CsvLimitExceededException.class);
      assertThat(e.getMessage()).isNotBlank();
    }
    if (!apply) {
      assertThat(world.snapshot()).isEqualTo(before);
    }
  }

  @Provide
  Arbitrary<CsvImportOptions> options() {
    return Combinators.combine(
            Arbitraries.longs().between(1, 600),
            Arbitraries.integers().between(1, 8),
            Arbitraries.integers().between(1, 40),
            Arbitraries.integers().between(1, 6),
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(ExistingCalendarPolicy.class),
            Arbitraries.of(LinkMode.class),
            Arbitraries.integers().between(0, 3))
        .as(
            (bytes, rows, field, columns, errors, policy, mode, useDefaults) ->
                useDefaults == 0
                    ? CsvImportOptions.defaults()
                    : CsvImportOptions.builder()
                        .maxFileBytes(bytes)
                        .maxRows(rows)
                        .maxFieldLength(field)
                        .maxColumns(columns)
                        .maxReportedErrors(errors)
                        .existingCalendars(policy)
                        .linkedSpaces(mode)
                        .build());
  }

  @Provide
  Arbitrary<byte[]> csvLike() {
    return Combinators.combine(Arbitraries.of(HEADERS), Arbitraries.of(TOKENS).list().ofMaxSize(80))
        .as(
            (header, tokens) -> {
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              out.writeBytes(utf8(header));
              tokens.forEach(out::writeBytes);
              return out.toByteArray();
            });
  }

  /**
   * A tenant with some of the calendars room-0 to room-5 registered (some linked), and a file.
   *
   * @param initial per calendar: 0 not registered, 1 registered, 2 or more linked to space 99+n
   * @param rows the file's rows as (email, roomID)
   */
  record Scenario(
      List<Integer> initial,
      List<List<String>> rows,
      char delimiter,
      ExistingCalendarPolicy policy,
      LinkMode mode) {

    CsvImportOptions options() {
      return CsvImportOptions.builder().existingCalendars(policy).linkedSpaces(mode).build();
    }

    TestWorld world() {
      TestWorld world = new TestWorld();
      for (int i = 0; i < initial.size(); i++) {
        int state = initial.get(i);
        String email = "room-" + i + "@contoso.com";
        if (state >= 1) {
          world.register(email);
        }
        String space = String.valueOf(99 + state);
        if (state >= 2
            && world
                .mapper
                .findBySpace(TENANT, com.workplace.calendar.space.SpaceId.of(space))
                .isEmpty()) {
          world.mapper.link(
              TENANT,
              email,
              com.workplace.calendar.space.SpaceId.of(space),
              LinkMode.FAIL_IF_LINKED);
        }
      }
      return world;
    }

    ByteArrayInputStream csv() {
      StringBuilder csv = new StringBuilder("email").append(delimiter).append("roomID\n");
      for (List<String> row : rows) {
        csv.append(row.get(0)).append(delimiter).append(row.get(1)).append('\n');
      }
      return new ByteArrayInputStream(utf8(csv.toString()));
    }
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<String> email =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(
                8,
                Arbitraries.of(
                    "room-0@contoso.com",
                    "room-1@contoso.com",
                    "ROOM-2@Contoso.com",
                    " room-3@contoso.com ",
                    "room-4@contoso.com",
                    "room-5@contoso.com")),
            net.jqwik.api.Tuple.of(
                1, Arbitraries.of("room-6@contoso.com", "bad", "", "room-7@contoso")));
    Arbitrary<String> room =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.of("101", "102", "103", "104", "105")),
            net.jqwik.api.Tuple.of(2, Arbitraries.of("", "999", "'-x")));
    Arbitrary<List<List<String>>> rows =
        Combinators.combine(email, room).as(List::of).list().ofMaxSize(10);
    return scenario(rows);
  }

  @Provide
  Arbitrary<Scenario> successfulScenarios() {
    // distinct valid addresses, distinct existing spaces (or none), moving allowed: no row fails
    return Arbitraries.integers()
        .between(0, 6)
        .set()
        .ofMaxSize(6)
        .flatMap(
            ids ->
                Arbitraries.of("", "101", "102", "103", "104", "105", "106", "107")
                    .list()
                    .ofSize(ids.size())
                    .uniqueElements(s -> s.isEmpty() ? new Object() : s)
                    .map(
                        spaces -> {
                          List<Integer> order = List.copyOf(ids);
                          java.util.ArrayList<List<String>> rows = new java.util.ArrayList<>();
                          for (int i = 0; i < order.size(); i++) {
                            rows.add(
                                List.of("room-" + order.get(i) + "@contoso.com", spaces.get(i)));
                          }
                          return (List<List<String>>) rows;
                        }))
        .flatMap(
            rows ->
                Combinators.combine(
                        Arbitraries.integers().between(0, 7).list().ofSize(7),
                        Arbitraries.of(',', ';'))
                    .as(
                        (initial, delimiter) ->
                            new Scenario(
                                initial,
                                rows,
                                delimiter,
                                ExistingCalendarPolicy.UPDATE_LINK,
                                LinkMode.MOVE)));
  }

  private static Arbitrary<Scenario> scenario(Arbitrary<List<List<String>>> rows) {
    return Combinators.combine(
            Arbitraries.integers().between(0, 6).list().ofSize(6),
            rows,
            Arbitraries.of(',', ';'),
            Arbitraries.of(ExistingCalendarPolicy.class),
            Arbitraries.of(LinkMode.class))
        .as(Scenario::new);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
