package dev.marketplace.client.model;

/** An image of a product; {@code url} and {@code thumbnailUrl} are paths on the server. */
public record ProductImage(
    long id,
    long productId,
    int position,
    String contentType,
    int width,
    int height,
    String url,
    String thumbnailUrl) {}
