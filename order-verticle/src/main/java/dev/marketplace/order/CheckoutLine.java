package dev.marketplace.order;

import java.math.BigDecimal;

/** A product and quantity of a checkout; its seller and price once the stock is taken. */
public record CheckoutLine(long productId, int quantity, Long sellerId, BigDecimal unitPrice) {}
