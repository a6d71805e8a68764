package dev.marketplace.common.bus;

/** Event-bus addresses on which verticles tell each other about changes. */
public final class Topics {

  /** Every new order history event (status change or shipping event), as its JSON. */
  public static final String ORDER_EVENTS = "orders.events";

  /** The id of an order whose refund became due; sent to one payment verticle, not published. */
  public static final String REFUNDS_DUE = "payments.refunds-due";

  /**
   * Published on this node alone whenever the cluster's membership changes (a member joined, left,
   * was dropped, or two halves merged): events published meanwhile may not have reached this node,
   * so its live order streams end and their clients resume from the order history.
   */
  public static final String MEMBERSHIP_CHANGED = "cluster.membership-changed";

  private Topics() {}
}
