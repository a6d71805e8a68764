package dev.marketplace.client.model;

import java.time.Instant;

/** A buyer's rating (1 to 5 stars) and comment on a product. */
public record Review(
    long id,
    long productId,
    long buyerId,
    String buyerName,
    int rating,
    String comment,
    Instant createdAt,
    Instant updatedAt) {}
