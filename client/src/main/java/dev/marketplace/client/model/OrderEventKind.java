package dev.marketplace.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an order event is: a status change or a shipping event; {@link #UNKNOWN} if newer. */
public enum OrderEventKind {
  STATUS,
  SHIPPING,
  UNKNOWN;

  @JsonValue
  public String wireName() {
    return WireNames.of(this);
  }

  @JsonCreator
  public static OrderEventKind of(String value) {
    return WireNames.parse(OrderEventKind.class, value, UNKNOWN);
  }
}
