package dev.marketplace.common.db;

import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date with the Flyway migrations on the classpath. Each domain module
 * ships its own under {@code db/migration/<module>/}, numbered within the module's own range
 * (account 1–9, order 3 and 10–19, catalog 2 and 20–29, payment 30–39).
 *
 * <p>Out-of-order migrations are allowed because of those ranges: a module's next migration (say
 * account V5) has a lower version than another module's already applied ones (payment V30), and
 * must still run on databases that are already in use. Modules' migrations do not depend on each
 * other's later versions, so applying them in that order is safe. Flyway warns whenever it runs in
 * that mode, so it is asked for only when a pending migration is older than the schema: a fresh
 * database and an up-to-date one migrate in order, without the warning.
 *
 * <p>PostgreSQL's notices ("already exists, skipping" from {@code IF NOT EXISTS}) are facts, not
 * problems, and Flyway would log each at WARN: the migrations' sessions report warnings and up.
 */
public final class SchemaMigrator {

  private SchemaMigrator() {}

  /**
   * Blocking: call it before any verticle is deployed. Nodes of a cluster may call it at the same
   * instant on one database: Flyway holds a PostgreSQL advisory lock while it migrates, so the
   * others wait for it and then find nothing left to do.
   */
  public static MigrateResult migrate(DatabaseSettings settings) {
    boolean outOfOrder = hasPendingOlderThanSchema(configuration(settings).load());
    return configuration(settings).outOfOrder(outOfOrder).load().migrate();
  }

  private static FluentConfiguration configuration(DatabaseSettings settings) {
    return Flyway.configure()
        .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .failOnMissingLocations(true)
        .initSql("SET client_min_messages = warning");
  }

  /**
   * Whether a migration not yet applied has a lower version than the schema's: a module's new
   * migration below another module's applied ones, which only out-of-order mode applies.
   */
  private static boolean hasPendingOlderThanSchema(Flyway flyway) {
    MigrationInfo current = flyway.info().current();
    if (current == null || current.getVersion() == null) {
      return false;
    }
    MigrationVersion schema = current.getVersion();
    // Without out-of-order mode Flyway calls such a migration "ignored", not "pending".
    return Arrays.stream(flyway.info().all())
        .filter(info -> !info.getState().isApplied())
        .anyMatch(info -> info.getVersion() != null && info.getVersion().compareTo(schema) < 0);
  }
}
