package dev.marketplace.catalog;

import dev.marketplace.common.db.Rows;
import dev.marketplace.common.db.UniqueViolation;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code products} table and its {@code product_stock} as sellers manage them: their listing
 * with its filters, one product whatever its status and relative stock changes (create-or-update by
 * SKU is {@link ProductImportRepository}'s). Each change is one conditional statement, so
 * concurrent changes (and orders) never lose an update.
 *
 * <p>A statement that changes both tables locks the product row first and its stock row second, as
 * orders do (see the order module's {@code StockRepository}), so that no two such statements can
 * wait for each other. A seller's stock change counts as an edit of the product and moves its
 * {@code updated_at}; an order's does not.
 */
public final class SellerProductRepository {

  private static final String SKU_CONSTRAINT = "products_seller_sku_key";

  /** The most stock a product may have, as the contract's {@code Inventory} says. */
  private static final int MAX_INVENTORY = 1_000_000_000;

  /** A page of a seller's products, oldest first; empty when {@code sellerId} is not a seller. */
  public Future<Optional<List<Product>>> list(SqlClient client, SellerProductFilter filter) {
    return client
        .preparedQuery(
            "SELECT u.id AS seller_exists, "
                + Product.COLUMNS
                + " FROM users u LEFT JOIN LATERAL (SELECT p.id FROM products p"
                + " JOIN product_stock s ON s.product_id = p.id WHERE p.seller_id = u.id"
                + filter.conditions(3)
                + " ORDER BY p.id LIMIT $2) page ON true"
                + " LEFT JOIN products p ON p.id = page.id"
                + " LEFT JOIN product_stock s ON s.product_id = page.id"
                + " WHERE u.id = $1 AND u.role = 'seller' ORDER BY p.id")
        .execute(filter.parameters())
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              List<Product> products = new ArrayList<>(rows.size());
              for (Row row : rows) {
                if (row.getLong("id") != null) {
                  products.add(Product.fromRow(row));
                }
              }
              return Optional.of(products);
            });
  }

  /** A product whatever its status (its owner decides whether the caller may see it). */
  public Future<Optional<Product>> find(SqlClient client, long productId) {
    return client
        .preparedQuery("SELECT " + Product.COLUMNS + " FROM " + Product.TABLES + " WHERE p.id = $1")
        .mapping(Product::fromRow)
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }

  /**
   * Adds {@code change} (negative: removes) to the stock of a product of {@code sellerId}, only if
   * the result stays between 0 and the most allowed; empty when nothing changed.
   */
  public Future<Optional<Product>> adjustStock(
      SqlClient client, long productId, long sellerId, int change) {
    return client
        .preparedQuery(
            "WITH owned AS (SELECT id FROM products WHERE id = $1 AND seller_id = $2"
                + " FOR NO KEY UPDATE),"
                + " s AS (UPDATE product_stock SET inventory = inventory + $3::int"
                + " WHERE product_id = (SELECT id FROM owned)"
                + " AND inventory + $3::int BETWEEN 0 AND $4::int RETURNING *),"
                + " p AS (UPDATE products SET updated_at = now()"
                + " WHERE id = (SELECT product_id FROM s) RETURNING *)"
                + " SELECT "
                + Product.COLUMNS
                + " FROM p JOIN s ON s.product_id = p.id JOIN users u ON u.id = p.seller_id")
        .mapping(Product::fromRow)
        .execute(Tuple.of(productId, sellerId, change, MAX_INVENTORY))
        .map(Rows::first);
  }

  /** Why a stock change did nothing: the product's owner and stock, if it exists. */
  public Future<Optional<Stock>> stock(SqlClient client, long productId) {
    return client
        .preparedQuery(
            "SELECT p.seller_id, s.inventory FROM products p"
                + " JOIN product_stock s ON s.product_id = p.id WHERE p.id = $1")
        .mapping(row -> new Stock(row.getLong("seller_id"), row.getInteger("inventory")))
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }

  /** A failure of a write that set {@code sku}, as the 409 a seller can act on if it is one. */
  static Throwable explainDuplicateSku(Throwable failure, String sku) {
    if (UniqueViolation.of(failure, SKU_CONSTRAINT)) {
      return new DomainException(
          ErrorCode.DUPLICATE, "SKU " + sku + " is already used by another of your products.");
    }
    return failure;
  }

  /** A product's owner and stock. */
  public record Stock(long sellerId, int inventory) {}
}
