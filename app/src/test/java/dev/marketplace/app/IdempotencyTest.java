package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Retries of POST /api/buyers/orders with an Idempotency-Key place the order once.
 *
 * <p>One test moves the clock a day on, after which every new order is past its hold: the unpaid
 * order sweep would cancel the other tests' orders (and return their stock) under their feet, so it
 * waits an hour here. Keys expire without it.
 */
@ServerSettings("MARKETPLACE_ORDER_SWEEP_SECONDS=3600")
class IdempotencyTest extends ApiTest {

  @Test
  void aRetryReturnsTheFirstOrder() throws Exception {
    Account seller = fixtures.seller("Retry Shop");
    Account buyer = fixtures.buyer("Retry Buyer");
    long productId = fixtures.product(seller, "Drill", "Home", "89.90", 10).getLong("id");
    JsonObject body = new JsonObject().put("product_id", productId).put("quantity", 2);
    String key = UUID.randomUUID().toString();

    ApiResponse first = placeWithKey(buyer, key, body);
    ApiResponse retry = placeWithKey(buyer, key, body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json()).isEqualTo(first.json());
    assertThat(ordersOf(productId)).isEqualTo(1);
    assertThat(inventoryOf(productId)).isEqualTo(8);
  }

  @Test
  void theSameKeyWithAnotherBodyIsAConflict() throws Exception {
    Account seller = fixtures.seller("Conflict Shop");
    Account buyer = fixtures.buyer("Conflict Buyer");
    long productId = fixtures.product(seller, "Saw", "Home", "20.00", 10).getLong("id");
    String key = UUID.randomUUID().toString();

    placeWithKey(buyer, key, new JsonObject().put("product_id", productId).put("quantity", 1));
    ApiResponse other =
        placeWithKey(buyer, key, new JsonObject().put("product_id", productId).put("quantity", 3));

    assertThat(other.status()).isEqualTo(409);
    assertThat(other.errorCode()).isEqualTo("duplicate");
    assertThat(inventoryOf(productId)).isEqualTo(9);
  }

  @Test
  void keysBelongToOneBuyerAndExpireAfterADay() throws Exception {
    Account seller = fixtures.seller("Scope Shop");
    Account buyer = fixtures.buyer("Scope Buyer");
    Account otherBuyer = fixtures.buyer("Scope Other");
    long productId = fixtures.product(seller, "Nail", "Home", "0.10", 100).getLong("id");
    JsonObject body = new JsonObject().put("product_id", productId).put("quantity", 1);
    String key = UUID.randomUUID().toString();

    long mine = placeWithKey(buyer, key, body).json().getLong("id");
    long theirs = placeWithKey(otherBuyer, key, body).json().getLong("id");
    clock.advance(Duration.ofHours(25));
    long afterExpiry = placeWithKey(buyer, key, body).json().getLong("id");

    assertThat(theirs).isNotEqualTo(mine);
    assertThat(afterExpiry).isNotEqualTo(mine);
    assertThat(ordersOf(productId)).isEqualTo(3);
  }

  @Test
  void aRefusalIsNotRememberedSoARetryCanSucceedLater() throws Exception {
    Account seller = fixtures.seller("Restock Shop");
    Account buyer = fixtures.buyer("Patient Buyer");
    long productId = fixtures.product(seller, "Glue", "Home", "3.00", 1).getLong("id");
    JsonObject body = new JsonObject().put("product_id", productId).put("quantity", 2);
    String key = UUID.randomUUID().toString();

    assertThat(placeWithKey(buyer, key, body).status()).isEqualTo(409);
    fixtures.change(seller, productId, new JsonObject().put("inventory", 5));
    assertThat(placeWithKey(buyer, key, body).status()).isEqualTo(201);
    assertThat(placeWithKey(buyer, key, body).status()).isEqualTo(201);
    assertThat(ordersOf(productId)).isEqualTo(1);
  }

  @RepeatedTest(3)
  void racingRetriesPlaceExactlyOneOrder() throws Exception {
    Account seller = fixtures.seller("Race Retry Shop");
    Account buyer = fixtures.buyer("Impatient");
    long productId = fixtures.product(seller, "Phone", "Electronics", "599.00", 50).getLong("id");
    JsonObject body = new JsonObject().put("product_id", productId).put("quantity", 1);
    String key = UUID.randomUUID().toString();

    List<Future<HttpResponse<Buffer>>> retries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      retries.add(buyer.api().sendAsync(HttpMethod.POST, "/api/buyers/orders", body, key));
    }
    Future.all(retries).await();

    List<Long> ids = new ArrayList<>();
    for (Future<HttpResponse<Buffer>> retry : retries) {
      ApiResponse response = api.check(HttpMethod.POST, "/api/buyers/orders", retry.result());
      assertThat(response.status()).isEqualTo(201);
      ids.add(response.json().getLong("id"));
    }
    assertThat(ids).containsOnly(ids.get(0));
    assertThat(ordersOf(productId)).isEqualTo(1);
    assertThat(inventoryOf(productId)).isEqualTo(49);
  }

  private static ApiResponse placeWithKey(Account buyer, String key, JsonObject body) {
    HttpResponse<Buffer> response =
        buyer.api().sendAsync(HttpMethod.POST, "/api/buyers/orders", body, key).await();
    return api.check(HttpMethod.POST, "/api/buyers/orders", response);
  }

  private static long ordersOf(long productId) throws Exception {
    return database.queryLong("SELECT count(*) FROM orders WHERE product_id = " + productId);
  }

  private static long inventoryOf(long productId) throws Exception {
    return database.queryLong(
        "SELECT inventory FROM product_stock WHERE product_id = " + productId);
  }
}
