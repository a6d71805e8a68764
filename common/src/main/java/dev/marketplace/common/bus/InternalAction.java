package dev.marketplace.common.bus;

/**
 * The actions a domain verticle answers besides the contract's operations. No HTTP client can call
 * these: the edge, timers, operators' tools and tests send them.
 */
public enum InternalAction implements BusAction {

  /** Every address: whether the verticle reaches its database. */
  READY("ready"),

  /** Every address: the actions it has handlers for, as {@code {"actions": [...]}}. */
  LIST_ACTIONS("listActions"),

  /** {@link BusAddress#ACCOUNTS}: forget expired sessions and stale login failures now. */
  PURGE_EXPIRED_SESSIONS("purgeExpiredSessions"),

  /** {@link BusAddress#ORDERS}: the order events of the caller between two ids. */
  ORDER_EVENTS_SINCE("orderEventsSince"),

  /** {@link BusAddress#ORDERS}: the last order event id, and who may still be writing up to it. */
  ORDER_EVENT_POSITION("orderEventPosition"),

  /** {@link BusAddress#ORDERS}: cancel unpaid orders past their hold now. */
  EXPIRE_UNPAID_ORDERS("expireUnpaidOrders"),

  /** {@link BusAddress#PAYMENTS}: settle open payments and make due refunds now. */
  RECONCILE_PAYMENTS("reconcilePayments");

  private final String id;

  InternalAction(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }
}
