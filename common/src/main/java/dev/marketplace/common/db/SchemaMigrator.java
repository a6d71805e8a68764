package dev.marketplace.common.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations on the classpath. Each domain module
 * ships its own under {@code db/migration/<module>/}; versions are numbered across all modules.
 */
public final class SchemaMigrator {

  private SchemaMigrator() {}

  /** Blocking: call it before any verticle is deployed. */
  public static MigrateResult migrate(DatabaseSettings settings) {
    return Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .load()
        .migrate();
  }
}
