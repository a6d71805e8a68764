package dev.marketplace.order;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Writes the orders of a checkout: one per seller, grouped by the checkout's id, each with its
 * lines in {@code order_items}. The stock is taken first, in the same transaction, by {@link
 * StockRepository#take}; {@link OrderReadRepository#ofCheckout} reads the orders back.
 */
public final class CheckoutRepository {

  /**
   * Records the orders of a checkout whose stock is taken: one per seller, with its lines and its
   * first history row. Returns the ids of the history rows written, one per order.
   */
  public Future<List<Long>> record(
      SqlClient tx, long buyerId, UUID checkoutId, List<CheckoutLine> taken) {
    return tx.preparedQuery(
            "WITH l AS (SELECT * FROM unnest($3::bigint[], $4::int[], $5::bigint[], $6::numeric[])"
                + " AS l(product_id, quantity, seller_id, unit_price)),"
                + " o AS (INSERT INTO orders (buyer_id, seller_id, checkout_id, product_id,"
                + " quantity, unit_price, total_price)"
                + " SELECT $1, seller_id, $2,"
                + " CASE WHEN count(*) = 1 THEN min(product_id) END,"
                + " CASE WHEN count(*) = 1 THEN min(quantity) END,"
                + " CASE WHEN count(*) = 1 THEN min(unit_price) END,"
                + " sum(unit_price * quantity) FROM l GROUP BY seller_id RETURNING id, seller_id),"
                + " i AS (INSERT INTO order_items"
                + " (order_id, product_id, quantity, unit_price, line_total)"
                + " SELECT o.id, l.product_id, l.quantity, l.unit_price, l.unit_price * l.quantity"
                + " FROM o JOIN l ON l.seller_id = o.seller_id)"
                + " INSERT INTO order_tracking (order_id, status, actor_id, actor_role)"
                + " SELECT id, 'pending', $1, 'buyer' FROM o RETURNING id")
        .mapping(row -> row.getLong("id"))
        .execute(
            Tuple.tuple()
                .addValue(buyerId)
                .addValue(checkoutId)
                .addValue(taken.stream().map(CheckoutLine::productId).toArray(Long[]::new))
                .addValue(taken.stream().map(CheckoutLine::quantity).toArray(Integer[]::new))
                .addValue(taken.stream().map(CheckoutLine::sellerId).toArray(Long[]::new))
                .addValue(taken.stream().map(CheckoutLine::unitPrice).toArray(BigDecimal[]::new)))
        .map(Rows::list);
  }
}
