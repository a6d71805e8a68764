package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Each module numbers its migrations in its own range, so a module's new migration can have a lower
 * version than one another module shipped earlier. A database already in use must still take it.
 * Cluster nodes migrate as they start, possibly at the same instant.
 */
class SchemaUpgradeTest {

  @Test
  void aNewMigrationBelowAnAppliedOneOfAnotherModuleStillRuns() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      // The database as the release before account V5 left it: payment V30 applied, V5 not.
      database.execute("DROP INDEX refresh_tokens_expiry_idx");
      database.execute("DROP INDEX login_failures_last_failure_idx");
      database.execute("DELETE FROM flyway_schema_history WHERE version = '5'");

      SchemaMigrator.migrate(database.settings());

      assertThat(
              database.queryLong(
                  "SELECT count(*) FROM pg_indexes WHERE indexname IN"
                      + " ('refresh_tokens_expiry_idx', 'login_failures_last_failure_idx')"))
          .isEqualTo(2);
      assertThat(
              database.queryLong(
                  "SELECT count(*) FROM flyway_schema_history WHERE version = '5' AND success"))
          .isEqualTo(1);
    }
  }

  @Test
  void aFreshDatabaseAndAnUpToDateOneMigrateWithoutWarnings() throws Exception {
    try (TestDatabase database = TestDatabase.createEmpty()) {
      MigrateResult fresh = SchemaMigrator.migrate(database.settings());
      MigrateResult again = SchemaMigrator.migrate(database.settings());

      assertThat(fresh.migrationsExecuted).isPositive();
      assertThat(fresh.warnings).isEmpty();
      assertThat(again.migrationsExecuted).isZero();
      assertThat(again.warnings).isEmpty();
    }
  }

  @Test
  void nodesStartingTogetherMigrateTheSchemaOnce() throws Exception {
    try (TestDatabase database = TestDatabase.createEmpty()) {
      int nodes = 4;
      CyclicBarrier together = new CyclicBarrier(nodes);
      ExecutorService starts = Executors.newFixedThreadPool(nodes);
      try {
        List<Future<MigrateResult>> migrations = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
          migrations.add(
              starts.submit(
                  () -> {
                    together.await();
                    return SchemaMigrator.migrate(database.settings());
                  }));
        }
        int applied = 0;
        for (Future<MigrateResult> migration : migrations) {
          MigrateResult result = migration.get(2, TimeUnit.MINUTES);
          assertThat(result.success).isTrue();
          applied += result.migrationsExecuted;
        }

        long versions =
            database.queryLong(
                "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL");
        assertThat(applied).as("each migration ran on one node only").isEqualTo(versions);
        assertThat(
                database.queryLong(
                    "SELECT count(DISTINCT version) FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL AND success"))
            .isEqualTo(versions);
        assertThat(database.queryLong("SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"))
            .isEqualTo(1);
      } finally {
        starts.shutdownNow();
      }
    }
  }
}
