package dev.marketplace.account;

import java.util.Locale;

/** What an account may do: buy, or sell. */
public enum Role {
  BUYER,
  SELLER;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
