package dev.marketplace.common.config;

import dev.marketplace.common.bus.BusAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The verticles a process can run, by the names {@code MARKETPLACE_VERTICLES} uses. */
public enum VerticleKind {
  API(false, null),
  ACCOUNT(true, BusAddress.ACCOUNTS),
  CATALOG(true, BusAddress.CATALOG),
  ORDER(true, BusAddress.ORDERS),
  PAYMENT(true, BusAddress.PAYMENTS),
  /** The sandbox card gateway: a stand-in for a real processor, with its ledger in memory. */
  SANDBOX(false, null);

  private final boolean usesDatabase;
  private final BusAddress address;

  VerticleKind(boolean usesDatabase, BusAddress address) {
    this.usesDatabase = usesDatabase;
    this.address = address;
  }

  public boolean usesDatabase() {
    return usesDatabase;
  }

  /** The event-bus address a domain verticle serves the contract's operations on. */
  public Optional<BusAddress> address() {
    return Optional.ofNullable(address);
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static VerticleKind named(String name) {
    for (VerticleKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "MARKETPLACE_VERTICLES names '" + name + "'; the verticles are " + allNames());
  }

  static String allNames() {
    return Arrays.stream(values()).map(VerticleKind::wireName).collect(Collectors.joining(", "));
  }
}
