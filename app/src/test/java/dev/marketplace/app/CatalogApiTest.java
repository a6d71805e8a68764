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
    long sellerId = fixtures.seller("Lamp Shop").getLong("id");

    ApiResponse response =
        api.post(
            "/api/sellers/products",
            new JsonObject()
                .put("seller_id", sellerId)
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
    long sellerId = fixtures.seller("Strict Shop").getLong("id");
    JsonObject valid =
        new JsonObject()
            .put("seller_id", sellerId)
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
      ApiResponse response = api.post("/api/sellers/products", body);
      assertThat(response.status()).as(body.encode()).isEqualTo(400);
      assertThat(response.errorCode()).isEqualTo("validation_failed");
    }
  }

  @Test
  void onlyASellerCanListProducts() {
    long buyerId = fixtures.buyer("Not A Seller").getLong("id");
    JsonObject product =
        new JsonObject()
            .put("name", "Thing")
            .put("category", "Other")
            .put("price", 5)
            .put("inventory", 1);

    ApiResponse byBuyer =
        api.post("/api/sellers/products", product.copy().put("seller_id", buyerId));
    ApiResponse byNobody =
        api.post("/api/sellers/products", product.copy().put("seller_id", 987654321));

    assertThat(byBuyer.status()).isEqualTo(404);
    assertThat(byNobody.status()).isEqualTo(404);
    assertThat(byNobody.errorCode()).isEqualTo("not_found");
  }

  @Test
  void browsesOnlyActiveProductsOptionallyByCategory() {
    long sellerId = fixtures.seller("Browse Shop").getLong("id");
    long kettle =
        fixtures.product(sellerId, "Browse Kettle", "BrowseHome", "25.00", 3).getLong("id");
    long hidden =
        fixtures.product(sellerId, "Browse Hidden", "BrowseHome", "9.00", 3).getLong("id");
    long shirt =
        fixtures.product(sellerId, "Browse Shirt", "BrowseClothing", "15.50", 0).getLong("id");
    api.put(
        "/api/sellers/products/" + hidden,
        new JsonObject().put("seller_id", sellerId).put("is_active", false));

    List<Long> all = ids(api.get("/api/buyers/products?limit=200").json().getJsonArray("products"));
    List<Long> home =
        ids(api.get("/api/buyers/products?category=browsehome").json().getJsonArray("products"));

    assertThat(all).contains(kettle, shirt).doesNotContain(hidden);
    assertThat(home).containsExactly(kettle);
  }

  @Test
  void boundsTheListWithLimit() {
    long sellerId = fixtures.seller("Many Shop").getLong("id");
    for (int i = 0; i < 3; i++) {
      fixtures.product(sellerId, "Many " + i, "ManyThings", "1.00", 1);
    }

    JsonArray page =
        api.get("/api/buyers/products?category=ManyThings&limit=2").json().getJsonArray("products");

    assertThat(page).hasSize(2);
    assertThat(api.get("/api/buyers/products?limit=0").status()).isEqualTo(400);
    assertThat(api.get("/api/buyers/products?limit=201").status()).isEqualTo(400);
  }

  @Test
  void searchesNamesCaseInsensitivelyAndLiterally() {
    long sellerId = fixtures.seller("Search Shop").getLong("id");
    long headphones =
        fixtures
            .product(sellerId, "Wireless HEADPHONES zq", "Electronics", "79.99", 5)
            .getLong("id");
    long percent =
        fixtures.product(sellerId, "100% Cotton zq", "Clothing", "12.00", 5).getLong("id");
    long primer = fixtures.product(sellerId, "C++ Primer zq", "Books", "40.00", 5).getLong("id");
    long inactive =
        fixtures.product(sellerId, "Headphones Old zq", "Electronics", "9.99", 5).getLong("id");
    api.put(
        "/api/sellers/products/" + inactive,
        new JsonObject().put("seller_id", sellerId).put("is_active", false));

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
    long sellerId = fixtures.seller("Update Shop").getLong("id");
    JsonObject product = fixtures.product(sellerId, "Mug", "Home", "8.00", 10);
    long productId = product.getLong("id");

    ApiResponse updated =
        api.put(
            "/api/sellers/products/" + productId,
            new JsonObject().put("seller_id", sellerId).put("price", 7.5).put("inventory", 4));

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
    long owner = fixtures.seller("Owner Shop").getLong("id");
    long intruder = fixtures.seller("Intruder Shop").getLong("id");
    long productId = fixtures.product(owner, "Vase", "Home", "30.00", 2).getLong("id");

    ApiResponse response =
        api.put(
            "/api/sellers/products/" + productId,
            new JsonObject().put("seller_id", intruder).put("price", 1));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo("forbidden");
    assertThat(database.queryLong("SELECT price * 100 FROM products WHERE id = " + productId))
        .isEqualTo(3000);
  }

  @Test
  void updatingAMissingProductOrNothingIsRefused() {
    long sellerId = fixtures.seller("Missing Shop").getLong("id");
    long productId = fixtures.product(sellerId, "Real", "Home", "1.00", 1).getLong("id");

    ApiResponse missing =
        api.put(
            "/api/sellers/products/987654321",
            new JsonObject().put("seller_id", sellerId).put("price", 2));
    ApiResponse nothing =
        api.put("/api/sellers/products/" + productId, new JsonObject().put("seller_id", sellerId));
    ApiResponse noSeller =
        api.put("/api/sellers/products/" + productId, new JsonObject().put("price", 2));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(nothing.status()).isEqualTo(400);
    assertThat(noSeller.status()).isEqualTo(400);
  }

  @Test
  void aSellerSeesAllOwnProductsIncludingInactiveOnes() {
    long sellerId = fixtures.seller("List Shop").getLong("id");
    long other = fixtures.seller("Other List Shop").getLong("id");
    long active = fixtures.product(sellerId, "Active", "Home", "1.00", 1).getLong("id");
    long inactive = fixtures.product(sellerId, "Inactive", "Home", "1.00", 1).getLong("id");
    fixtures.product(other, "Not mine", "Home", "1.00", 1);
    api.put(
        "/api/sellers/products/" + inactive,
        new JsonObject().put("seller_id", sellerId).put("is_active", false));

    ApiResponse response = api.get("/api/sellers/" + sellerId + "/products");

    assertThat(response.status()).isEqualTo(200);
    assertThat(ids(response.json().getJsonArray("products"))).containsExactly(active, inactive);
  }

  @Test
  void listingProductsOfAnUnknownSellerIsNotFound() {
    long buyerId = fixtures.buyer("Not Selling").getLong("id");
    long newSeller = fixtures.seller("Empty Shop").getLong("id");

    assertThat(api.get("/api/sellers/987654321/products").status()).isEqualTo(404);
    assertThat(api.get("/api/sellers/" + buyerId + "/products").status()).isEqualTo(404);
    assertThat(api.get("/api/sellers/" + newSeller + "/products").json().getJsonArray("products"))
        .isEmpty();
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
