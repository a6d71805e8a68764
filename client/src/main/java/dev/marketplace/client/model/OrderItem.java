package dev.marketplace.client.model;

import java.math.BigDecimal;

/** One line of an order. */
public record OrderItem(
    long productId, String productName, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}
