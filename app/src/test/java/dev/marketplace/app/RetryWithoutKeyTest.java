package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.openapi.contract.Operation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The writes that take no {@code Idempotency-Key} (a PUT and a DELETE are idempotent by themselves)
 * answer a retry as docs/api.md's "Retrying safely" and the contract say: a PUT sent again answers
 * 200 with the same body, a put by SKU 201 then 200 {@code unchanged}, an image deleted again 404.
 * {@link IdempotencyEverywhereTest} covers the writes that take a key.
 */
class RetryWithoutKeyTest extends ApiTest {

  @Test
  void everyWriteWithoutAKeyIsRetriedHere() {
    // Sign-ins hand out fresh credentials and a webhook is deduplicated by the gateway's event id.
    Set<String> exempt =
        Set.of("loginBuyer", "loginSeller", "refreshSession", "logout", "receivePaymentWebhook");
    Set<String> withoutKey = new TreeSet<>();
    for (Operation operation : api.contract().operations()) {
      boolean keyed =
          operation.getParameters().stream()
              .anyMatch(parameter -> parameter.getName().equals("Idempotency-Key"));
      if (operation.getHttpMethod() != HttpMethod.GET
          && !keyed
          && !exempt.contains(operation.getOperationId())) {
        withoutKey.add(operation.getOperationId());
      }
    }
    assertThat(withoutKey)
        .containsExactlyInAnyOrder("updateProduct", "upsertProductBySku", "deleteProductImage");
  }

  @Test
  void aProductPutAgainAnswers200WithTheSameBodyAndWritesNothingNew() throws Exception {
    Account seller = fixtures.seller("Retried Put Shop");
    long productId = fixtures.product(seller, "Kettle", "Home", "30.00", 5).getLong("id");
    String path = "/api/sellers/products/" + productId;
    JsonObject changes =
        new JsonObject().put("name", "Steel kettle").put("price", 27.5).put("inventory", 8);

    ApiResponse first = seller.api().put(path, changes);
    ApiResponse retry = seller.api().put(path, changes);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json()).isEqualTo(first.json());
    assertThat(first.json().getString("name")).isEqualTo("Steel kettle");
    assertThat(first.json().getInteger("inventory")).isEqualTo(8);
  }

  @Test
  void aPutBySkuAgainAnswers201Then200UnchangedWithTheSameProduct() throws Exception {
    Account seller = fixtures.seller("Retried Sku Shop");
    String path = "/api/sellers/products/by-sku/RETRY-1";
    JsonObject lamp =
        new JsonObject()
            .put("name", "Lamp")
            .put("category", "Home")
            .put("price", 24.5)
            .put("inventory", 10);

    ApiResponse first = seller.api().put(path, lamp);
    ApiResponse retry = seller.api().put(path, lamp);

    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().getString("outcome")).isEqualTo("created");
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.json().getString("outcome")).isEqualTo("unchanged");
    assertThat(retry.json().getJsonObject("product"))
        .isEqualTo(first.json().getJsonObject("product"));
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM products WHERE seller_id = "
                    + seller.id()
                    + " AND sku = 'RETRY-1'"))
        .isEqualTo(1);
  }

  @Test
  void anImageDeletedAgainIs404() throws Exception {
    Account seller = fixtures.seller("Retried Delete Gallery");
    long productId = fixtures.product(seller, "Poster", "Home", "12.00", 2).getLong("id");
    WebClient http =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(config.httpPort()));
    HttpResponse<Buffer> uploaded =
        http.post("/api/sellers/products/" + productId + "/images")
            .putHeader("Authorization", "Bearer " + seller.accessToken())
            .sendMultipartForm(
                MultipartForm.create()
                    .binaryFileUpload("file", "poster.png", Buffer.buffer(png()), "image/png"))
            .await();
    http.close();
    assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);
    String path =
        "/api/sellers/products/"
            + productId
            + "/images/"
            + uploaded.bodyAsJsonObject().getLong("id");

    ApiResponse first = seller.api().send(HttpMethod.DELETE, path, null, null);
    ApiResponse retry = seller.api().send(HttpMethod.DELETE, path, null, null);

    assertThat(first.status()).as(first.toString()).isEqualTo(204);
    assertThat(retry.status()).as(retry.toString()).isEqualTo(404);
    assertThat(retry.errorCode()).isEqualTo("not_found");
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM product_images WHERE product_id = " + productId))
        .isZero();
  }

  private static byte[] png() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }
}
