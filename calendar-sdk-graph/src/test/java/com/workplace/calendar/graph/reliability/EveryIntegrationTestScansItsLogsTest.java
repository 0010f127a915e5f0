package com.workplace.calendar.graph.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.workplace.calendar.graph.SecretsInLogsExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every integration test class of this module scans its logs for secrets, including future ones. */
class EveryIntegrationTestScansItsLogsTest {

  @Test
  void everyItClassIsExtendedWithTheLogScan() throws Exception {
    Path testClasses = Path.of(SecretsInLogsExtension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names;
    try (Stream<Path> files = Files.walk(testClasses)) {
      names =
          files.map(p -> testClasses.relativize(p).toString())
              .filter(n -> n.endsWith("IT.class") && !n.contains("$"))
              .map(n -> n.substring(0, n.length() - ".class".length()).replace(java.io.File.separatorChar, '.'))
              .sorted()
              .toList();
    }
    assertThat(names).as("integration test classes found")
        .contains(
            "com.workplace.calendar.graph.BookingsIT",
            "com.workplace.calendar.graph.reliability.ChaosMixedFaultsIT",
            "com.workplace.calendar.graph.reliability.ChaosLostAnswersIT",
            "com.workplace.calendar.graph.reliability.HostileGraphBodiesIT",
            "com.workplace.calendar.graph.reliability.HostileGraphLinksIT",
            "com.workplace.calendar.graph.reliability.HostileConsentCallbacksIT",
            "com.workplace.calendar.graph.reliability.HostileNotificationsIT",
            "com.workplace.calendar.graph.reliability.HostileArgumentsIT");

    for (String name : names) {
      Class<?> type = Class.forName(name);
      assertThat(Arrays.stream(type.getAnnotationsByType(ExtendWith.class)).flatMap(e -> Arrays.stream(e.value())))
          .as("%s is extended with the log scan", name)
          .contains(SecretsInLogsExtension.class);
    }
  }
}
