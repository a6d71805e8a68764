package dev.marketplace.buyer.ui;

/**
 * A key and what it does: {@code action} in a word or two for the hint bar, {@code about} at more
 * length for the help screen.
 */
public record Hint(String key, String action, String about) {

  public static Hint of(String key, String action) {
    return new Hint(key, action, action);
  }

  public static Hint of(String key, String action, String about) {
    return new Hint(key, action, about);
  }
}
