package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;

/**
 * Where an order stands. {@link #UNKNOWN} stands for a status a newer server sends that this client
 * does not know yet; it is never sent.
 */
public enum OrderStatus {
  PENDING,
  PROCESSING,
  SHIPPED,
  DELIVERED,
  COMPLETED,
  CANCELLED,
  UNKNOWN;

  /** The statuses this client knows, in the order an order goes through them. */
  public static List<OrderStatus> known() {
    return Arrays.stream(values()).filter(status -> status != UNKNOWN).toList();
  }

  /** The status as the API spells it, e.g. {@code shipped}. */
  @JsonValue
  public String wireName() {
    return WireNames.of(this);
  }

  /** Reads {@code shipped}, {@code SHIPPED} or {@code Shipped}; anything else is UNKNOWN. */
  @JsonCreator
  public static OrderStatus of(String value) {
    return WireNames.parse(OrderStatus.class, value, UNKNOWN);
  }
}
