package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database in use when catalog V25 arrives keeps every product's stock and units sold: the
 * migration moves them from {@code products} to {@code product_stock}.
 */
class ProductStockMigrationTest {

  private static final String STOCK =
      "SELECT string_agg(id || ':' || inventory || ':' || units_sold, ' ' ORDER BY id) FROM ";

  @Test
  void stockAndUnitsSoldSurviveTheUpgrade() throws Exception {
    try (TestDatabase database = TestDatabase.createEmpty()) {
      DatabaseSettings settings = database.settings();
      // The schema as the release before V25 left it.
      Flyway.configure()
          .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
          .locations("classpath:db/migration")
          .outOfOrder(true)
          .target("24")
          .load()
          .migrate();
      database.execute(
          "INSERT INTO users (name, email, role, password_hash)"
              + " VALUES ('Old Shop', 'old@example.com', 'seller', 'x')");
      database.execute(
          "INSERT INTO products (seller_id, name, category, price, inventory, units_sold,"
              + " is_active) SELECT 1, 'Product ' || i, 'Things', 9.99, (i * 7) % 13,"
              + " (i * 11) % 17, i % 4 <> 0 FROM generate_series(1, 40) i");
      String before = database.queryString(STOCK + "products");

      SchemaMigrator.migrate(settings);

      assertThat(
              database.queryString(
                  STOCK + "(SELECT product_id AS id, inventory, units_sold FROM product_stock) s"))
          .isEqualTo(before);
      assertThat(
              database.queryLong(
                  "SELECT count(*) FROM information_schema.columns WHERE table_name = 'products'"
                      + " AND column_name IN ('inventory', 'units_sold')"))
          .as("counters left on products")
          .isZero();
      assertThat(
              database.queryLong(
                  "SELECT count(*) FROM pg_indexes WHERE indexname = 'product_stock_sold_idx'"))
          .isEqualTo(1);
    }
  }
}
