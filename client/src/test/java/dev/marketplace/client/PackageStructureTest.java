package dev.marketplace.client;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The client's packages form no circle: the root uses its parts, never the other way round. */
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
                .importPackages("dev.marketplace.client"));
  }
}
