package dev.marketplace.common.bus;

/** Event-bus addresses on which verticles publish notifications for whoever listens. */
public final class Topics {

  /** Every new order history event (status change or shipping event), as its JSON. */
  public static final String ORDER_EVENTS = "orders.events";

  private Topics() {}
}
