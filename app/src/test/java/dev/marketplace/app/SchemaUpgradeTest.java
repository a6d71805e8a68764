package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Each module numbers its migrations in its own range, so a module's new migration can have a lower
 * version than one another module shipped earlier. A database already in use must still take it.
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
}
