package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;

/** Many buyers race for little stock: exactly the stock is sold, never more. */
class OrderRaceTest extends ApiTest {

  private static final int STOCK = 10;
  private static final int ATTEMPTS = 60;

  @RepeatedTest(3)
  void concurrentOrdersSellExactlyTheStock() throws Exception {
    Account seller = fixtures.seller("Race Shop");
    long productId =
        fixtures.product(seller, "Console", "Electronics", "499.99", STOCK).getLong("id");
    List<Account> buyers = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      buyers.add(fixtures.buyer("Racer " + i));
    }

    Map<Integer, Long> byStatus = fixtures.orderAllAtOnce(buyers, productId, ATTEMPTS);

    assertThat(byStatus)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(201, (long) STOCK, 409, (long) (ATTEMPTS - STOCK)));
    assertThat(
            database.queryLong(
                "SELECT inventory FROM product_stock WHERE product_id = " + productId))
        .isZero();
    assertThat(
            database.queryLong(
                "SELECT units_sold FROM product_stock WHERE product_id = " + productId))
        .isEqualTo(STOCK);
    assertThat(database.queryLong("SELECT count(*) FROM orders WHERE product_id = " + productId))
        .isEqualTo(STOCK);
    assertThat(
            database.queryLong("SELECT sum(quantity) FROM orders WHERE product_id = " + productId))
        .isEqualTo(STOCK);
  }

  @RepeatedTest(3)
  void concurrentMultiUnitOrdersNeverOversell() throws Exception {
    Account seller = fixtures.seller("Bulk Race Shop");
    long productId = fixtures.product(seller, "Paper", "Other", "3.33", 25).getLong("id");
    Account buyer = fixtures.buyer("Bulk Buyer");

    List<Future<HttpResponse<Buffer>>> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      attempts.add(
          buyer
              .api()
              .sendAsync(
                  HttpMethod.POST,
                  "/api/buyers/orders",
                  new JsonObject().put("product_id", productId).put("quantity", 1 + i % 4)));
    }
    Future.all(attempts).await();

    long sold =
        database.queryLong(
            "SELECT coalesce(sum(quantity), 0) FROM orders WHERE product_id = " + productId);
    long left =
        database.queryLong("SELECT inventory FROM product_stock WHERE product_id = " + productId);
    assertThat(sold + left).isEqualTo(25);
    // Stock never goes below 0 (a CHECK constraint sees to that); what can go wrong is a refusal
    // while enough was left: any refused request asked for at most 4.
    assertThat(left).as("refused while enough was left").isLessThan(4L);
    assertThat(attempts.stream().map(a -> a.result().statusCode()).collect(Collectors.toSet()))
        .isSubsetOf(201, 409);
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM orders WHERE product_id = "
                    + productId
                    + " AND total_price <> unit_price * quantity"))
        .isZero();
  }
}
