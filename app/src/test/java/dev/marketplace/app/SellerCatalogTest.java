package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a seller's tools need: SKUs, relative stock changes, create-or-update by SKU, their own
 * products whatever their status, and their listing's filters.
 */
class SellerCatalogTest extends ApiTest {

  @Test
  void skusAreUniquePerSellerAndCheckedForShape() {
    Account seller = fixtures.seller("Sku Shop");
    Account other = fixtures.seller("Other Sku Shop");
    JsonObject headphones = newProduct("Headphones").put("sku", "HP-100");

    ApiResponse created = seller.api().post("/api/sellers/products", headphones);
    ApiResponse again =
        seller.api().post("/api/sellers/products", newProduct("Copy").put("sku", "HP-100"));
    ApiResponse othersSame = other.api().post("/api/sellers/products", headphones);
    long plain = fixtures.product(seller, "No Sku", "Home", "1.00", 1).getLong("id");
    ApiResponse renamed =
        seller.api().put("/api/sellers/products/" + plain, new JsonObject().put("sku", "HP-100"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("sku")).isEqualTo("HP-100");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("message"))
        .isEqualTo("SKU HP-100 is already used by another of your products.");
    assertThat(othersSame.status()).isEqualTo(201);
    assertThat(renamed.status()).isEqualTo(409);
    assertThat(renamed.errorCode()).isEqualTo("duplicate");
    assertThat(api.get("/api/buyers/products/" + plain).json().getValue("sku")).isNull();
    for (String bad :
        new String[] {"", " HP", "HP 100", "-HP", "x".repeat(65), "HP/1", "HP\u0000"}) {
      assertThat(
              seller
                  .api()
                  .post("/api/sellers/products", newProduct("Bad").put("sku", bad))
                  .status())
          .as("sku %s", bad)
          .isEqualTo(400);
    }
  }

  @Test
  void stockChangesAreRelativeAndNeverGoBelowZero() {
    Account seller = fixtures.seller("Stock Shop");
    long id = fixtures.product(seller, "Kettle", "Kitchen", "20.00", 5).getLong("id");
    String stock = "/api/sellers/products/" + id + "/stock";

    ApiResponse added = seller.api().post(stock, new JsonObject().put("change", 10));
    ApiResponse removed = seller.api().post(stock, new JsonObject().put("change", -4));
    ApiResponse tooMany = seller.api().post(stock, new JsonObject().put("change", -12));
    ApiResponse overTheTop =
        seller.api().post(stock, new JsonObject().put("change", 1_000_000_000));

    assertThat(added.json().getInteger("inventory")).isEqualTo(15);
    assertThat(removed.json().getInteger("inventory")).isEqualTo(11);
    assertThat(tooMany.status()).isEqualTo(409);
    assertThat(tooMany.json().getString("message"))
        .isEqualTo("Product " + id + " has 11 in stock; cannot remove 12.");
    assertThat(overTheTop.status()).isEqualTo(400);
    assertThat(api.get("/api/buyers/products/" + id).json().getInteger("inventory")).isEqualTo(11);
    assertThat(seller.api().post(stock, new JsonObject().put("change", 1.5)).status())
        .isEqualTo(400);
    assertThat(seller.api().post(stock, new JsonObject()).status()).isEqualTo(400);
    assertThat(seller.api().post(stock, new JsonObject().put("change", 2_000_000_000L)).status())
        .isEqualTo(400);
    assertThat(
            seller
                .api()
                .post("/api/sellers/products/987654321/stock", new JsonObject().put("change", 1))
                .status())
        .isEqualTo(404);
  }

  @Test
  void concurrentRemovalsAndOrdersNeverOversell() {
    Account seller = fixtures.seller("Race Shop");
    Account buyer = fixtures.buyer("Race Buyer");
    long id = fixtures.product(seller, "Scarce", "Toys", "3.00", 20).getLong("id");
    String stock = "/api/sellers/products/" + id + "/stock";
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      calls.add(seller.api().sendAsync(HttpMethod.POST, stock, new JsonObject().put("change", -1)));
      calls.add(
          buyer
              .api()
              .sendAsync(
                  HttpMethod.POST,
                  "/api/buyers/orders",
                  new JsonObject().put("product_id", id).put("quantity", 1)));
    }
    Future.join(new ArrayList<>(calls)).otherwiseEmpty().await();

    long succeeded = calls.stream().filter(call -> call.result().statusCode() < 300).count();
    long refused = calls.stream().filter(call -> call.result().statusCode() == 409).count();
    assertThat(succeeded).isEqualTo(20);
    assertThat(refused).isEqualTo(10);
    assertThat(api.get("/api/buyers/products/" + id).json().getInteger("inventory")).isZero();
  }

  @Test
  void puttingBySkuCreatesThenUpdatesThenChangesNothing() {
    Account seller = fixtures.seller("Import Shop");
    String path = "/api/sellers/products/by-sku/LAMP-1";
    JsonObject lamp =
        new JsonObject()
            .put("name", "Lamp")
            .put("category", "Home")
            .put("price", 24.5)
            .put("inventory", 10);

    ApiResponse created = seller.api().put(path, lamp);
    ApiResponse unchanged = seller.api().put(path, lamp);
    ApiResponse updated =
        seller.api().put(path, lamp.copy().put("price", 22).put("is_active", false));
    ApiResponse sameAgain =
        seller
            .api()
            .put(path, lamp.copy().put("price", new BigDecimal("22.00")).put("is_active", false));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("outcome")).isEqualTo("created");
    JsonObject product = created.json().getJsonObject("product");
    assertThat(product.getString("sku")).isEqualTo("LAMP-1");
    assertThat(product.getString("description")).isEmpty();
    assertThat(product.getBoolean("is_active")).isTrue();
    assertThat(unchanged.status()).isEqualTo(200);
    assertThat(unchanged.json().getString("outcome")).isEqualTo("unchanged");
    assertThat(unchanged.json().getJsonObject("product").getString("updated_at"))
        .isEqualTo(product.getString("updated_at"));
    assertThat(updated.json().getString("outcome")).isEqualTo("updated");
    assertThat(updated.json().getJsonObject("product").getLong("id"))
        .isEqualTo(product.getLong("id"));
    assertThat(updated.json().getJsonObject("product").getBoolean("is_active")).isFalse();
    assertThat(sameAgain.json().getString("outcome")).isEqualTo("unchanged");
    assertThat(seller.api().put(path, new JsonObject().put("name", "Lamp")).status())
        .isEqualTo(400);
    assertThat(seller.api().put("/api/sellers/products/by-sku/bad%20sku", lamp).status())
        .isEqualTo(400);
  }

  @Test
  void aPutTheSchemaPassesButAProductCannotHoldIsInvalidNotAConflict() {
    Account seller = fixtures.seller("Fine Price Shop");
    ApiResponse refused =
        seller
            .api()
            .put(
                "/api/sellers/products/by-sku/PEN-1",
                new JsonObject()
                    .put("name", "Pen")
                    .put("category", "Office")
                    .put("price", 1.005)
                    .put("inventory", 1));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    assertThat(refused.json().getString("message"))
        .isEqualTo("price must have at most two decimals");
    assertThat(refused.json().getJsonArray("fields").getJsonObject(0).getString("field"))
        .isEqualTo("price");
  }

  @Test
  void concurrentPutsOfANewSkuCreateOneProduct() throws Exception {
    Account seller = fixtures.seller("Racing Import Shop");
    JsonObject chair =
        new JsonObject()
            .put("name", "Chair")
            .put("category", "Home")
            .put("price", 80)
            .put("inventory", 3);
    List<Future<HttpResponse<Buffer>>> puts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      puts.add(seller.api().sendAsync(HttpMethod.PUT, "/api/sellers/products/by-sku/CHAIR", chair));
    }
    Future.join(new ArrayList<>(puts)).await();

    assertThat(puts.stream().filter(put -> put.result().statusCode() == 201)).hasSize(1);
    assertThat(puts.stream().map(put -> put.result().bodyAsJsonObject().getString("outcome")))
        .containsOnly("created", "unchanged");
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM products WHERE seller_id = "
                    + seller.id()
                    + " AND sku = 'CHAIR'"))
        .isEqualTo(1);
  }

  @Test
  void aSellerSeesTheirOwnProductsWhateverTheirStatus() {
    Account seller = fixtures.seller("Hidden Shop");
    Account other = fixtures.seller("Nosy Shop");
    long id = fixtures.product(seller, "Prototype", "Gadgets", "99.00", 1).getLong("id");
    fixtures.change(seller, id, new JsonObject().put("is_active", false));

    ApiResponse own = seller.api().get("/api/sellers/products/" + id);

    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().getBoolean("is_active")).isFalse();
    assertThat(own.json().getJsonObject("rating").getInteger("count")).isZero();
    assertThat(own.json().getJsonArray("images")).isEmpty();
    assertThat(api.get("/api/buyers/products/" + id).status()).isEqualTo(404);
    assertThat(other.api().get("/api/sellers/products/" + id).status()).isEqualTo(403);
    assertThat(seller.api().get("/api/sellers/products/987654321").status()).isEqualTo(404);
  }

  @Test
  void theSellersListFiltersAndPages() {
    Account seller = fixtures.seller("Filter Shop");
    long a = fixtures.product(seller, "A", "Home", "1.00", 0).getLong("id");
    long b = fixtures.product(seller, "B", "home", "1.00", 3).getLong("id");
    long c = fixtures.product(seller, "C", "Garden", "1.00", 50).getLong("id");
    long d = fixtures.product(seller, "D", "Home", "1.00", 9).getLong("id");
    fixtures.change(seller, d, new JsonObject().put("is_active", false));
    String list = "/api/sellers/" + seller.id() + "/products";

    assertThat(ids(seller.api().get(list))).containsExactly(a, b, c, d);
    assertThat(ids(seller.api().get(list + "?status=active"))).containsExactly(a, b, c);
    assertThat(ids(seller.api().get(list + "?status=inactive"))).containsExactly(d);
    assertThat(ids(seller.api().get(list + "?category=HOME"))).containsExactly(a, b, d);
    assertThat(ids(seller.api().get(list + "?stock_below=5"))).containsExactly(a, b);
    assertThat(ids(seller.api().get(list + "?status=active&category=home&stock_below=10")))
        .containsExactly(a, b);

    ApiResponse first = seller.api().get(list + "?limit=3");
    String cursor = first.json().getString("next_cursor");
    ApiResponse second = seller.api().get(list + "?limit=3&cursor=" + cursor);
    assertThat(ids(first)).containsExactly(a, b, c);
    assertThat(ids(second)).containsExactly(d);
    assertThat(second.json().getValue("next_cursor")).isNull();
    assertThat(seller.api().get(list + "?cursor=nonsense").status()).isEqualTo(400);
    assertThat(seller.api().get(list + "?status=deleted").status()).isEqualTo(400);
    assertThat(seller.api().get(list + "?stock_below=0").status()).isEqualTo(400);
  }

  private static List<Long> ids(ApiResponse response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    JsonArray products = response.json().getJsonArray("products");
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < products.size(); i++) {
      ids.add(products.getJsonObject(i).getLong("id"));
    }
    return ids;
  }

  private static JsonObject newProduct(String name) {
    return new JsonObject()
        .put("name", name)
        .put("category", "Electronics")
        .put("price", 10)
        .put("inventory", 1);
  }
}
