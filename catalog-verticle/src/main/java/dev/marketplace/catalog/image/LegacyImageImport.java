package dev.marketplace.catalog.image;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Earlier versions kept image bytes as files in {@code MARKETPLACE_IMAGE_DIR}. Before a catalog
 * node serves, this copies every file an image still lists and the database lacks into {@code
 * image_blobs}, so that the images stay visible from every node. Several nodes doing it at once
 * only repeat each other ({@code ON CONFLICT DO NOTHING}); a node without the files finds nothing
 * to do; once everything is in the database it costs one query.
 */
public final class LegacyImageImport {

  private static final Logger LOG = LoggerFactory.getLogger(LegacyImageImport.class);

  private LegacyImageImport() {}

  /** Imports what it can through {@code pool}; completes with how many files were copied. */
  public static Future<Integer> run(Vertx vertx, Pool pool, Path folder) {
    PostgresImageStorage storage = new PostgresImageStorage(pool);
    return pool.query(
            "SELECT k FROM (SELECT storage_key AS k FROM product_images"
                + " UNION SELECT thumbnail_key FROM product_images) listed"
                + " WHERE NOT EXISTS (SELECT 1 FROM image_blobs b WHERE b.storage_key = k)")
        .execute()
        .compose(
            rows -> {
              List<String> missing = new ArrayList<>(rows.size());
              rows.forEach(row -> missing.add(row.getString(0)));
              return importEach(vertx, storage, folder, missing, 0, 0)
                  .onSuccess(copied -> report(folder, missing.size(), copied));
            });
  }

  private static Future<Integer> importEach(
      Vertx vertx, ImageStorage storage, Path folder, List<String> keys, int index, int copied) {
    if (index == keys.size()) {
      return Future.succeededFuture(copied);
    }
    String key = keys.get(index);
    if (!key.matches("[a-z0-9.\\-]+")) {
      return importEach(vertx, storage, folder, keys, index + 1, copied);
    }
    String file = folder.resolve(key).toString();
    return vertx
        .fileSystem()
        .exists(file)
        .compose(
            exists ->
                exists
                    ? vertx
                        .fileSystem()
                        .readFile(file)
                        .compose(bytes -> storage.put(key, bytes))
                        .map(true)
                    : Future.succeededFuture(false))
        .compose(
            imported ->
                importEach(
                    vertx, storage, folder, keys, index + 1, imported ? copied + 1 : copied));
  }

  private static void report(Path folder, int missing, int copied) {
    if (copied > 0) {
      LOG.info(
          "Copied {} image files from {} into the database; the folder is no longer read",
          copied,
          folder.toAbsolutePath());
    }
    if (copied < missing) {
      LOG.warn(
          "{} stored images are neither in the database nor in {}: they answer 404 until"
              + " copied there and the node restarted",
          missing - copied,
          folder.toAbsolutePath());
    }
  }
}
