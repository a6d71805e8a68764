package dev.marketplace.client;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The client's packages form no circle: the root uses its parts, never the other way round; and it
 * uses no library's internals.
 */
class PackageStructureTest {

  private static final JavaClasses CLIENT =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("dev.marketplace.client");

  @Test
  void noPackageCycles() {
    slices().matching("dev.marketplace.(**)").should().beFreeOfCycles().check(CLIENT);
  }

  /**
   * No library's internals ({@code impl} packages): only the server's {@code
   * dev.marketplace.api.openapi} may use them, saying why ({@code ArchitectureTest} in {@code
   * app}).
   */
  @Test
  void usesNoLibrarysInternals() {
    noClasses()
        .should()
        .dependOnClassesThat(
            resideInAPackage("..impl..").and(not(resideInAPackage("dev.marketplace.."))))
        .because("a library's impl package may change in any release, without notice")
        .check(CLIENT);
  }
}
