package dev.marketplace.catalog.image;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * Where image bytes are kept, by key. Keys are content hashes, so a key never changes meaning and
 * identical uploads share their bytes. Every catalog node must see the same store.
 */
public interface ImageStorage {

  /** Stores the bytes under {@code key}; storing them again changes nothing. */
  Future<Void> put(String key, Buffer bytes);

  /** The bytes under {@code key}, or empty when there are none. */
  Future<Optional<Buffer>> get(String key);

  /** Forgets the bytes under {@code key} unless an image still uses them. */
  Future<Void> release(String key);
}
