package dev.marketplace.client.model;

import java.time.Instant;

/**
 * One entry of an order's history, as the timeline lists it and the live streams send it: a status
 * change ({@code kind} {@code status}) or a shipping event ({@code shipping}).
 */
public record OrderEvent(
    long id,
    long orderId,
    long buyerId,
    long sellerId,
    OrderEventKind kind,
    OrderStatus status,
    String location,
    String notes,
    String actor,
    Instant createdAt) {}
