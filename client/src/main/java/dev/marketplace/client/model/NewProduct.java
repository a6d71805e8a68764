package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A product a seller lists; {@code description} and {@code active} may be null. */
public record NewProduct(
    String name,
    String category,
    String description,
    BigDecimal price,
    int inventory,
    @JsonProperty("is_active") Boolean active) {}
