package com.workplace.calendar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample in the project's READMEs is code the build compiles and runs: each {@code
 * ```java} block is preceded by {@code <!-- snippet: <file>#<region> -->}, and equals the lines of
 * that file between {@code // [START <region>]} and {@code // [END <region>]}, without their
 * common indentation. A README sample that drifts from its code, or one without code behind it,
 * fails the build.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of("..");
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: (\\S+)#(\\S+) -->");

  @Test
  void everyJavaSampleInTheReadmesIsCompiledCode() throws IOException {
    List<Path> readmes = readmes();
    assertThat(readmes).contains(ROOT.resolve("README.md"));
    int samples = 0;
    List<String> problems = new ArrayList<>();
    for (Path readme : readmes) {
      List<String> lines = Files.readAllLines(readme);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().equals("```java")) {
          continue;
        }
        samples++;
        String where = ROOT.relativize(readme) + ":" + (i + 1);
        Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1).strip()) : null;
        if (marker == null || !marker.matches()) {
          problems.add(where + ": a Java sample without <!-- snippet: file#region --> before it");
          continue;
        }
        List<String> sample = new ArrayList<>();
        for (int j = i + 1; j < lines.size() && !lines.get(j).strip().equals("```"); j++) {
          sample.add(lines.get(j));
        }
        Path source = ROOT.resolve(marker.group(1));
        if (!Files.isRegularFile(source)) {
          problems.add(where + ": " + marker.group(1) + " does not exist");
          continue;
        }
        List<String> region = region(Files.readAllLines(source), marker.group(2));
        if (region == null) {
          problems.add(where + ": " + marker.group(1) + " has no region " + marker.group(2));
        } else if (!region.equals(sample)) {
          problems.add(
              where + ": differs from " + marker.group(1) + "#" + marker.group(2)
                  + "; copy the region's lines into the README\n" + diff(region, sample));
        }
      }
    }
    assertThat(problems).as("README samples").isEmpty();
    assertThat(samples).as("samples checked").isPositive();
  }

  @Test
  void theReadmesCoordinatesNameThisVersion() throws IOException {
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    Matcher parent =
        Pattern.compile("<artifactId>calendar-sdk-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertThat(parent.find()).as("the parent pom's version").isTrue();
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
    int from = lines.indexOf("<!-- coordinates:start -->");
    int to = lines.indexOf("<!-- coordinates:end -->");
    assertThat(from).as("coordinates markers").isNotNegative();
    assertThat(to).isGreaterThan(from);
    String block = String.join("\n", lines.subList(from, to));
    assertThat(block)
        .as("the BOM version in the README")
        .contains("<version>" + parent.group(1) + "</version>");
    for (Path readme : readmes()) {
      Matcher versions = Pattern.compile("\\d+\\.\\d+\\.\\d+-SNAPSHOT").matcher(Files.readString(readme));
      while (versions.find()) {
        assertThat(versions.group()).as("a version named in " + readme).isEqualTo(parent.group(1));
      }
    }
  }

  private static List<Path> readmes() throws IOException {
    List<Path> readmes = new ArrayList<>();
    readmes.add(ROOT.resolve("README.md"));
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules
          .map(m -> m.resolve("README.md"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(readmes::add);
    }
    return readmes;
  }

  private static List<String> region(List<String> lines, String name) {
    int from = -1;
    int to = -1;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.equals("// [START " + name + "]")) {
        from = i + 1;
      } else if (line.equals("// [END " + name + "]")) {
        to = i;
      }
    }
    if (from < 0 || to < from) {
      return null;
    }
    List<String> region = lines.subList(from, to);
    int indent = Integer.MAX_VALUE;
    for (String line : region) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    int cut = indent == Integer.MAX_VALUE ? 0 : indent;
    return region.stream().map(l -> l.isBlank() ? "" : l.substring(cut)).toList();
  }

  private static String diff(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
      String e = i < expected.size() ? expected.get(i) : "<none>";
      String a = i < actual.size() ? actual.get(i) : "<none>";
      if (!e.equals(a)) {
        return "  first difference at sample line " + (i + 1) + ":\n    code:   " + e + "\n    readme: " + a;
      }
    }
    return "";
  }
}
