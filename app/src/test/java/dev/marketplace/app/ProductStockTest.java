package dev.marketplace.app;

import static dev.marketplace.app.Fixtures.cart;
import static dev.marketplace.app.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/**
 * Stock lives in {@code product_stock}: orders take and give it back there and never write the
 * product's own row, which carries the catalog's search indexes. A product's {@code updated_at} is
 * the seller's last edit, a stock change included, and no order moves it.
 */
class ProductStockTest extends ApiTest {

  @Test
  void ordersCheckoutsAndCancellationsLeaveTheProductRowAsItWas() throws Exception {
    Account seller = fixtures.seller("Quiet Shop");
    Account buyer = fixtures.buyer("Quiet Buyer");
    long product = fixtures.product(seller, "Desk lamp", "Home", "30.00", 10).getLong("id");
    long other = fixtures.product(seller, "Bulb", "Home", "3.00", 10).getLong("id");
    String before = rowVersion(product);

    long first = fixtures.order(buyer, product, 2).getLong("id");
    fixtures.order(buyer, product, 1);
    ApiResponse checkout =
        buyer.api().post("/api/buyers/checkout", cart(line(product, 3), line(other, 1)));
    assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
    ApiResponse cancelled =
        buyer.api().post("/api/buyers/orders/" + first + "/cancel", new JsonObject());
    assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

    // A new version of the row would have a new xmin (and place); index entries come with one.
    assertThat(rowVersion(product)).as("the product row's version").isEqualTo(before);
    assertThat(stock(product, "inventory")).isEqualTo(6);
    assertThat(stock(product, "units_sold")).isEqualTo(4);
  }

  @Test
  void updatedAtMovesWithTheSellersEditsOnly() {
    Account seller = fixtures.seller("Editing Shop");
    Account buyer = fixtures.buyer("Editing Buyer");
    long product = fixtures.product(seller, "Rug", "Home", "80.00", 5).getLong("id");
    String listed = updatedAt(product);

    long order = fixtures.order(buyer, product, 1).getLong("id");
    buyer.api().post("/api/buyers/orders/" + order + "/cancel", new JsonObject());
    String afterOrders = updatedAt(product);
    ApiResponse restocked =
        seller
            .api()
            .post("/api/sellers/products/" + product + "/stock", new JsonObject().put("change", 3));

    assertThat(afterOrders).as("after an order and its cancellation").isEqualTo(listed);
    assertThat(restocked.status()).isEqualTo(200);
    assertThat(restocked.json().getInteger("inventory")).isEqualTo(8);
    assertThat(restocked.json().getString("updated_at")).isGreaterThan(listed);
    assertThat(updatedAt(product)).isEqualTo(restocked.json().getString("updated_at"));
  }

  private static String updatedAt(long product) {
    return api.get("/api/buyers/products/" + product).json().getString("updated_at");
  }

  private static String rowVersion(long product) throws Exception {
    return database.queryString(
        "SELECT xmin::text || ' ' || ctid::text FROM products WHERE id = " + product);
  }

  private static long stock(long product, String column) throws Exception {
    return database.queryLong(
        "SELECT " + column + " FROM product_stock WHERE product_id = " + product);
  }
}
