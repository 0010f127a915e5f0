package com.workplace.calendar.examples.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What every error of calendar-admin must look like: what went wrong, what to do, the tool's words. */
final class HelpfulErrors {
  /** Words in the SDK's style (camelCase, Type.CONSTANT) that an error of the tool must not show. */
  private static final Pattern SDK_WORD =
      Pattern.compile("\\b(?:[a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]+(?:[A-Z][a-z]+)+\\.[A-Z][A-Z_]+)\\b");

  /** The CSV columns the tool asks for by these names. */
  private static final Set<String> TOOL_WORDS = Set.of("roomID", "spaceId", "emailAddress");

  private HelpfulErrors() {}

  /** Checks the standard error of a failed command. */
  static void assertHelpful(Cli.Result result) {
    assertThat(result.exitCode()).as(result.toString()).isNotZero();
    String err = result.err();
    assertThat(err).as(result.toString()).contains("calendar-admin: ");
    assertThat(err).as("a what-to-do line: " + result).containsPattern("(?m)^  What to do: \\S");
    assertThat(err).as("no stack trace: " + result).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(sdkWords(err)).as("SDK names instead of the tool's options: " + result).isEmpty();
  }

  static List<String> sdkWords(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = SDK_WORD.matcher(text);
    while (matcher.find()) {
      if (!TOOL_WORDS.contains(matcher.group())) {
        found.add(matcher.group());
      }
    }
    return found;
  }
}
