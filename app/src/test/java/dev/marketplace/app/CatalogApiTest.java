package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogApiTest extends ApiTest {

  @Test
  void createsAProductWithItsExactPrice() {
    Account seller = fixtures.seller("Lamp Shop");
    long sellerId = seller.id();

    ApiResponse response =
        seller
            .api()
            .post(
                "/api/sellers/products",
                new JsonObject()
                    .put("name", "Desk Lamp")
                    .put("category", "Home")
                    .put("description", "Warm light")
                    .put("price", new BigDecimal("0.10"))
                    .put("inventory", 7));

    assertThat(response.status()).isEqualTo(201);
    JsonObject product = response.json();
    assertThat(product.getLong("seller_id")).isEqualTo(sellerId);
    assertThat(product.getString("seller_name")).isEqualTo("Lamp Shop");
    assertThat(product.getString("name")).isEqualTo("Desk Lamp");
    assertThat(product.getString("category")).isEqualTo("Home");
    assertThat(product.getString("description")).isEqualTo("Warm light");
    assertThat(response.body().toString()).contains("\"price\":0.10");
    assertThat(product.getInteger("inventory")).isEqualTo(7);
    assertThat(product.getBoolean("is_active")).isTrue();
  }

  @Test
  void refusesProductsWithBadPricesOrStock() {
    Account seller = fixtures.seller("Strict Shop");
    JsonObject valid =
        new JsonObject()
            .put("name", "Thing")
            .put("category", "Other")
            .put("price", 5)
            .put("inventory", 1);

    JsonObject[] invalid = {
      valid.copy().put("price", 0),
      valid.copy().put("price", -1),
      valid.copy().put("price", 1.005),
      valid.copy().put("price", "5.00"),
      valid.copy().put("price", 1e11),
      valid.copy().put("inventory", -1),
      valid.copy().put("inventory", 1.5),
      valid.copy().put("name", ""),
      valid.copy().put("category", ""),
      valid.copy().put("colour", "red")
    };
    for (JsonObject body : invalid) {
      ApiResponse response = seller.api().post("/api/sellers/products", body);
      assertThat(response.status()).as(body.encode()).isEqualTo(400);
      assertThat(response.errorCode()).isEqualTo("validation_failed");
    }
  }

  @Test
  void browsesOnlyActiveProductsOptionallyByCategory() {
    Account seller = fixtures.seller("Browse Shop");
    long kettle = fixtures.product(seller, "Browse Kettle", "BrowseHome", "25.00", 3).getLong("id");
    long hidden = fixtures.product(seller, "Browse Hidden", "BrowseHome", "9.00", 3).getLong("id");
    long shirt =
        fixtures.product(seller, "Browse Shirt", "BrowseClothing", "15.50", 0).getLong("id");
    fixtures.change(seller, hidden, new JsonObject().put("is_active", false));

    List<Long> all = ids(api.get("/api/buyers/products?limit=200").json().getJsonArray("products"));
    List<Long> home =
        ids(api.get("/api/buyers/products?category=browsehome").json().getJsonArray("products"));

    assertThat(all).contains(kettle, shirt).doesNotContain(hidden);
    assertThat(home).containsExactly(kettle);
  }

  @Test
  void boundsTheListWithLimit() {
    Account seller = fixtures.seller("Many Shop");
    for (int i = 0; i < 3; i++) {
      fixtures.product(seller, "Many " + i, "ManyThings", "1.00", 1);
    }

    JsonArray page =
        api.get("/api/buyers/products?category=ManyThings&limit=2").json().getJsonArray("products");

    assertThat(page).hasSize(2);
    assertThat(api.get("/api/buyers/products?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/buyers/products?limit=201").status()).isEqualTo(400);
  }

  @Test
  void searchesNamesCaseInsensitivelyAndLiterally() {
    Account seller = fixtures.seller("Search Shop");
    long headphones =
        fixtures.product(seller, "Wireless HEADPHONES zq", "Electronics", "79.99", 5).getLong("id");
    long percent = fixtures.product(seller, "100% Cotton zq", "Clothing", "12.00", 5).getLong("id");
    long primer = fixtures.product(seller, "C++ Primer zq", "Books", "40.00", 5).getLong("id");
    long inactive =
        fixtures.product(seller, "Headphones Old zq", "Electronics", "9.99", 5).getLong("id");
    fixtures.change(seller, inactive, new JsonObject().put("is_active", false));

    assertThat(ids(search("headphones zq"))).containsExactly(headphones);
    assertThat(ids(search("PHONES"))).contains(headphones).doesNotContain(inactive);
    assertThat(ids(search("0% c"))).containsExactly(percent);
    assertThat(ids(search("%"))).containsExactly(percent);
    assertThat(search("_")).isEmpty();
    assertThat(ids(search("c++"))).containsExactly(primer);
  }

  @Test
  void searchNeedsSomethingToSearchFor() {
    assertThat(api.get("/api/buyers/products/search").status()).isEqualTo(400);
    assertThat(api.get("/api/buyers/products/search?q=").status()).isEqualTo(400);
    assertThat(api.get("/api/buyers/products/search?q=%20%20").status()).isEqualTo(400);
  }

  @Test
  void updatesOnlyTheGivenFieldsOfTheSellersOwnProduct() {
    Account seller = fixtures.seller("Update Shop");
    JsonObject product = fixtures.product(seller, "Mug", "Home", "8.00", 10);
    long productId = product.getLong("id");

    ApiResponse updated =
        seller
            .api()
            .put(
                "/api/sellers/products/" + productId,
                new JsonObject().put("price", 7.5).put("inventory", 4));

    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().getString("name")).isEqualTo("Mug");
    assertThat(updated.json().getString("description")).isEqualTo(product.getString("description"));
    assertThat(updated.body().toString()).contains("\"price\":7.50");
    assertThat(updated.json().getInteger("inventory")).isEqualTo(4);
    assertThat(updated.json().getString("updated_at"))
        .isGreaterThan(product.getString("updated_at"));
  }

  @Test
  void anotherSellerCannotUpdateAProduct() throws Exception {
    Account owner = fixtures.seller("Owner Shop");
    Account intruder = fixtures.seller("Intruder Shop");
    long productId = fixtures.product(owner, "Vase", "Home", "30.00", 2).getLong("id");

    ApiResponse response =
        intruder.api().put("/api/sellers/products/" + productId, new JsonObject().put("price", 1));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo("forbidden");
    assertThat(database.queryLong("SELECT price * 100 FROM products WHERE id = " + productId))
        .isEqualTo(3000);
  }

  @Test
  void updatingAMissingProductOrNothingIsRefused() {
    Account seller = fixtures.seller("Missing Shop");
    long productId = fixtures.product(seller, "Real", "Home", "1.00", 1).getLong("id");

    ApiResponse missing =
        seller.api().put("/api/sellers/products/987654321", new JsonObject().put("price", 2));
    ApiResponse empty = seller.api().put("/api/sellers/products/" + productId, new JsonObject());
    ApiResponse onlySeller =
        seller
            .api()
            .put(
                "/api/sellers/products/" + productId,
                new JsonObject().put("seller_id", seller.id()));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(onlySeller.status()).isEqualTo(400);
    assertThat(onlySeller.json().getString("message")).contains("Nothing to change");
  }

  @Test
  void aSellerSeesAllOwnProductsIncludingInactiveOnes() {
    Account seller = fixtures.seller("List Shop");
    Account other = fixtures.seller("Other List Shop");
    long active = fixtures.product(seller, "Active", "Home", "1.00", 1).getLong("id");
    long inactive = fixtures.product(seller, "Inactive", "Home", "1.00", 1).getLong("id");
    fixtures.product(other, "Not mine", "Home", "1.00", 1);
    fixtures.change(seller, inactive, new JsonObject().put("is_active", false));

    ApiResponse response = seller.api().get("/api/sellers/" + seller.id() + "/products");

    assertThat(response.status()).isEqualTo(200);
    assertThat(ids(response.json().getJsonArray("products"))).containsExactly(active, inactive);
  }

  @Test
  void aNewSellerHasNoProducts() {
    Account seller = fixtures.seller("Empty Shop");

    ApiResponse response = seller.api().get("/api/sellers/" + seller.id() + "/products");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().getJsonArray("products")).isEmpty();
  }

  private JsonArray search(String text) {
    ApiResponse response =
        api.get(
            "/api/buyers/products/search?q="
                + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().getJsonArray("products");
  }

  static List<Long> ids(JsonArray items) {
    return items.stream().map(item -> ((JsonObject) item).getLong("id")).toList();
  }
}
