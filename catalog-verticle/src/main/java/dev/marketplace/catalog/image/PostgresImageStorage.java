package dev.marketplace.catalog.image;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/**
 * Keeps image bytes in the {@code image_blobs} table: every catalog node of a cluster reads the
 * same ones, backups and replicas carry them with the rest of the data, and foreign keys from
 * {@code product_images} keep an image and its bytes together under any interleaving of uploads and
 * deletions.
 *
 * <p>A store of bytes by key, not a repository: callers never choose where its statements run (an
 * object store could take its place), so unlike the repositories it holds its pool.
 */
public final class PostgresImageStorage implements ImageStorage {

  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final Pool pool;

  public PostgresImageStorage(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> put(String key, Buffer bytes) {
    return pool.preparedQuery(
            "INSERT INTO image_blobs (storage_key, content) VALUES ($1, $2)"
                + " ON CONFLICT (storage_key) DO NOTHING")
        .execute(Tuple.of(key, bytes))
        .mapEmpty();
  }

  @Override
  public Future<Optional<Buffer>> get(String key) {
    return pool.preparedQuery("SELECT content FROM image_blobs WHERE storage_key = $1")
        .execute(Tuple.of(key))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getBuffer(0)));
  }

  /**
   * Deletes the bytes if no image lists them. An upload of the same bytes that commits meanwhile is
   * not yet visible to the {@code NOT EXISTS}, but its foreign key makes this delete fail: the
   * bytes stay, as they should.
   */
  @Override
  public Future<Void> release(String key) {
    return pool.preparedQuery(
            "DELETE FROM image_blobs b WHERE b.storage_key = $1 AND NOT EXISTS"
                + " (SELECT 1 FROM product_images i"
                + " WHERE i.storage_key = $1 OR i.thumbnail_key = $1)")
        .execute(Tuple.of(key))
        .<Void>mapEmpty()
        .recover(
            failure ->
                failure instanceof PgException pg && FOREIGN_KEY_VIOLATION.equals(pg.getSqlState())
                    ? Future.succeededFuture()
                    : Future.failedFuture(failure));
  }
}
