package dev.marketplace.buyer.ui;

import java.time.Duration;
import java.util.List;

/**
 * The line above the hints: what just happened (fades after a while) or what went wrong (stays
 * until something else is said). Remembers when it reported the server unreachable, so that the
 * first answer after that can say the server is back.
 */
final class StatusLine {

  private static final Duration INFO_LASTS = Duration.ofSeconds(8);

  private String text = "";
  private Style style = Style.NORMAL;
  private long expires = Long.MAX_VALUE;
  private boolean unreachable;

  void info(String message) {
    set(message, Style.GOOD, System.nanoTime() + INFO_LASTS.toNanos());
  }

  void error(String message) {
    set(message, Style.ERROR, Long.MAX_VALUE);
  }

  /** An error saying the server cannot be reached. */
  void unreachable(String message) {
    error(message);
    unreachable = true;
  }

  /** The server answered: says it is back if it was reported unreachable, else {@code message}. */
  void reached(String message) {
    if (unreachable) {
      info("Connected to the marketplace again.");
    } else if (message != null) {
      info(message);
    }
  }

  String text() {
    return text;
  }

  /** A message that will fade: the screen must be redrawn now and then until it has. */
  boolean fading() {
    return expires != Long.MAX_VALUE;
  }

  /** The rows the message needs at this width: one, or two for a long one. */
  List<String> lines(int width) {
    if (fading() && System.nanoTime() > expires) {
      set("", Style.NORMAL, Long.MAX_VALUE);
    }
    List<String> lines = Cells.wrap(text, width);
    if (lines.size() <= 2) {
      return lines.isEmpty() ? List.of("") : lines;
    }
    return List.of(
        lines.get(0), Cells.fit(String.join(" ", lines.subList(1, lines.size())), width));
  }

  Style style() {
    return style;
  }

  private void set(String message, Style newStyle, long newExpiry) {
    text = message == null ? "" : message;
    style = newStyle;
    expires = newExpiry;
    unreachable = false;
  }
}
