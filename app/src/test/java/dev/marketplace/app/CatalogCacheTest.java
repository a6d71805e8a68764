package dev.marketplace.app;

import static dev.marketplace.app.Fixtures.cart;
import static dev.marketplace.app.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.readcache.CatalogReads;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the api edge's cache of catalog reads keeps, for whom, and what it never touches. A change
 * made behind the api's back (straight in the database, which no invalidation reports) tells a read
 * answered from the cache from one that asked the database.
 */
class CatalogCacheTest extends ApiTest {

  @Test
  void onlyAnonymousGetsThatReadNoHeaderAreMarkedForTheCache() {
    JsonObject paths = api.contract().getRawContract().getJsonObject("paths");
    List<String> marked =
        api.contract().operations().stream()
            .filter(operation -> operation.getExtensions().containsKey(CatalogReads.EXTENSION))
            .map(Operation::getOperationId)
            .toList();

    assertThat(marked)
        .as("the operations docs/architecture.md names")
        .containsExactlyInAnyOrder(
            "productDetail", "browseProducts", "searchProducts", "listCategories", "listReviews");
    for (Operation operation : api.contract().operations()) {
      if (!marked.contains(operation.getOperationId())) {
        continue;
      }
      JsonObject raw = paths.getJsonObject(operation.getOpenAPIPath()).getJsonObject("get");
      assertThat(operation.getHttpMethod().name()).isEqualTo("GET");
      assertThat(raw.getJsonArray("security"))
          .as(operation.getOperationId() + " answers everyone alike")
          .isEqualTo(new JsonArray());
      assertThat(operation.getRequestBody()).isNull();
      // If-None-Match only chooses between the answer and 304, which a hit decides alike.
      assertThat(operation.getParameters())
          .as(operation.getOperationId() + " reads only its path and query")
          .allMatch(
              p ->
                  p.getIn() == Location.PATH
                      || p.getIn() == Location.QUERY
                      || p.getName().equals("If-None-Match"));
    }
  }

  @Test
  void aRequestWithATokenIsNeverAnsweredFromTheCacheNorFillsIt() throws Exception {
    Account seller = fixtures.seller("Token Shop");
    long productId = fixtures.product(seller, "Token Lamp", "Home", "12.00", 5).getLong("id");
    String detail = "/api/buyers/products/" + productId;
    String list = "/api/buyers/products?seller_id=" + seller.id();
    Account buyer = fixtures.buyer("Token Reader");

    assertThat(description(buyer.api().get(detail))).isEqualTo("Token Lamp for tests");
    assertThat(buyer.api().get(list).status()).isEqualTo(200);
    describeBehindTheApisBack(productId, "first change");
    assertThat(description(api.get(detail))).as("nothing was kept").isEqualTo("first change");
    assertThat(listedDescription(api.get(list))).isEqualTo("first change");

    describeBehindTheApisBack(productId, "second change");
    assertThat(description(api.get(detail)))
        .as("kept for anonymous reads")
        .isEqualTo("first change");
    assertThat(listedDescription(api.get(list))).isEqualTo("first change");
    assertThat(description(buyer.api().get(detail))).isEqualTo("second change");
    assertThat(listedDescription(buyer.api().get(list))).isEqualTo("second change");
  }

  @Test
  void answersForOneUserAreNeverServedToAnother() {
    Account seller = fixtures.seller("Private Shop");
    long productId = fixtures.product(seller, "Draft Chair", "Home", "99.00", 2).getLong("id");
    Account buyer = fixtures.buyer("Private Buyer");
    Account other = fixtures.buyer("Other Buyer");
    fixtures.order(buyer, productId, 1);
    fixtures.change(seller, productId, new JsonObject().put("is_active", false));
    String sellersView = "/api/sellers/products/" + productId;
    String buyersOrders = "/api/buyers/" + buyer.id() + "/orders";

    assertThat(seller.api().get(sellersView).status()).isEqualTo(200);
    assertThat(buyer.api().get(buyersOrders).json().getJsonArray("orders")).hasSize(1);

    assertThat(api.get(sellersView).status()).isEqualTo(401);
    assertThat(api.get("/api/buyers/products/" + productId).status()).isEqualTo(404);
    assertThat(api.get(buyersOrders).status()).isEqualTo(401);
    assertThat(other.api().get(buyersOrders).status()).isEqualTo(403);
  }

  @Test
  void aMatchingEntityTagGets304AndAStaleOneTheNewAnswer() {
    Account seller = fixtures.seller("Tag Shop");
    long productId = fixtures.product(seller, "Tagged Mug", "Home", "8.00", 5).getLong("id");
    String detail = "/api/buyers/products/" + productId;
    ApiResponse first = api.get(detail);
    String etag = first.headers().get("etag");
    assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(first.headers().get("cache-control")).isEqualTo("no-cache");
    assertThat(api.get(detail).headers().get("etag")).as("the cached answer's").isEqualTo(etag);

    ApiResponse notModified = api.get(detail, Map.of("If-None-Match", etag));
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(notModified.body().length()).isZero();
    assertThat(notModified.headers().get("etag")).isEqualTo(etag);
    assertThat(notModified.headers().get("cache-control")).isEqualTo("no-cache");
    assertThat(api.get(detail, Map.of("If-None-Match", "\"other\", W/" + etag)).status())
        .isEqualTo(304);
    Account buyer = fixtures.buyer("Tag Reader");
    assertThat(buyer.api().get(detail, Map.of("If-None-Match", etag)).status())
        .as("with a token, from a fresh read")
        .isEqualTo(304);

    fixtures.change(seller, productId, new JsonObject().put("price", new BigDecimal("7.50")));
    ApiResponse changed = api.get(detail, Map.of("If-None-Match", etag));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().getValue("price").toString()).isEqualTo("7.5");
    assertThat(changed.headers().get("etag")).isNotEqualTo(etag);

    String categories = api.get("/api/categories").headers().get("etag");
    assertThat(api.get("/api/categories", Map.of("If-None-Match", categories)).status())
        .isEqualTo(304);
  }

  @Test
  void aChangeCommittedWhileAReadIsUnderWayKeepsThatReadOutOfTheCache() throws Exception {
    Account seller = fixtures.seller("Race Shop");
    long productId = fixtures.product(seller, "Racing Kettle", "Home", "19.99", 5).getLong("id");
    String detail = "/api/buyers/products/" + productId;
    Future<ApiResponse> read;
    try (Connection blocker = database.connect();
        Statement statement = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      // The detail reads the product, then its images: this holds the read between the two.
      statement.execute("LOCK TABLE product_images IN ACCESS EXCLUSIVE MODE");
      read = api.getLater(detail);
      Eventually.until(this::aReadWaitsForTheImages, Duration.ofSeconds(10));

      fixtures.change(seller, productId, new JsonObject().put("price", new BigDecimal("17.50")));
      blocker.rollback();
    }

    assertThat(read.await().json().getValue("price").toString())
        .as("read before the change")
        .isEqualTo("19.99");
    assertThat(api.get(detail).json().getValue("price").toString())
        .as("that read was not kept")
        .isEqualTo("17.5");
  }

  @Test
  void ordersAndCheckoutsReadTheStockFromTheDatabaseNotTheCache() throws Exception {
    Account seller = fixtures.seller("Stock Shop");
    long productId = fixtures.product(seller, "Last Lamp", "Home", "40.00", 5).getLong("id");
    String detail = "/api/buyers/products/" + productId;
    assertThat(api.get(detail).json().getInteger("inventory")).isEqualTo(5);
    database.execute("UPDATE product_stock SET inventory = 1 WHERE product_id = " + productId);
    assertThat(api.get(detail).json().getInteger("inventory")).as("stale on purpose").isEqualTo(5);
    Account buyer = fixtures.buyer("Stock Buyer");

    ApiResponse order = fixtures.tryOrder(buyer, productId, 2);
    ApiResponse checkout = buyer.api().post("/api/buyers/checkout", cart(line(productId, 2)));

    assertThat(order.status()).isEqualTo(409);
    assertThat(order.json().getString("message")).startsWith("Only 1 of product");
    assertThat(checkout.status()).isEqualTo(409);
    assertThat(fixtures.tryOrder(buyer, productId, 1).status()).isEqualTo(201);
    assertThat(api.get(detail).json().getInteger("inventory"))
        .as("the order dropped the stale answer")
        .isZero();
  }

  private boolean aReadWaitsForTheImages() {
    try {
      return database.queryLong(
              "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                  + " AND wait_event_type = 'Lock' AND query LIKE '%FROM product_images%'")
          == 1;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void describeBehindTheApisBack(long productId, String description)
      throws Exception {
    database.execute(
        "UPDATE products SET description = '" + description + "' WHERE id = " + productId);
  }

  private static String description(ApiResponse detail) {
    assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
    return detail.json().getString("description");
  }

  private static String listedDescription(ApiResponse list) {
    return list.json().getJsonArray("products").getJsonObject(0).getString("description");
  }
}
