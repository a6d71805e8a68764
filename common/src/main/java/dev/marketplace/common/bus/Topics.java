package dev.marketplace.common.bus;

/** Event-bus addresses on which verticles tell each other about changes. */
public final class Topics {

  /** Every new order history event (status change or shipping event), as its JSON. */
  public static final String ORDER_EVENTS = "orders.events";

  /** The id of an order whose refund became due; sent to one payment verticle, not published. */
  public static final String REFUNDS_DUE = "payments.refunds-due";

  private Topics() {}
}
