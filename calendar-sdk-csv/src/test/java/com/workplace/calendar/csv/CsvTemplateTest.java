package com.workplace.calendar.csv;

import static com.workplace.calendar.csv.TestWorld.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvTemplateTest {
  @Test
  void theTemplateIsTheHeaderAndOneCommentedExample() {
    StringWriter out = new StringWriter();

    CsvTemplate.write(out);

    assertThat(CsvTemplate.FILE_NAME).isEqualTo("csvTemplate.csv");
    assertThat(out.toString().split("\r\n"))
        .containsExactly("email,roomID", "# room-101@contoso.com,101");
  }

  @Test
  void theTemplateIsWrittenAsBytesWithoutByteOrderMark() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    CsvTemplate.write(out);

    assertThat(out.toByteArray()).isEqualTo(CsvTemplate.text().getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void theUncommentedExampleImports() {
    TestWorld world = new TestWorld();
    String filled = CsvTemplate.text().replace("# ", "");

    ImportReport report = world.importer().apply(TENANT, TestWorld.text(filled));

    assertThat(report.added()).isEqualTo(1);
    assertThat(world.spaceOf("room-101@contoso.com")).contains("101");
  }
}
