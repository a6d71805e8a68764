package dev.marketplace.common.bus;

/**
 * The event-bus addresses the domain verticles serve their operations on. The contract names the
 * same addresses in each operation's {@code x-eventbus-address}; the api verticle checks at
 * start-up that every one of those operations has a handler there.
 */
public final class Addresses {

  public static final String ACCOUNTS = "accounts";
  public static final String CATALOG = "catalog";
  public static final String ORDERS = "orders";
  public static final String PAYMENTS = "payments";

  private Addresses() {}
}
