package dev.marketplace.catalog.image;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Path;

/** Keeps images as files in one folder ({@code MARKETPLACE_IMAGE_DIR}). */
public final class FileSystemImageStorage implements ImageStorage {

  private final Vertx vertx;
  private final Path folder;

  public FileSystemImageStorage(Vertx vertx, Path folder) {
    this.vertx = vertx;
    this.folder = folder;
  }

  @Override
  public Future<Void> put(String key, Buffer bytes) {
    return vertx
        .fileSystem()
        .mkdirs(folder.toString())
        .compose(created -> vertx.fileSystem().writeFile(path(key), bytes));
  }

  @Override
  public Future<Buffer> get(String key) {
    return vertx.fileSystem().readFile(path(key));
  }

  @Override
  public Future<Void> delete(String key) {
    String path = path(key);
    return vertx
        .fileSystem()
        .exists(path)
        .compose(exists -> exists ? vertx.fileSystem().delete(path) : Future.succeededFuture());
  }

  private String path(String key) {
    if (!key.matches("[a-z0-9.\\-]+")) {
      throw new IllegalArgumentException("Not an image key: " + key);
    }
    return folder.resolve(key).toString();
  }
}
