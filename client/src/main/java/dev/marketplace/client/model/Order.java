package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order. {@code productId}, {@code productName}, {@code quantity} and {@code unitPrice} are set
 * for an order of one line only; {@code items} comes with checkouts and an order's detail, {@code
 * timeline} with the detail only, {@code sellerName} in a buyer's list of orders only (null
 * otherwise).
 */
public record Order(
    long id,
    long buyerId,
    String buyerName,
    long sellerId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String sellerName,
    Long productId,
    String productName,
    Integer quantity,
    BigDecimal unitPrice,
    BigDecimal totalPrice,
    String checkoutId,
    OrderStatus status,
    PaymentStatus paymentStatus,
    boolean paid,
    String paymentFailure,
    Instant paidAt,
    String carrier,
    String trackingNumber,
    String cancelReason,
    Instant createdAt,
    Instant updatedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<OrderItem> items,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<OrderEvent> timeline) {}
