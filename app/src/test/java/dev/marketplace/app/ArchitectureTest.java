package dev.marketplace.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.marketplace.common.bus.OperationHandler;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module boundaries of docs/architecture.md, checked on the compiled classes of every module: a
 * domain module uses another only through the packages that module publishes for it (today one: the
 * order module's API for payments), the HTTP edge holds no domain code and no SQL, only its
 * workaround package touches a library's internals, no two packages need each other, the shared
 * kernel knows none of the modules built on it, and no repository holds a pool. The rules read from
 * the source tree rather than the classes (every Java file compiled, long files explained, no
 * writes to another module's tables) are {@link SourceTreeTest}'s.
 */
class ArchitectureTest {

  private static final List<String> DOMAINS = List.of("account", "catalog", "order", "payment");

  /** What each domain module publishes for the others; everything else in it is internal. */
  private static final Map<String, List<String>> PUBLISHED =
      Map.of("order", List.of("dev.marketplace.order.payments.."));

  private static JavaClasses classes;

  @BeforeAll
  static void importEveryModule() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // Test-jars (the fixtures other modules' tests share) are tests too.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.marketplace");
  }

  @Test
  void everyModuleIsChecked() {
    for (String module :
        List.of("common", "api", "account", "catalog", "order", "payment", "app")) {
      assertThat(classes.containPackage(packageOf(module))).as(module).isTrue();
    }
  }

  @Test
  void paymentsUseTheOrderModuleOnlyThroughItsPaymentApi() {
    noClasses()
        .that()
        .resideInAPackage(modulePackages("payment"))
        .should()
        .dependOnClassesThat(
            resideInAPackage(modulePackages("order"))
                .and(not(resideInAPackage("dev.marketplace.order.payments.."))))
        .because("dev.marketplace.order.payments is the order module's whole API for payments")
        .check(classes);
  }

  @ParameterizedTest
  @ValueSource(strings = {"account", "catalog", "order", "payment"})
  void noDomainModuleUsesAnothersInternals(String module) {
    DescribedPredicate<JavaClass> othersInternals = null;
    for (String other : DOMAINS) {
      if (other.equals(module)) {
        continue;
      }
      DescribedPredicate<JavaClass> internals =
          resideInAPackage(modulePackages(other))
              .and(
                  not(
                      resideInAnyPackage(
                          PUBLISHED.getOrDefault(other, List.of()).toArray(String[]::new))));
      othersInternals = othersInternals == null ? internals : othersInternals.or(internals);
    }
    noClasses()
        .that()
        .resideInAPackage(modulePackages(module))
        .should()
        .dependOnClassesThat(othersInternals.as("the internals of another domain module"))
        .check(classes);
  }

  @Test
  void theHttpEdgeHoldsNoDomainCodeAndNoSql() {
    noClasses()
        .that()
        .resideInAPackage(modulePackages("api"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            modulePackages("account"),
            modulePackages("catalog"),
            modulePackages("order"),
            modulePackages("payment"),
            "io.vertx.sqlclient..",
            "io.vertx.pgclient..")
        .orShould()
        .implement(OperationHandler.class)
        .check(classes);
  }

  /** The terminal clients build after this module; their own structure tests hold them to none. */
  @Test
  void onlyTheWorkaroundPackageUsesALibrarysInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.marketplace.api.openapi..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("..impl..").and(not(resideInAPackage("dev.marketplace.."))))
        .because(
            "an upgrade of a library is checked in dev.marketplace.api.openapi alone, whose"
                + " package note says why each use is there and when it can go")
        .check(classes);
  }

  @Test
  void noPackageCycles() {
    slices()
        .matching("dev.marketplace.(**)")
        .should()
        .beFreeOfCycles()
        .because("a package that needs another's classes and is needed by it is one package")
        .check(classes);
  }

  @Test
  void theSharedKernelKnowsNoModule() {
    noClasses()
        .that()
        .resideInAPackage(modulePackages("common"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            modulePackages("api"),
            modulePackages("account"),
            modulePackages("catalog"),
            modulePackages("order"),
            modulePackages("payment"),
            modulePackages("app"))
        .check(classes);
  }

  @Test
  void noRepositoryHoldsAPool() {
    noFields()
        .that()
        .areDeclaredInClassesThat()
        .haveSimpleNameEndingWith("Repository")
        .should()
        .haveRawType(Pool.class)
        .orShould()
        .haveRawType(SqlClient.class)
        .because(
            "a repository runs each statement on the SqlClient its caller passes, so that the use"
                + " case chooses where: the pool, its transaction's connection, or a read replica")
        .check(classes);
  }

  private static String packageOf(String module) {
    return "dev.marketplace." + module;
  }

  private static String modulePackages(String module) {
    return packageOf(module) + "..";
  }
}
