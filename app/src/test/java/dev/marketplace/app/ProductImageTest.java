package dev.marketplace.app;

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
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Image uploads checked by content, thumbnails, caching, ordering and deletion. */
class ProductImageTest extends ApiTest {

  /** A 1x1 lossless WebP. */
  private static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  private static WebClient http;

  @BeforeAll
  static void client() {
    http =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(config.httpPort()));
  }

  @Test
  void acceptsRealImagesInOrderWithThumbnails() throws Exception {
    Account seller = fixtures.seller("Photo Shop");
    long productId = fixtures.product(seller, "Camera", "Electronics", "300.00", 2).getLong("id");

    HttpResponse<Buffer> png = upload(seller, productId, image("png", 1200, 800), "photo.png");
    HttpResponse<Buffer> jpeg = upload(seller, productId, image("jpeg", 640, 480), "photo.jpg");
    HttpResponse<Buffer> webp = upload(seller, productId, WEBP, "photo.webp");

    assertThat(png.statusCode()).as(png.bodyAsString()).isEqualTo(201);
    assertThat(jpeg.statusCode()).isEqualTo(201);
    assertThat(webp.statusCode()).as(webp.bodyAsString()).isEqualTo(201);
    JsonObject first = png.bodyAsJsonObject();
    assertThat(first.getString("content_type")).isEqualTo("image/png");
    assertThat(first.getInteger("width")).isEqualTo(1200);
    assertThat(webp.bodyAsJsonObject().getString("content_type")).isEqualTo("image/webp");

    JsonObject detail = api.get("/api/buyers/products/" + productId).json();
    assertThat(detail.getJsonArray("images")).hasSize(3);
    assertThat(detail.getJsonArray("images").getJsonObject(0).getLong("id"))
        .isEqualTo(first.getLong("id"));

    HttpResponse<Buffer> thumbnail = http.get(first.getString("thumbnail_url")).send().await();
    assertThat(thumbnail.statusCode()).isEqualTo(200);
    assertThat(thumbnail.getHeader("content-type")).isEqualTo("image/jpeg");
    BufferedImage small =
        ImageIO.read(new java.io.ByteArrayInputStream(thumbnail.body().getBytes()));
    assertThat(small.getWidth()).isEqualTo(320);
    assertThat(small.getHeight()).isEqualTo(213);
  }

  @Test
  void servesImagesWithAnETagAndLongCaching() throws Exception {
    Account seller = fixtures.seller("Cache Shop");
    long productId = fixtures.product(seller, "Vase", "Home", "20.00", 2).getLong("id");
    byte[] bytes = image("png", 50, 50);
    String url = upload(seller, productId, bytes, "vase.png").bodyAsJsonObject().getString("url");

    HttpResponse<Buffer> first = http.get(url).send().await();
    HttpResponse<Buffer> again =
        http.get(url).putHeader("If-None-Match", first.getHeader("etag")).send().await();

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body().getBytes()).isEqualTo(bytes);
    assertThat(first.getHeader("content-type")).isEqualTo("image/png");
    assertThat(first.getHeader("cache-control")).contains("max-age=31536000", "immutable");
    assertThat(first.getHeader("etag")).isNotBlank();
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(http.get("/api/images/987654321").send().await().statusCode()).isEqualTo(404);
  }

  @Test
  void refusesForgedAndOversizedFiles() throws Exception {
    Account seller = fixtures.seller("Strict Photo Shop");
    long productId = fixtures.product(seller, "Frame", "Home", "9.00", 2).getLong("id");
    byte[] pngHeaderThenGarbage = new byte[2000];
    System.arraycopy(
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
        0,
        pngHeaderThenGarbage,
        0,
        8);

    HttpResponse<Buffer> text = upload(seller, productId, "just text".getBytes(), "photo.jpg");
    HttpResponse<Buffer> forged = upload(seller, productId, pngHeaderThenGarbage, "photo.png");
    HttpResponse<Buffer> gif = upload(seller, productId, image("gif", 10, 10), "photo.gif");
    HttpResponse<Buffer> huge =
        upload(seller, productId, new byte[5 * 1024 * 1024 + 10], "big.png");
    HttpResponse<Buffer> giant = upload(seller, productId, image("png", 9000, 10), "wide.png");

    for (HttpResponse<Buffer> refused : java.util.List.of(text, forged, gif)) {
      assertThat(refused.statusCode()).isEqualTo(415);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("unsupported_media_type");
    }
    assertThat(huge.statusCode()).isEqualTo(413);
    assertThat(huge.bodyAsJsonObject().getString("error")).isEqualTo("payload_too_large");
    assertThat(giant.statusCode()).isEqualTo(413);
    assertThat(api.get("/api/buyers/products/" + productId).json().getJsonArray("images"))
        .isEmpty();
  }

  @Test
  void onlyTheOwningSellerAddsOrRemovesImages() throws Exception {
    Account seller = fixtures.seller("Owner Photo Shop");
    Account other = fixtures.seller("Other Photo Shop");
    Account buyer = fixtures.buyer("Photo Buyer");
    long productId = fixtures.product(seller, "Poster", "Home", "5.00", 2).getLong("id");
    byte[] bytes = image("png", 20, 20);

    assertThat(upload(other, productId, bytes, "p.png").statusCode()).isEqualTo(403);
    assertThat(upload(buyer, productId, bytes, "p.png").statusCode()).isEqualTo(403);
    assertThat(upload(null, productId, bytes, "p.png").statusCode()).isEqualTo(401);
    assertThat(upload(seller, 987654321, bytes, "p.png").statusCode()).isEqualTo(404);
    long imageId = upload(seller, productId, bytes, "p.png").bodyAsJsonObject().getLong("id");
    String path = "/api/sellers/products/" + productId + "/images/" + imageId;

    assertThat(other.api().send(io.vertx.core.http.HttpMethod.DELETE, path, null, null).status())
        .isEqualTo(404);
    assertThat(seller.api().send(io.vertx.core.http.HttpMethod.DELETE, path, null, null).status())
        .isEqualTo(204);
    assertThat(http.get("/api/images/" + imageId).send().await().statusCode()).isEqualTo(404);
    assertThat(seller.api().send(io.vertx.core.http.HttpMethod.DELETE, path, null, null).status())
        .isEqualTo(404);
  }

  @Test
  void identicalImagesShareTheirBytesInTheDatabaseUntilTheLastOneGoes() throws Exception {
    Account seller = fixtures.seller("Twin Photo Shop");
    long first = fixtures.product(seller, "Left Boot", "Clothing", "40.00", 2).getLong("id");
    long second = fixtures.product(seller, "Right Boot", "Clothing", "40.00", 2).getLong("id");
    byte[] bytes = image("png", 31, 17);
    long a = upload(seller, first, bytes, "boot.png").bodyAsJsonObject().getLong("id");
    long b = upload(seller, second, bytes, "boot.png").bodyAsJsonObject().getLong("id");
    String original =
        database.queryString("SELECT storage_key FROM product_images WHERE id = " + a);
    String thumbnail =
        database.queryString("SELECT thumbnail_key FROM product_images WHERE id = " + a);
    String blobs =
        "SELECT count(*) FROM image_blobs WHERE storage_key IN ('"
            + original
            + "', '"
            + thumbnail
            + "')";
    assertThat(database.queryLong(blobs)).as("one original and one thumbnail").isEqualTo(2);

    assertThat(delete(seller, first, a)).isEqualTo(204);
    assertThat(http.get("/api/images/" + b).send().await().bodyAsBuffer().getBytes())
        .isEqualTo(bytes);
    assertThat(database.queryLong(blobs)).isEqualTo(2);

    assertThat(delete(seller, second, b)).isEqualTo(204);
    assertThat(database.queryLong(blobs)).as("nothing lists them any more").isZero();
  }

  @Test
  void aDeletionRacingAnUploadOfTheSameBytesNeverLeavesAnImageWithout() throws Exception {
    Account seller = fixtures.seller("Racing Photo Shop");
    long first = fixtures.product(seller, "Red Scarf", "Clothing", "15.00", 2).getLong("id");
    long second = fixtures.product(seller, "Blue Scarf", "Clothing", "15.00", 2).getLong("id");
    for (int round = 0; round < 8; round++) {
      byte[] bytes = image("png", 10 + round, 10);
      long doomed = upload(seller, first, bytes, "scarf.png").bodyAsJsonObject().getLong("id");

      var deletion =
          seller
              .api()
              .sendAsync(
                  io.vertx.core.http.HttpMethod.DELETE,
                  "/api/sellers/products/" + first + "/images/" + doomed,
                  new JsonObject());
      HttpResponse<Buffer> uploaded = upload(seller, second, bytes, "scarf.png");

      assertThat(deletion.await().statusCode()).isEqualTo(204);
      assertThat(uploaded.statusCode()).as(uploaded.bodyAsString()).isEqualTo(201);
      HttpResponse<Buffer> served =
          http.get("/api/images/" + uploaded.bodyAsJsonObject().getLong("id")).send().await();
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.bodyAsBuffer().getBytes()).isEqualTo(bytes);
    }
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM product_images i WHERE NOT EXISTS (SELECT 1 FROM image_blobs"
                    + " b WHERE b.storage_key = i.storage_key)"
                    + " OR NOT EXISTS (SELECT 1 FROM image_blobs b"
                    + " WHERE b.storage_key = i.thumbnail_key)"))
        .isZero();
  }

  @Test
  void aFormWithoutTheFileIsABadRequest() {
    Account seller = fixtures.seller("Empty Form Shop");
    long productId = fixtures.product(seller, "Nothing", "Home", "5.00", 2).getLong("id");

    HttpResponse<Buffer> response =
        http.post("/api/sellers/products/" + productId + "/images")
            .putHeader("Authorization", "Bearer " + seller.accessToken())
            .sendMultipartForm(MultipartForm.create().attribute("note", "no file"))
            .await();

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("message"))
        .isEqualTo("the form needs a file in the field 'file'");
    assertThat(response.bodyAsJsonObject().getJsonArray("fields"))
        .containsExactly(
            new JsonObject()
                .put("field", "file")
                .put("message", "the form needs a file in the field 'file'"));
  }

  @Test
  void aMultipartBodyWithoutItsBoundarySaysSoOfTheBody() {
    Account seller = fixtures.seller("Broken Form Shop");
    long productId = fixtures.product(seller, "Frame", "Home", "5.00", 2).getLong("id");
    String path = "/api/sellers/products/" + productId + "/images";

    HttpResponse<Buffer> refused = sendRaw(seller, path, "multipart/form-data", "x");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("message"))
        .startsWith("the body is not a complete multipart form");
    assertThat(
            refused.bodyAsJsonObject().getJsonArray("fields").getJsonObject(0).getString("field"))
        .isEqualTo("body");
  }

  private static HttpResponse<Buffer> sendRaw(
      Account seller, String path, String contentType, String body) {
    return http.post(path)
        .putHeader("Authorization", "Bearer " + seller.accessToken())
        .putHeader("Content-Type", contentType)
        .sendBuffer(Buffer.buffer(body))
        .await();
  }

  private static int delete(Account seller, long productId, long imageId) {
    return seller
        .api()
        .send(
            io.vertx.core.http.HttpMethod.DELETE,
            "/api/sellers/products/" + productId + "/images/" + imageId,
            null,
            null)
        .status();
  }

  private static HttpResponse<Buffer> upload(
      Account seller, long productId, byte[] bytes, String name) {
    var request = http.post("/api/sellers/products/" + productId + "/images");
    if (seller != null) {
      request.putHeader("Authorization", "Bearer " + seller.accessToken());
    }
    return request
        .sendMultipartForm(
            MultipartForm.create()
                .binaryFileUpload("file", name, Buffer.buffer(bytes), "application/octet-stream"))
        .await();
  }

  private static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(Color.ORANGE);
    graphics.fillRect(0, 0, width, height);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
