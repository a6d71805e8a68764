package dev.marketplace.common.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations on the classpath. Each domain module
 * ships its own under {@code db/migration/<module>/}, numbered within the module's own range
 * (account 1–9, order 3 and 10–19, catalog 2 and 20–29, payment 30–39).
 *
 * <p>Out-of-order migrations are allowed because of those ranges: a module's next migration (say
 * account V5) has a lower version than another module's already applied ones (payment V30), and
 * must still run on databases that are already in use. Modules' migrations do not depend on each
 * other's later versions, so applying them in that order is safe.
 */
public final class SchemaMigrator {

  private SchemaMigrator() {}

  /**
   * Blocking: call it before any verticle is deployed. Nodes of a cluster may call it at the same
   * instant on one database: Flyway holds a PostgreSQL advisory lock while it migrates, so the
   * others wait for it and then find nothing left to do.
   */
  public static MigrateResult migrate(DatabaseSettings settings) {
    return Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .outOfOrder(true)
        .load()
        .migrate();
  }
}
