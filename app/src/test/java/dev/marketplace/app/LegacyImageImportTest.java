package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.catalog.image.LegacyImageImport;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.PoolSettings;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A database that earlier versions used: images listed in {@code product_images}, their bytes in
 * files of {@code MARKETPLACE_IMAGE_DIR}. A catalog node starting copies them into the database.
 */
class LegacyImageImportTest extends ApiTest {

  @Test
  void imagesKeptAsFilesByEarlierVersionsMoveIntoTheDatabase() throws Exception {
    Account seller = fixtures.seller("Old Photo Shop");
    long productId = fixtures.product(seller, "Vintage Radio", "Home", "60.00", 1).getLong("id");
    Path folder = Files.createTempDirectory("legacy-images");
    Files.write(folder.resolve("aaaa.original"), new byte[] {1, 2, 3});
    Files.write(folder.resolve("aaaa.thumbnail.jpg"), new byte[] {4, 5});
    // As V24 found it: rows whose bytes are files, and one whose file has since gone.
    database.execute("ALTER TABLE product_images DROP CONSTRAINT product_images_storage_key_fkey");
    database.execute(
        "ALTER TABLE product_images DROP CONSTRAINT product_images_thumbnail_key_fkey");
    long kept = legacyImage(productId, "aaaa");
    long lost = legacyImage(productId, "bbbb");
    database.execute(
        "ALTER TABLE product_images ADD CONSTRAINT product_images_storage_key_fkey FOREIGN KEY"
            + " (storage_key) REFERENCES image_blobs (storage_key) NOT VALID,"
            + " ADD CONSTRAINT product_images_thumbnail_key_fkey FOREIGN KEY (thumbnail_key)"
            + " REFERENCES image_blobs (storage_key) NOT VALID");

    int copied = importFrom(folder);
    int again = importFrom(folder);

    assertThat(copied).isEqualTo(2);
    assertThat(again).as("a second node, or a restart, finds nothing to do").isZero();
    WebClient http =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(config.httpPort()));
    HttpResponse<Buffer> original = http.get("/api/images/" + kept).send().await();
    assertThat(original.statusCode()).isEqualTo(200);
    assertThat(original.bodyAsBuffer().getBytes()).containsExactly(1, 2, 3);
    assertThat(
            http.get("/api/images/" + kept + "/thumbnail").send().await().bodyAsBuffer().getBytes())
        .containsExactly(4, 5);
    HttpResponse<Buffer> gone = http.get("/api/images/" + lost).send().await();
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(gone.bodyAsJsonObject().getString("message"))
        .isEqualTo("Image " + lost + " is no longer available.");
  }

  private static int importFrom(Path folder) {
    Pool pool =
        DatabasePool.shared(vertx, new PoolSettings(database.settings(), 2, Duration.ofSeconds(2)));
    try {
      return LegacyImageImport.run(vertx, pool, folder).await();
    } finally {
      pool.close().await();
    }
  }

  private static long legacyImage(long productId, String hash) throws Exception {
    database.execute(
        "INSERT INTO product_images (product_id, position, content_type, width, height,"
            + " byte_size, sha256, storage_key, thumbnail_key) VALUES ("
            + productId
            + ", 1, 'image/png', 1, 1, 3, '"
            + hash.repeat(16)
            + "', '"
            + hash
            + ".original', '"
            + hash
            + ".thumbnail.jpg')");
    return database.queryLong(
        "SELECT id FROM product_images WHERE storage_key = '" + hash + ".original'");
  }
}
