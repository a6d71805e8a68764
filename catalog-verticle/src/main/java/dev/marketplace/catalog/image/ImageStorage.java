package dev.marketplace.catalog.image;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

/** Where image bytes are kept, by key. Keys are content hashes, so a key never changes meaning. */
public interface ImageStorage {

  Future<Void> put(String key, Buffer bytes);

  Future<Buffer> get(String key);

  Future<Void> delete(String key);
}
