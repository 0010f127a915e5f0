package com.workplace.calendar.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's embedding sample is the compiled code of {@link EmbeddingExample}, not a copy that drifts. */
class ReadmeSnippetTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path EXAMPLE =
      Path.of("src", "main", "java", "com", "workplace", "calendar", "examples", "EmbeddingExample.java");

  @Test
  void theReadmeShowsTheEmbeddingExampleAsItIs() throws IOException {
    List<String> readme = between(Files.readAllLines(README), "<!-- embedding:start -->", "<!-- embedding:end -->");
    assertThat(readme.get(0)).isEqualTo("```java");
    assertThat(readme.get(readme.size() - 1)).isEqualTo("```");
    List<String> snippet = readme.subList(1, readme.size() - 1);

    List<String> code = between(Files.readAllLines(EXAMPLE), "  // [START embedding]", "  // [END embedding]");
    List<String> unindented = code.stream().map(l -> l.startsWith("  ") ? l.substring(2) : l).toList();

    assertThat(snippet)
        .as("README.md's embedding sample; copy the lines between the markers of EmbeddingExample.java")
        .containsExactlyElementsOf(unindented);
  }

  @Test
  void theReadmeShowsTheConsumerTestAsItIs() throws IOException {
    List<String> readme = between(Files.readAllLines(README), "<!-- consumer-test:start -->", "<!-- consumer-test:end -->");
    List<String> snippet = readme.subList(1, readme.size() - 1);
    Path example = Path.of("src", "test", "java", "com", "workplace", "calendar", "examples", "ConsumerTestExampleIT.java");
    List<String> code = between(Files.readAllLines(example), "  // [START consumer-test]", "  // [END consumer-test]");
    assertThat(snippet)
        .as("README.md's consumer test; copy the lines between the markers of ConsumerTestExampleIT.java")
        .containsExactlyElementsOf(code.stream().map(l -> l.startsWith("  ") ? l.substring(2) : l).toList());
  }

  private static List<String> between(List<String> lines, String start, String end) {
    int from = lines.indexOf(start);
    int to = lines.indexOf(end);
    assertThat(from).as("marker " + start).isNotNegative();
    assertThat(to).as("marker " + end).isGreaterThan(from);
    return lines.subList(from + 1, to);
  }
}
