package dev.marketplace.client.auth;

import java.util.Locale;

/** Who a client acts as; sessions are kept per server and role. */
public enum Role {
  BUYER,
  SELLER;

  /** As the API and the credentials file spell it: {@code buyer}, {@code seller}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The path segment of the role's operations: {@code buyers}, {@code sellers}. */
  public String pathSegment() {
    return wireName() + "s";
  }

  public static Role of(String wireName) {
    return valueOf(wireName.toUpperCase(Locale.ROOT));
  }
}
