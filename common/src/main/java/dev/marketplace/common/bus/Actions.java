package dev.marketplace.common.bus;

/**
 * The actions a domain verticle answers besides the contract's operations, whose actions are their
 * {@code operationId}s. No HTTP client can call these: the edge, timers and tests send them.
 */
public final class Actions {

  /** Every address: whether the verticle reaches its database. */
  public static final String READY = "ready";

  /** Every address: the actions it has handlers for, as {@code {"actions": [...]}}. */
  public static final String LIST_ACTIONS = "listActions";

  /** {@link Addresses#ACCOUNTS}: forget expired sessions and stale login failures now. */
  public static final String PURGE_EXPIRED_SESSIONS = "purgeExpiredSessions";

  /** {@link Addresses#ORDERS}: the order events a live stream missed. */
  public static final String ORDER_EVENTS_SINCE = "orderEventsSince";

  /** {@link Addresses#ORDERS}: cancel unpaid orders past their hold now. */
  public static final String EXPIRE_UNPAID_ORDERS = "expireUnpaidOrders";

  /** {@link Addresses#PAYMENTS}: settle open payments and make due refunds now. */
  public static final String RECONCILE_PAYMENTS = "reconcilePayments";

  private Actions() {}
}
