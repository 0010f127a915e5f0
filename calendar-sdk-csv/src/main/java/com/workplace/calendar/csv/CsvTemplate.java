package com.workplace.calendar.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The import template offered to administrators as {@value #FILE_NAME}: the header {@code
 * email,roomID} and one commented example line, which the importer skips.
 *
 * <pre>
 * email,roomID
 * # room-101@contoso.com,101
 * </pre>
 *
 * @since 0.1.0
 */
public final class CsvTemplate {
  /** The file name to offer the template under. */
  public static final String FILE_NAME = "csvTemplate.csv";

  /** The template's header. */
  public static final List<String> HEADER = List.of("email", "roomID");

  private static final String TEXT = "email,roomID\r\n# room-101@contoso.com,101\r\n";

  private CsvTemplate() {}

  /**
   * The template's text (ASCII, lines ending in CRLF).
   *
   * @return the text
   */
  public static String text() {
    return TEXT;
  }

  /**
   * Writes the template. The writer is flushed, not closed.
   *
   * @param out where to write
   * @throws CsvIoException if the writer fails
   */
  public static void write(Writer out) {
    Objects.requireNonNull(out, "out");
    try {
      out.write(TEXT);
      out.flush();
    } catch (IOException e) {
      throw new CsvIoException("could not write the CSV template: " + e.getMessage(), null, e);
    }
  }

  /**
   * Writes the template as UTF-8 (which for this text is plain ASCII). The stream is flushed, not
   * closed.
   *
   * @param out where to write
   * @throws CsvIoException if the stream fails
   */
  public static void write(OutputStream out) {
    Objects.requireNonNull(out, "out");
    write(new OutputStreamWriter(out, StandardCharsets.UTF_8));
  }
}
