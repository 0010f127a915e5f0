package com.workplace.calendar.examples.admin;

import com.workplace.calendar.Page;
import com.workplace.calendar.PageRequest;
import com.workplace.calendar.space.Space;
import com.workplace.calendar.space.SpaceDirectory;
import com.workplace.calendar.space.SpaceId;
import com.workplace.calendar.tenant.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The booking product's spaces as the tool knows them: a CSV file {@code spaceId,name,location}
 * (header required, {@code location} optional, {@code #} comment lines allowed). The same spaces are
 * offered to every tenant. Bundled: the demo organisation's spaces, whose numbers are the {@code
 * roomID}s of the demo's CSV import.
 *
 * <p>Public for the other examples that run against the demo organisation (the web admin).
 */
public final class CsvSpaceDirectory implements SpaceDirectory {
  static final String DEMO_RESOURCE = "demo-spaces.csv";

  private final Map<SpaceId, Space> spaces;
  private final String source;

  private CsvSpaceDirectory(List<Space> spaces, String source) {
    Map<SpaceId, Space> byId = new LinkedHashMap<>();
    spaces.stream()
        .sorted(Comparator.comparing(s -> s.id().value()))
        .forEach(s -> byId.put(s.id(), s));
    this.spaces = byId;
    this.source = source;
  }

  /**
   * The bundled demo spaces.
   *
   * @return the directory
   */
  public static CsvSpaceDirectory demo() {
    try (InputStream in = CsvSpaceDirectory.class.getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled " + DEMO_RESOURCE + " is missing from the jar");
      }
      return read(new InputStreamReader(in, StandardCharsets.UTF_8), "the demo spaces (built in)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spaces from a file. */
  static CsvSpaceDirectory load(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    } catch (NoSuchFileException e) {
      throw AdminException.configuration(
          "the space directory " + file + " does not exist",
          "pass a CSV file with the columns spaceId,name,location to --spaces");
    } catch (IOException | UncheckedIOException e) {
      throw AdminException.configuration(
          "the space directory " + file + " cannot be read: " + e.getMessage(),
          "pass a readable UTF-8 CSV file with the columns spaceId,name,location to --spaces");
    }
  }

  private static CsvSpaceDirectory read(Reader reader, String source) throws IOException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();
    List<Space> spaces = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      Map<String, Integer> columns = new LinkedHashMap<>();
      parser.getHeaderMap().forEach((name, index) -> columns.put(normalize(name), index));
      Integer id = columns.getOrDefault("spaceid", columns.getOrDefault("roomid", columns.get("id")));
      Integer name = columns.get("name");
      Integer location = columns.get("location");
      if (id == null || name == null) {
        throw AdminException.configuration(
            "the space directory " + source + " has no spaceId and name columns",
            "its first line must be the header spaceId,name,location");
      }
      for (CSVRecord record : parser) {
        String idText = record.size() > id ? record.get(id) : "";
        if (idText.isBlank()) {
          continue;
        }
        String nameText = record.size() > name ? record.get(name) : "";
        String locationText = location != null && record.size() > location ? record.get(location) : "";
        try {
          spaces.add(
              new Space(
                  SpaceId.of(idText),
                  nameText.isBlank() ? idText.strip() : nameText.strip(),
                  Optional.of(locationText.strip()).filter(l -> !l.isEmpty())));
        } catch (IllegalArgumentException e) {
          throw AdminException.configuration(
              "line " + parser.getCurrentLineNumber() + " of the space directory " + source + ": "
                  + e.getMessage(),
              "fix the space ID in that line");
        }
      }
    }
    return new CsvSpaceDirectory(spaces, source);
  }

  private static String normalize(String header) {
    return header.replaceAll("[\\s_.-]", "").toLowerCase(Locale.ROOT).replace("\uFEFF", "");
  }

  String source() {
    return source;
  }

  int size() {
    return spaces.size();
  }

  @Override
  public Optional<Space> find(TenantId tenantId, SpaceId spaceId) {
    return Optional.ofNullable(spaces.get(spaceId));
  }

  @Override
  public Page<Space> search(TenantId tenantId, String text, PageRequest page) {
    String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    List<Space> matches =
        spaces.values().stream()
            .filter(
                s ->
                    needle.isEmpty()
                        || s.id().value().toLowerCase(Locale.ROOT).contains(needle)
                        || s.name().toLowerCase(Locale.ROOT).contains(needle)
                        || s.location().map(l -> l.toLowerCase(Locale.ROOT).contains(needle)).orElse(false))
            .toList();
    int from = page.cursor().map(CsvSpaceDirectory::offset).orElse(0);
    int to = Math.min(matches.size(), from + page.size());
    List<Space> items = from >= matches.size() ? List.of() : matches.subList(from, to);
    return new Page<>(items, to < matches.size() ? Optional.of(Integer.toString(to)) : Optional.empty());
  }

  private static int offset(String cursor) {
    try {
      return Math.max(0, Integer.parseInt(cursor));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cursor of this space directory: " + cursor);
    }
  }
}
