package dev.marketplace.seller;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The seller CLI's packages form no circle: the root command lists the commands, which never need
 * it.
 */
class PackageStructureTest {

  @Test
  void noPackageCycles() {
    slices()
        .matching("dev.marketplace.(**)")
        .should()
        .beFreeOfCycles()
        .check(
            new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.marketplace.seller"));
  }
}
