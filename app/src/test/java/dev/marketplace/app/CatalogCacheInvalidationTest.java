package dev.marketplace.app;

import static dev.marketplace.app.Fixtures.cart;
import static dev.marketplace.app.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of change drops what the api edge's cache keeps of the product it changed, and every
 * list: the next anonymous read shows it. Each test first reads through the cache, then changes the
 * same row behind the api's back (which no invalidation reports) to prove the read was kept, and
 * only then makes the change under test through the api.
 */
class CatalogCacheInvalidationTest extends ApiTest {

  private Account seller;
  private long productId;
  private String detail;
  private String ofSeller;

  @BeforeEach
  void aCachedProduct() throws Exception {
    seller = fixtures.seller("Cache Shop");
    productId = fixtures.product(seller, "Cached Kettle", "Home", "19.99", 10).getLong("id");
    detail = "/api/buyers/products/" + productId;
    ofSeller = "/api/buyers/products?seller_id=" + seller.id();
    assertThat(api.get(detail).json().getInteger("inventory")).isEqualTo(10);
    assertThat(api.get(ofSeller).json().getJsonArray("products")).hasSize(1);
    database.execute("UPDATE products SET description = 'stale' WHERE id = " + productId);
    assertThat(api.get(detail).json().getString("description"))
        .as("served from the cache")
        .isEqualTo("Cached Kettle for tests");
    assertThat(descriptionListed())
        .as("served from the cache")
        .isEqualTo("Cached Kettle for tests");
  }

  @Test
  void aPriceChangeIsSeenByTheNextReadOfTheProductAndOfItsLists() {
    fixtures.change(seller, productId, new JsonObject().put("price", new BigDecimal("17.50")));

    assertThat(api.get(detail).json().getValue("price").toString()).isEqualTo("17.5");
    assertThat(
            api.get(ofSeller)
                .json()
                .getJsonArray("products")
                .getJsonObject(0)
                .getValue("price")
                .toString())
        .isEqualTo("17.5");
    assertThat(descriptionListed()).isEqualTo("stale");
  }

  @Test
  void aDeactivatedProductIsNotFoundAtOnceAndLeavesItsLists() {
    fixtures.change(seller, productId, new JsonObject().put("is_active", false));

    assertThat(api.get(detail).status()).isEqualTo(404);
    assertThat(api.get(ofSeller).json().getJsonArray("products")).isEmpty();

    fixtures.change(seller, productId, new JsonObject().put("is_active", true));
    assertThat(api.get(detail).status()).isEqualTo(200);
    assertThat(api.get(ofSeller).json().getJsonArray("products")).hasSize(1);
  }

  @Test
  void stockSetAddedAndRemovedIsSeenByTheNextRead() {
    fixtures.change(seller, productId, new JsonObject().put("inventory", 40));
    assertThat(inventoryShown()).isEqualTo(40);

    assertThat(adjustStock(5).status()).isEqualTo(200);
    assertThat(inventoryShown()).isEqualTo(45);

    assertThat(adjustStock(-45).status()).isEqualTo(200);
    assertThat(inventoryShown()).isZero();
    assertThat(api.get(ofSeller + "&in_stock=true").json().getJsonArray("products")).isEmpty();
  }

  @Test
  void aPutBySkuIsSeenByTheNextReadAndAnUnchangedOneChangesNothing() {
    JsonObject product =
        new JsonObject()
            .put("name", "Imported Lamp")
            .put("category", "Home")
            .put("price", new BigDecimal("30.00"))
            .put("inventory", 3);
    ApiResponse created = seller.api().put("/api/sellers/products/by-sku/LAMP-1", product);
    long lampId = created.json().getJsonObject("product").getLong("id");
    assertThat(api.get(ofSeller).json().getJsonArray("products")).hasSize(2);
    assertThat(api.get("/api/buyers/products/" + lampId).json().getInteger("inventory"))
        .isEqualTo(3);

    seller.api().put("/api/sellers/products/by-sku/LAMP-1", product.copy().put("inventory", 9));

    assertThat(api.get("/api/buyers/products/" + lampId).json().getInteger("inventory"))
        .isEqualTo(9);
  }

  @Test
  void anOrderTakesStockThatTheNextReadShowsAndACancellationGivesItBack() {
    Account buyer = fixtures.buyer("Cache Buyer");
    long orderId = fixtures.order(buyer, productId, 3).getLong("id");
    assertThat(inventoryShown()).isEqualTo(7);

    ApiResponse cancelled =
        buyer.api().post("/api/buyers/orders/" + orderId + "/cancel", new JsonObject());
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(inventoryShown()).isEqualTo(10);
  }

  @Test
  void aSellersCancellationGivesTheStockBackToo() {
    Account buyer = fixtures.buyer("Cache Buyer");
    long orderId = fixtures.order(buyer, productId, 4).getLong("id");
    assertThat(inventoryShown()).isEqualTo(6);

    fixtures.move(
        seller,
        orderId,
        new JsonObject().put("status", "cancelled").put("reason", "Out of stock after all"));

    assertThat(inventoryShown()).isEqualTo(10);
  }

  @Test
  void aCheckoutAndItsCancellationShowOnEveryProductOfTheCart() {
    long otherId = fixtures.product(seller, "Cached Mug", "Home", "5.00", 20).getLong("id");
    String otherDetail = "/api/buyers/products/" + otherId;
    assertThat(api.get(otherDetail).json().getInteger("inventory")).isEqualTo(20);
    Account buyer = fixtures.buyer("Cart Buyer");

    ApiResponse checkout =
        buyer.api().post("/api/buyers/checkout", cart(line(productId, 2), line(otherId, 5)));
    assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
    assertThat(inventoryShown()).isEqualTo(8);
    assertThat(api.get(otherDetail).json().getInteger("inventory")).isEqualTo(15);

    long orderId = checkout.json().getJsonArray("orders").getJsonObject(0).getLong("id");
    buyer.api().post("/api/buyers/orders/" + orderId + "/cancel", new JsonObject());
    assertThat(inventoryShown()).as("an order of two lines names no product").isEqualTo(10);
    assertThat(api.get(otherDetail).json().getInteger("inventory")).isEqualTo(20);
  }

  @Test
  void anUnpaidOrderThatExpiresGivesItsStockBack() {
    Account buyer = fixtures.buyer("Slow Payer");
    fixtures.order(buyer, productId, 6);
    assertThat(inventoryShown()).isEqualTo(4);

    clock.advanceBeyondNow(Duration.ofMinutes(31));
    fixtures.expireUnpaidOrders();

    assertThat(inventoryShown()).isEqualTo(10);
  }

  @Test
  void aReviewChangesTheRatingAndTheReviewsShown() {
    Account buyer = fixtures.buyer("Reviewer");
    String reviews = detail + "/reviews";
    assertThat(api.get(reviews).json().getJsonArray("reviews")).isEmpty();
    fixtures.deliver(seller, buyer, productId);
    assertThat(api.get(reviews).json().getJsonArray("reviews")).isEmpty();

    ApiResponse written = buyer.api().post(reviews, new JsonObject().put("rating", 4));
    assertThat(written.status()).isEqualTo(201);

    JsonObject rating = api.get(detail).json().getJsonObject("rating");
    assertThat(rating.getInteger("count")).isEqualTo(1);
    assertThat(rating.getJsonObject("histogram").getLong("4")).isEqualTo(1);
    assertThat(api.get(reviews).json().getJsonArray("reviews")).hasSize(1);
  }

  @Test
  void anImageAddedOrRemovedShowsInTheNextRead() throws Exception {
    WebClient http =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(config.httpPort()));
    HttpResponse<Buffer> uploaded =
        http.post("/api/sellers/products/" + productId + "/images")
            .putHeader("Authorization", "Bearer " + seller.accessToken())
            .sendMultipartForm(
                MultipartForm.create()
                    .binaryFileUpload("file", "kettle.png", Buffer.buffer(png()), "image/png"))
            .await();
    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);
    assertThat(api.get(detail).json().getJsonArray("images")).hasSize(1);

    long imageId = uploaded.bodyAsJsonObject().getLong("id");
    ApiResponse deleted =
        seller
            .api()
            .send(
                io.vertx.core.http.HttpMethod.DELETE,
                "/api/sellers/products/" + productId + "/images/" + imageId,
                null,
                null);
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get(detail).json().getJsonArray("images")).isEmpty();
  }

  private String descriptionListed() {
    return api.get(ofSeller)
        .json()
        .getJsonArray("products")
        .getJsonObject(0)
        .getString("description");
  }

  private int inventoryShown() {
    return api.get(detail).json().getInteger("inventory");
  }

  private ApiResponse adjustStock(int change) {
    return seller
        .api()
        .post(
            "/api/sellers/products/" + productId + "/stock",
            new JsonObject().put("change", change));
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(Color.BLUE);
    graphics.fillRect(0, 0, 40, 30);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
