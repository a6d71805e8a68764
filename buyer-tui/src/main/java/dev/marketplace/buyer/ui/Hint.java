package dev.marketplace.buyer.ui;

/** A key and what it does, for the hint bar and the help screen. */
public record Hint(String key, String action) {

  public static Hint of(String key, String action) {
    return new Hint(key, action);
  }
}
