package com.workplace.calendar.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of {@link Layering} catch what they are meant to catch, on fixture classes. */
class LayeringRulesTest {
  private static final String FIXTURE = "com.workplace.calendar.architecture.fixture";

  private static JavaClasses fixture(String name) {
    return new ClassFileImporter().importPackages(FIXTURE + "." + name);
  }

  @Test
  void anInternalImportInAPublicPackageFailsTheBuild() {
    Layering rules = new Layering(FIXTURE + ".broken", Set.of());
    assertThatThrownBy(() -> rules.apiImportsNoInternalPackage().check(fixture("broken")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyBookings")
        .hasMessageContaining("SecretEngine");
    assertThatThrownBy(() -> rules.apiSignaturesExposeNothingInternal().check(fixture("broken")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyBookings.engine()");
  }

  @Test
  void anEntryPointMayBuildItsModulesInternals() {
    Layering rules =
        new Layering(
            FIXTURE + ".broken",
            Set.of(FIXTURE + ".broken.booking.LeakyBookings"));
    rules.apiImportsNoInternalPackage().check(fixture("broken"));
  }

  @Test
  void aCleanApiPassesEveryRule() {
    Layering rules = new Layering(FIXTURE + ".clean", Set.of());
    JavaClasses clean = fixture("clean");
    rules.apiImportsNoInternalPackage().check(clean);
    rules.apiSignaturesExposeNothingInternal().check(clean);
    rules.apiDependsOnNoImplementationLibrary().check(clean);
    assertThat(clean).isNotEmpty();
  }
}
