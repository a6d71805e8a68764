package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product. {@code rating} and {@code images} come with one product's detail only; lists leave
 * them null.
 */
public record Product(
    long id,
    long sellerId,
    String sellerName,
    String sku,
    String name,
    String category,
    String description,
    BigDecimal price,
    int inventory,
    @JsonProperty("is_active") boolean active,
    BigDecimal ratingAverage,
    Integer ratingCount,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Rating rating,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ProductImage> images) {}
