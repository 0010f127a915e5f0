package com.workplace.calendar.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SDK's library modules keep the layering the design promises. */
class LayeringTest {
  /** The public classes that build an implementation of their own module. */
  static final Set<String> ENTRY_POINTS =
      Set.of(
          "com.workplace.calendar.CalendarServices",
          "com.workplace.calendar.CalendarServices$Builder",
          // static factories of listeners that combine several
          "com.workplace.calendar.CalendarEventListener",
          "com.workplace.calendar.graph.GraphEventListener",
          "com.workplace.calendar.store.JdbcCalendarStore",
          "com.workplace.calendar.store.JdbcCalendarStoreBuilder",
          "com.workplace.calendar.graph.GraphCalendarService",
          "com.workplace.calendar.graph.GraphCalendarServiceBuilder",
          // its factories build the module's reloading certificate file sources
          "com.workplace.calendar.graph.ClientCertificateSource",
          "com.workplace.calendar.csv.CalendarCsvImporter$Builder",
          "com.workplace.calendar.csv.CalendarCsvExporter$Builder",
          "com.workplace.calendar.csv.CalendarProcessingImporter$Builder",
          // renders itself as CSV through the module's internal writer
          "com.workplace.calendar.csv.ImportReport",
          // Spring Boot's auto-configuration builds the service from the bound properties
          "com.workplace.calendar.spring.CalendarSdkAutoConfiguration");

  private static JavaClasses sdk;
  private static final Layering RULES = new Layering("com.workplace.calendar", ENTRY_POINTS);

  @BeforeAll
  static void importTheLibraries() {
    sdk =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.workplace.calendar");
  }

  @Test
  void everyLibraryModuleIsOnTheScannedClassPath() {
    List<String> modules = List.of("graph", "csv", "testkit", "micrometer", "opentelemetry", "spring");
    assertThat(modules)
        .allSatisfy(
            module ->
                assertThat(sdk.stream().anyMatch(c -> c.getPackageName().startsWith("com.workplace.calendar." + module + ".")
                        || c.getPackageName().equals("com.workplace.calendar." + module)))
                    .as("classes of the %s module were imported", module)
                    .isTrue());
  }

  @Test
  void publicApiImportsNoInternalPackage() {
    RULES.apiImportsNoInternalPackage().check(sdk);
  }

  @Test
  void publicApiDependsOnNoImplementationLibrary() {
    RULES.apiDependsOnNoImplementationLibrary().check(sdk);
  }

  @Test
  void publicSignaturesExposeNothingInternal() {
    RULES.apiSignaturesExposeNothingInternal().check(sdk);
  }

  @Test
  void coreDependsOnNoOtherModule() {
    RULES.coreDependsOnNoOtherModule().check(sdk);
  }

  @Test
  void theFakeDependsOnNoCorePackage() {
    RULES.fakeUsesNoCorePackage().check(sdk);
  }

  @Test
  void internalsAreReachedOnlyFromTheirModule() {
    RULES.internalsStayInTheirModule().check(sdk);
  }

  @Test
  void noPackageCycles() {
    RULES.noPackageCycles().check(sdk);
  }
}
