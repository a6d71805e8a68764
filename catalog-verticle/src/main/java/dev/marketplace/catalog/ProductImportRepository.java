package dev.marketplace.catalog;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-based statements of an import by SKU: one read of the lines' products, one update of
 * those that differ, one insert of those that are new. Only rows known to be new reach the insert,
 * so that a line that creates nothing never takes a value of the products' id sequence ({@code
 * INSERT ... ON CONFLICT} takes one for every row it is given, conflicting or not).
 */
final class ProductImportRepository {

  private static final String SKU_CONSTRAINT = "products_seller_sku_key";

  /**
   * The seller's products with these SKUs, by SKU. With {@code lock}, their product and stock rows
   * are locked in id order, so that two imports of the same SKUs cannot wait for each other.
   */
  Future<Map<String, Product>> bySku(
      SqlClient client, long sellerId, List<String> skus, boolean lock) {
    return client
        .preparedQuery(
            "SELECT "
                + Product.COLUMNS
                + " FROM "
                + Product.TABLES
                + " WHERE p.seller_id = $1 AND p.sku = ANY($2::text[]) ORDER BY p.id"
                + (lock ? " FOR NO KEY UPDATE OF p, s" : ""))
        .mapping(Product::fromRow)
        .execute(Tuple.of(sellerId, (Object) skus.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Product> found = new HashMap<>();
              rows.forEach(product -> found.put(product.sku(), product));
              return found;
            });
  }

  /** Sets the fields of these products (the lines' {@code productId}s) to their lines'. */
  Future<Void> update(SqlClient client, Map<Long, ImportLine> lines) {
    if (lines.isEmpty()) {
      return Future.succeededFuture();
    }
    List<ImportLine> changed = List.copyOf(lines.values());
    return client
        .preparedQuery(
            "WITH v AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[],"
                + " $5::text[], $6::int[], $7::bool[])"
                + " AS v(id, name, category, description, price, inventory, is_active)),"
                + " s AS (UPDATE product_stock s SET inventory = v.inventory FROM v"
                + " WHERE s.product_id = v.id AND s.inventory <> v.inventory RETURNING 1)"
                + " UPDATE products p SET name = v.name, category = v.category,"
                + " description = v.description, price = v.price::numeric,"
                + " is_active = v.is_active, updated_at = now() FROM v WHERE p.id = v.id")
        .execute(
            Tuple.of(
                lines.keySet().toArray(Long[]::new),
                changed.stream().map(ImportLine::name).toArray(String[]::new),
                changed.stream().map(ImportLine::category).toArray(String[]::new),
                changed.stream().map(ImportLine::description).toArray(String[]::new),
                changed.stream().map(line -> line.price().toPlainString()).toArray(String[]::new),
                changed.stream().map(ImportLine::inventory).toArray(Integer[]::new),
                changed.stream().map(ImportLine::active).toArray(Boolean[]::new)))
        .mapEmpty();
  }

  /**
   * Creates the seller's products of these lines, all with SKUs the seller had none of when read;
   * the new ids by SKU. A SKU that another request created since is left out of the answer.
   */
  Future<Map<String, Long>> insert(SqlClient client, long sellerId, List<ImportLine> lines) {
    if (lines.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return client
        .preparedQuery(
            "WITH v AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[],"
                + " $6::text[], $7::int[], $8::bool[]) WITH ORDINALITY"
                + " AS v(sku, name, category, description, price, inventory, is_active, n)),"
                + " p AS (INSERT INTO products"
                + " (seller_id, sku, name, category, description, price, is_active)"
                + " SELECT $1, v.sku, v.name, v.category, v.description, v.price::numeric,"
                + " v.is_active FROM v ORDER BY v.n"
                + " ON CONFLICT ON CONSTRAINT "
                + SKU_CONSTRAINT
                + " DO NOTHING RETURNING id, sku),"
                + " s AS (INSERT INTO product_stock (product_id, inventory)"
                + " SELECT p.id, v.inventory FROM p JOIN v ON v.sku = p.sku RETURNING 1)"
                + " SELECT id, sku FROM p")
        .execute(
            Tuple.of(
                sellerId,
                lines.stream().map(ImportLine::sku).toArray(String[]::new),
                lines.stream().map(ImportLine::name).toArray(String[]::new),
                lines.stream().map(ImportLine::category).toArray(String[]::new),
                lines.stream().map(ImportLine::description).toArray(String[]::new),
                lines.stream().map(line -> line.price().toPlainString()).toArray(String[]::new),
                lines.stream().map(ImportLine::inventory).toArray(Integer[]::new),
                lines.stream().map(ImportLine::active).toArray(Boolean[]::new)))
        .map(
            rows -> {
              Map<String, Long> ids = new HashMap<>();
              for (Row row : rows) {
                ids.put(row.getString("sku"), row.getLong("id"));
              }
              return ids;
            });
  }
}
