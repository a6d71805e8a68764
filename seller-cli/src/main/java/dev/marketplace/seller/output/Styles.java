package dev.marketplace.seller.output;

/** ANSI colours and emphasis, or plain text when colour is off (not a terminal, or NO_COLOR). */
public final class Styles {

  /** What a piece of text means, which decides how it looks. */
  public enum Style {
    PLAIN(""),
    HEADER("\u001b[1m"),
    GOOD("\u001b[32m"),
    WARNING("\u001b[33m"),
    BAD("\u001b[31m"),
    QUIET("\u001b[2m"),
    ACCENT("\u001b[36m");

    private final String code;

    Style(String code) {
      this.code = code;
    }
  }

  private final boolean enabled;

  public Styles(boolean enabled) {
    this.enabled = enabled;
  }

  public String apply(Style style, String text) {
    if (!enabled || style == Style.PLAIN || text.isEmpty()) {
      return text;
    }
    return style.code + text + "\u001b[0m";
  }
}
