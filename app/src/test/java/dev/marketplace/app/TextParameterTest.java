package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A text parameter (a search, a category, a SKU, an Idempotency-Key) is taken as the text sent,
 * even when that text also reads as JSON: "-5", "1.5", "[1]", a quoted word.
 */
class TextParameterTest extends ApiTest {

  @Test
  void textThatReadsAsANumberOrAListIsStillText() {
    Account seller = fixtures.seller("Numbers Shop");
    JsonObject gauge =
        new JsonObject()
            .put("name", "Gauge 1.5")
            .put("description", "A 1.5 mm gauge")
            .put("price", 3.5)
            .put("inventory", 4)
            .put("category", "-5");

    ApiResponse bySku = seller.api().put("/api/sellers/products/by-sku/1.5", gauge);
    ApiResponse search = api.get("/api/buyers/products/search?q=1.5");
    ApiResponse category = api.get("/api/buyers/products?category=-5");
    ApiResponse listLike = api.get("/api/buyers/products/search?q=%5B1%5D");

    assertThat(bySku.status()).as(bySku.toString()).isEqualTo(201);
    assertThat(bySku.json().getJsonObject("product").getString("sku")).isEqualTo("1.5");
    assertThat(search.status()).as(search.toString()).isEqualTo(200);
    assertThat(search.json().getJsonArray("products").getJsonObject(0).getString("sku"))
        .isEqualTo("1.5");
    assertThat(category.status()).as(category.toString()).isEqualTo(200);
    assertThat(category.json().getJsonArray("products")).hasSize(1);
    assertThat(listLike.status()).as(listLike.toString()).isEqualTo(200);
  }

  @Test
  void anIdempotencyKeyThatReadsAsANumberKeepsItsMeaning() {
    Account seller = fixtures.seller("Key Shop");
    Account buyer = fixtures.buyer("Key Buyer");
    long pen = fixtures.product(seller, "Pen", "Office", "1.00", 5).getLong("id");
    Buffer body = new JsonObject().put("product_id", pen).put("quantity", 1).toBuffer();

    ApiResponse first = order(buyer, body, "-5");
    ApiResponse retry = order(buyer, body, "-5");
    ApiResponse decimal = order(buyer, body, "1.5");

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(retry.json().getLong("id")).isEqualTo(first.json().getLong("id"));
    assertThat(decimal.status()).as(decimal.toString()).isEqualTo(201);
    assertThat(decimal.json().getLong("id")).isNotEqualTo(first.json().getLong("id"));
  }

  @Test
  void aLastEventIdThatIsNotAnEventsIdIsToldWhatItMustBe() {
    Account buyer = fixtures.buyer("Stream Buyer");

    ApiResponse negative =
        buyer
            .api()
            .get(
                "/api/buyers/" + buyer.id() + "/orders/events",
                Map.of("Last-Event-ID", "-5", "Accept", "text/event-stream"));

    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().getString("message"))
        .isEqualTo("Last-Event-ID must be the id of an event received, a number");
  }

  private static ApiResponse order(Account buyer, Buffer body, String key) {
    return buyer
        .api()
        .sendWithHeaders(
            HttpMethod.POST,
            "/api/buyers/orders",
            "application/json",
            body,
            Map.of("Idempotency-Key", key));
  }
}
