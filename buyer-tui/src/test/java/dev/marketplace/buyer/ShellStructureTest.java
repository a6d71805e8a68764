package dev.marketplace.buyer;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The TUI's packages form no circle, screens get narrow collaborators, never the app, and no
 * library's internals are used.
 */
class ShellStructureTest {

  private static final JavaClasses TUI =
      new ClassFileImporter()
          .withImportOption(new ImportOption.DoNotIncludeTests())
          .importPackages("dev.marketplace.buyer");

  @Test
  void noPackageCycles() {
    slices().matching("dev.marketplace.(**)").should().beFreeOfCycles().check(TUI);
  }

  @Test
  void screensNeverSeeTheWholeApp() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.marketplace.buyer.screens..", "dev.marketplace.buyer.shop..")
        .or()
        .resideInAPackage("dev.marketplace.buyer.ui..")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(BuyerApp.class.getName())
        .check(TUI);
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
        .check(TUI);
  }
}
