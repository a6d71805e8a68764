package dev.marketplace.client.model;

import java.math.BigDecimal;
import java.util.List;

/** The orders one checkout placed, one per seller, and what they cost together. */
public record Checkout(String checkoutId, BigDecimal totalPrice, List<Order> orders) {}
