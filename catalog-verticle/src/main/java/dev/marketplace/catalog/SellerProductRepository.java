package dev.marketplace.catalog;

import dev.marketplace.common.db.Rows;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code products} table as sellers manage it: their listing with its filters, one product
 * whatever its status, relative stock changes and create-or-update by SKU. Each change is one
 * conditional statement, so concurrent changes (and orders) never lose an update.
 */
public final class SellerProductRepository {

  private static final String SKU_CONSTRAINT = "products_seller_sku_key";
  private static final String UNIQUE_VIOLATION = "23505";

  /** The most stock a product may have, as the contract's {@code Inventory} says. */
  private static final int MAX_INVENTORY = 1_000_000_000;

  private final Pool pool;

  public SellerProductRepository(Pool pool) {
    this.pool = pool;
  }

  /** A page of a seller's products, oldest first; empty when {@code sellerId} is not a seller. */
  public Future<Optional<List<Product>>> list(SellerProductFilter filter) {
    return pool.preparedQuery(
            "SELECT u.id AS seller_exists, "
                + Product.COLUMNS
                + " FROM users u LEFT JOIN LATERAL (SELECT * FROM products p WHERE p.seller_id = u.id"
                + filter.conditions(3)
                + " ORDER BY p.id LIMIT $2) p ON true"
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
  public Future<Optional<Product>> find(long productId) {
    return pool.preparedQuery(
            "SELECT "
                + Product.COLUMNS
                + " FROM products p JOIN users u ON u.id = p.seller_id WHERE p.id = $1")
        .mapping(Product::fromRow)
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }

  /**
   * Adds {@code change} (negative: removes) to the stock of a product of {@code sellerId}, only if
   * the result stays between 0 and the most allowed; empty when nothing changed.
   */
  public Future<Optional<Product>> adjustStock(long productId, long sellerId, int change) {
    return pool.preparedQuery(
            "WITH p AS (UPDATE products SET inventory = inventory + $3::int, updated_at = now()"
                + " WHERE id = $1 AND seller_id = $2"
                + " AND inventory + $3::int BETWEEN 0 AND $4::int RETURNING *)"
                + " SELECT "
                + Product.COLUMNS
                + " FROM p JOIN users u ON u.id = p.seller_id")
        .mapping(Product::fromRow)
        .execute(Tuple.of(productId, sellerId, change, MAX_INVENTORY))
        .map(Rows::first);
  }

  /** Why a stock change did nothing: the product's owner and stock, if it exists. */
  public Future<Optional<Stock>> stock(long productId) {
    return pool.preparedQuery("SELECT seller_id, inventory FROM products WHERE id = $1")
        .mapping(row -> new Stock(row.getLong("seller_id"), row.getInteger("inventory")))
        .execute(Tuple.of(productId))
        .map(Rows::first);
  }

  /**
   * Creates the seller's product with this SKU, or sets its fields to these if it exists and any
   * differs. Empty when nothing was written: the product already is exactly so, or {@code sellerId}
   * is not a seller.
   */
  public Future<Optional<Upserted>> upsert(long sellerId, String sku, ProductChanges product) {
    return pool.preparedQuery(
            "WITH u AS (SELECT id, name FROM users WHERE id = $1 AND role = 'seller'),"
                + " p AS (INSERT INTO products"
                + " (seller_id, sku, name, category, description, price, inventory, is_active)"
                + " SELECT u.id, $2, $3, $4, $5, $6, $7, $8 FROM u"
                + " ON CONFLICT ON CONSTRAINT "
                + SKU_CONSTRAINT
                + " DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category,"
                + " description = EXCLUDED.description, price = EXCLUDED.price,"
                + " inventory = EXCLUDED.inventory, is_active = EXCLUDED.is_active,"
                + " updated_at = now()"
                + " WHERE (products.name, products.category, products.description, products.price,"
                + " products.inventory, products.is_active) IS DISTINCT FROM (EXCLUDED.name,"
                + " EXCLUDED.category, EXCLUDED.description, EXCLUDED.price, EXCLUDED.inventory,"
                + " EXCLUDED.is_active)"
                // xmax is 0 on a row this statement inserted, and set on one it updated.
                + " RETURNING *, (xmax = 0) AS inserted)"
                + " SELECT "
                + Product.COLUMNS
                + ", p.inserted FROM p JOIN u ON u.id = p.seller_id")
        .mapping(row -> new Upserted(Product.fromRow(row), row.getBoolean("inserted")))
        .execute(
            Tuple.from(
                new Object[] {
                  sellerId,
                  sku,
                  product.name(),
                  product.category(),
                  product.description() == null ? "" : product.description(),
                  product.price(),
                  product.inventory(),
                  product.active() == null || product.active()
                }))
        .map(Rows::first);
  }

  /** The seller's product with this SKU, if any. */
  public Future<Optional<Product>> findBySku(long sellerId, String sku) {
    return pool.preparedQuery(
            "SELECT "
                + Product.COLUMNS
                + " FROM products p JOIN users u ON u.id = p.seller_id"
                + " WHERE p.seller_id = $1 AND p.sku = $2")
        .mapping(Product::fromRow)
        .execute(Tuple.of(sellerId, sku))
        .map(Rows::first);
  }

  /** A failure of a write that set {@code sku}, as the 409 a seller can act on if it is one. */
  static Throwable explainDuplicateSku(Throwable failure, String sku) {
    if (failure instanceof PgException pg
        && UNIQUE_VIOLATION.equals(pg.getSqlState())
        && SKU_CONSTRAINT.equals(pg.getConstraint())) {
      return new DomainException(
          ErrorCode.DUPLICATE, "SKU " + sku + " is already used by another of your products.");
    }
    return failure;
  }

  /** A product's owner and stock. */
  public record Stock(long sellerId, int inventory) {}

  /** A product written by an upsert, and whether it was created (rather than changed). */
  public record Upserted(Product product, boolean created) {}
}
