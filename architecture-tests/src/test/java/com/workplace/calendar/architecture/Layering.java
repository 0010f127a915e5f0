package com.workplace.calendar.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;

/**
 * The layering of the SDK as ArchUnit rules, for a root package: the SDK's own ({@code
 * com.workplace.calendar}) or a fixture's, so that the rules themselves are tested.
 *
 * <ul>
 *   <li>The public API (every package but {@code ..internal..}, the testkit's, the tools') exposes
 *       no internal and no implementation-library type in a public signature, and depends on no
 *       implementation library at all (OkHttp, msal4j, resilience4j, Jackson, JDBC drivers, pools,
 *       commons-csv, Kotlin).
 *   <li>Public API classes import no internal package, except the entry points that build an
 *       implementation of their own module (builders and store factories).
 *   <li>Core depends on no other module; the fake (testkit and testkit.internal) depends on no
 *       core package (only {@code testkit.contract} tests core's SPIs).
 *   <li>A module's internals are reached only from that module: core's from core, graph's from
 *       graph (through {@code GraphCalendarService.builder()}), csv's from csv, the testkit's from
 *       the testkit.
 *   <li>No cycles between the areas of the SDK: each package directly under the root with its
 *       subpackages ({@code store} with {@code store.jdbc.internal}, {@code graph} with {@code
 *       graph.internal}, ...). Within an area, an API package and its own internals may refer to
 *       each other (the API's factories build the implementation, the implementation uses the
 *       API's values), as in OkHttp; between areas, dependencies go one way.
 * </ul>
 */
final class Layering {
  /** The packages of the implementation libraries no API may depend on. */
  static final List<String> IMPLEMENTATION_LIBRARIES =
      List.of(
          "okhttp3..",
          "okio..",
          "kotlin..",
          "com.microsoft.aad.msal4j..",
          "io.github.resilience4j..",
          "com.fasterxml.jackson..",
          "org.h2..",
          "org.postgresql..",
          "com.zaxxer.hikari..",
          "org.apache.commons.csv..",
          "com.github.tomakehurst.wiremock..",
          "wiremock..");

  /** The modules beside core, by their package under the root. */
  static final List<String> MODULES =
      List.of(
          "graph",
          "csv",
          "testkit",
          "micrometer",
          "opentelemetry",
          "spring",
          "examples",
          "benchmarks",
          "architecture");

  private final String root;
  private final Set<String> entryPoints;

  /**
   * Rules for a root package.
   *
   * @param root the root package, e.g. {@code com.workplace.calendar}
   * @param entryPoints the fully qualified public classes allowed to build their module's
   *     internals
   */
  Layering(String root, Set<String> entryPoints) {
    this.root = root;
    this.entryPoints = entryPoints;
  }

  private static boolean isInternal(String pkg) {
    return ("." + pkg + ".").contains(".internal.");
  }

  private boolean inModule(String pkg, String... modules) {
    for (String m : modules) {
      if (pkg.equals(root + "." + m) || pkg.startsWith(root + "." + m + ".")) {
        return true;
      }
    }
    return false;
  }

  private DescribedPredicate<JavaClass> api() {
    return DescribedPredicate.describe(
        "in an API package of " + root,
        c ->
            c.getPackageName().startsWith(root)
                && !isInternal(c.getPackageName())
                && !inModule(c.getPackageName(), "testkit", "examples", "benchmarks", "architecture"));
  }

  private DescribedPredicate<JavaClass> internalTo(String module) {
    return DescribedPredicate.describe(
        "internal to " + module,
        c -> c.getPackageName().startsWith(module) && isInternal(c.getPackageName()));
  }

  ArchRule apiImportsNoInternalPackage() {
    return noClasses()
        .that(api())
        .and()
        .arePublic()
        .and(DescribedPredicate.describe("are not entry points", c -> !entryPoints.contains(c.getName())))
        .should()
        .dependOnClassesThat(internalTo(root))
        .as("public API classes import no internal package (entry points excepted)");
  }

  ArchRule apiDependsOnNoImplementationLibrary() {
    return noClasses()
        .that(api())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(IMPLEMENTATION_LIBRARIES.toArray(String[]::new))
        .as("the API depends on no implementation library");
  }

  ArchRule apiSignaturesExposeNothingInternal() {
    return classes()
        .that(api())
        .and()
        .arePublic()
        .should(exposeNoInternalOrLibraryType())
        .as("public signatures of the API expose no internal or implementation-library type");
  }

  private ArchCondition<JavaClass> exposeNoInternalOrLibraryType() {
    return new ArchCondition<>("expose no internal or implementation-library type") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        for (JavaCodeUnit unit : c.getCodeUnits()) {
          if (!isVisible(unit.getModifiers(), c)) {
            continue;
          }
          checkType(c, unit.getFullName(), unit.getReturnType(), events);
          for (JavaType p : unit.getParameterTypes()) {
            checkType(c, unit.getFullName(), p, events);
          }
        }
        for (JavaField f : c.getFields()) {
          if (isVisible(f.getModifiers(), c)) {
            checkType(c, f.getFullName(), f.getType(), events);
          }
        }
      }

      private boolean isVisible(Set<JavaModifier> modifiers, JavaClass owner) {
        return modifiers.contains(JavaModifier.PUBLIC)
            || (modifiers.contains(JavaModifier.PROTECTED) && !owner.getModifiers().contains(JavaModifier.FINAL));
      }

      private void checkType(JavaClass owner, String member, JavaType type, ConditionEvents events) {
        for (JavaClass involved : type.getAllInvolvedRawTypes()) {
          String pkg = involved.getPackageName();
          boolean internal = pkg.startsWith(root) && isInternal(pkg);
          boolean library = IMPLEMENTATION_LIBRARIES.stream().anyMatch(l -> pkg.startsWith(l.replace("..", "")));
          if (internal || library) {
            events.add(
                SimpleConditionEvent.violated(
                    owner, member + " exposes " + involved.getName() + " in its signature"));
          }
        }
      }
    };
  }

  ArchRule coreDependsOnNoOtherModule() {
    return noClasses()
        .that(
            DescribedPredicate.describe(
                "are in core",
                (JavaClass c) ->
                    c.getPackageName().startsWith(root)
                        && !inModule(c.getPackageName(), MODULES.toArray(String[]::new))))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            MODULES.stream().map(m -> root + "." + m + "..").toArray(String[]::new))
        .as("core depends on no other module");
  }

  ArchRule fakeUsesNoCorePackage() {
    return noClasses()
        .that()
        .resideInAnyPackage(root + ".testkit", root + ".testkit.internal..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are in core",
                (JavaClass c) ->
                    c.getPackageName().startsWith(root) && !inModule(c.getPackageName(), "testkit")))
        .as("the fake depends on no core package (only testkit.contract tests core's SPIs)");
  }

  ArchRule internalsStayInTheirModule() {
    return noClasses()
        .should(reachAnotherModulesInternals())
        .as("a module's internals are reached only from that module");
  }

  private ArchCondition<JavaClass> reachAnotherModulesInternals() {
    return new ArchCondition<>("reach another module's internals") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        String from = module(c.getPackageName());
        if (from == null) {
          return;
        }
        c.getDirectDependenciesFromSelf().forEach(d -> {
          String pkg = d.getTargetClass().getPackageName();
          if (pkg.startsWith(root) && isInternal(pkg)) {
            String to = module(pkg);
            if (!from.equals(to)) {
              events.add(SimpleConditionEvent.violated(c, d.getDescription()));
            }
          }
        });
      }
    };
  }

  /** The module a package belongs to. */
  private String module(String pkg) {
    if (!pkg.startsWith(root)) {
      return null;
    }
    for (String m : MODULES) {
      if (inModule(pkg, m)) {
        return m;
      }
    }
    return "core";
  }

  ArchRule noPackageCycles() {
    return slices()
        .matching(root + ".(*)..")
        .should()
        .beFreeOfCycles()
        .as("no cycles between the areas under " + root + " (an API package with its internals)");
  }
}
