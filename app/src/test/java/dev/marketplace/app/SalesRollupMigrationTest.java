package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.db.SchemaMigrator;
import dev.marketplace.common.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database that already holds orders when order V13 arrives gets its sales rollup filled by the
 * migration, and that fill is exactly what the rebuild computes: the migration's SQL and the live
 * SQL define the figures alike.
 */
class SalesRollupMigrationTest {

  @Test
  void theMigrationFillsTheRollupAsTheRebuildWould() throws Exception {
    try (TestDatabase database = TestDatabase.create()) {
      writeOrders(database);
      // The database as it was before V13: no rollup, no cancelled_at (the history row says when).
      database.execute("DROP TABLE " + String.join(", ", SalesRollupTables.TABLES));
      database.execute("ALTER TABLE orders DROP COLUMN cancelled_at");
      database.execute("DELETE FROM flyway_schema_history WHERE version = '13'");

      SchemaMigrator.migrate(database.settings());

      Map<String, String> migrated = SalesRollupTables.snapshot(database);
      assertThat(migrated.get("sales_quarter_hours").lines()).hasSizeGreaterThan(100);
      assertThat(database.queryLong("SELECT sum(refunds)::bigint FROM sales_quarter_hours"))
          .as("refunds")
          .isPositive();
      assertThat(database.queryLong("SELECT sum(cancelled) FROM sales_quarter_hours"))
          .as("cancellations")
          .isPositive();
      SalesRollupTables.rebuild(database);
      assertThat(SalesRollupTables.snapshot(database)).isEqualTo(migrated);
    }
  }

  /**
   * 600 orders of 3 sellers over 40 days, one in four with two lines: pending, paid and on their
   * way, completed, cancelled unpaid and cancelled after payment, each with its history rows.
   */
  private static void writeOrders(TestDatabase database) throws Exception {
    database.execute(
        "INSERT INTO users (name, email, role, password_hash) SELECT 'User ' || i,"
            + " 'user' || i || '@example.com', CASE WHEN i <= 3 THEN 'seller' ELSE 'buyer' END,"
            + " 'x' FROM generate_series(1, 20) i");
    database.execute(
        "INSERT INTO products (seller_id, name, category, price)"
            + " SELECT 1 + i % 3, 'Product ' || i, 'Things', (i * 3.17)::numeric(12, 2)"
            + " FROM generate_series(1, 12) i");
    database.execute(
        "INSERT INTO product_stock (product_id, inventory) SELECT id, 100 FROM products");
    database.execute(
        "INSERT INTO orders (buyer_id, seller_id, product_id, quantity, unit_price, total_price,"
            + " status, payment_status, paid_at, created_at, updated_at)"
            + " SELECT 4 + i % 17, p.seller_id, p.id, 1 + i % 3, p.price, p.price * (1 + i % 3),"
            + " (ARRAY['pending', 'processing', 'shipped', 'completed', 'cancelled',"
            + " 'cancelled'])[1 + i % 6],"
            + " CASE i % 6 WHEN 0 THEN 'unpaid' WHEN 1 THEN 'unpaid' WHEN 5 THEN 'refunded'"
            + " ELSE 'captured' END,"
            + " CASE WHEN i % 6 IN (0, 1) THEN NULL"
            + " ELSE now() - i * interval '97 minutes' + interval '7 minutes' END,"
            + " now() - i * interval '97 minutes', now()"
            + " FROM generate_series(1, 600) i JOIN products p ON p.id = 1 + (i * 7) % 12");
    database.execute(
        "INSERT INTO order_items (order_id, product_id, quantity, unit_price, line_total)"
            + " SELECT id, product_id, quantity, unit_price, total_price FROM orders");
    // A second line on every fourth order, of another product of the same seller.
    database.execute(
        "WITH extra AS (SELECT o.id, p.id AS product_id, p.price FROM orders o"
            + " JOIN products p ON p.seller_id = o.seller_id AND p.id <> o.product_id"
            + " AND p.id = (SELECT min(q.id) FROM products q WHERE q.seller_id = o.seller_id"
            + " AND q.id <> o.product_id) WHERE o.id % 4 = 0),"
            + " i AS (INSERT INTO order_items (order_id, product_id, quantity, unit_price,"
            + " line_total) SELECT id, product_id, 2, price, price * 2 FROM extra)"
            + " UPDATE orders o SET total_price = o.total_price + e.price * 2, product_id = NULL,"
            + " quantity = NULL, unit_price = NULL FROM extra e WHERE e.id = o.id");
    database.execute(
        "INSERT INTO order_tracking (order_id, status, actor_role, created_at)"
            + " SELECT id, 'pending', 'buyer', created_at FROM orders");
    database.execute(
        "INSERT INTO order_tracking (order_id, status, actor_role, created_at)"
            + " SELECT id, 'cancelled', 'buyer', created_at + interval '5 hours' FROM orders"
            + " WHERE status = 'cancelled'");
  }
}
