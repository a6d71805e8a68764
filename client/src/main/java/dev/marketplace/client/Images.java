package dev.marketplace.client;

import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Multipart;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.ProductImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Product images: sellers add and remove them; anyone downloads them. */
public final class Images {

  private final Transport transport;

  Images(Transport transport) {
    this.transport = transport;
  }

  /**
   * Adds a JPEG, PNG or WebP (checked by the server by its content) after the product's other
   * images.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public ProductImage add(long productId, Path file) {
    Multipart form;
    try {
      form = Multipart.ofFile("file", file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return transport.send(
        Call.post("/api/sellers/products/" + productId + "/images").multipart(form).authenticated(),
        ProductImage.class);
  }

  public void remove(long productId, long imageId) {
    transport.send(
        Call.delete("/api/sellers/products/" + productId + "/images/" + imageId).authenticated());
  }

  /** The bytes at an image's {@code url} or {@code thumbnailUrl}. */
  public byte[] download(String path) {
    return transport.send(Call.get(path)).body();
  }
}
