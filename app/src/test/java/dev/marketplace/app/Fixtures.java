package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates the accounts and products a test needs, through the API like any client. */
final class Fixtures {

  static final String PASSWORD = "correct-horse-battery";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final ApiClient api;

  Fixtures(ApiClient api) {
    this.api = api;
  }

  static String uniqueEmail(String who) {
    return who + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
  }

  JsonObject buyer(String name) {
    return register("buyers", name);
  }

  JsonObject seller(String name) {
    return register("sellers", name);
  }

  JsonObject product(long sellerId, String name, String category, String price, int inventory) {
    ApiResponse created =
        api.post(
            "/api/sellers/products",
            new JsonObject()
                .put("seller_id", sellerId)
                .put("name", name)
                .put("category", category)
                .put("description", name + " for tests")
                .put("price", new java.math.BigDecimal(price))
                .put("inventory", inventory));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  JsonObject order(long buyerId, long productId, int quantity) {
    ApiResponse placed =
        api.post(
            "/api/buyers/orders",
            new JsonObject()
                .put("buyer_id", buyerId)
                .put("product_id", productId)
                .put("quantity", quantity));
    assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
    return placed.json();
  }

  private JsonObject register(String role, String name) {
    ApiResponse registered =
        api.post(
            "/api/" + role + "/register",
            new JsonObject()
                .put("name", name)
                .put("email", uniqueEmail(name.toLowerCase().replace(' ', '.')))
                .put("password", PASSWORD));
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
    return registered.json();
  }
}
