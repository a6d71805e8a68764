package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.TerminalTextUtils;
import java.util.ArrayList;
import java.util.List;

/** The bottom row: the top view's keys, as many as fit, then help and back (or quit). */
final class HintBar {

  private HintBar() {}

  static void draw(Canvas bar, View top, boolean canGoBack) {
    List<Hint> hints = new ArrayList<>(top.hints());
    List<Hint> always = new ArrayList<>();
    if (!top.editing()) {
      always.add(Hint.of("?", "help"));
      always.add(Hint.of("q", canGoBack ? "back" : "quit"));
    }
    // The view's hints come in order of importance: the last ones give way when space is short.
    while (!hints.isEmpty() && width(hints) + width(always) - 2 > bar.width() - 1) {
      hints.remove(hints.size() - 1);
    }
    hints.addAll(always);
    int column = 1;
    for (Hint hint : hints) {
      if (column > 1) {
        column += bar.text(column, 0, "  ", Style.DIM);
      }
      column += bar.text(column, 0, hint.key(), Style.KEY);
      column += bar.text(column, 0, " " + hint.action(), Style.DIM);
    }
  }

  /** Columns the hints take: each key, a space, its action; two spaces between hints. */
  private static int width(List<Hint> hints) {
    int width = 0;
    for (Hint hint : hints) {
      width +=
          TerminalTextUtils.getColumnWidth(hint.key())
              + 1
              + TerminalTextUtils.getColumnWidth(hint.action())
              + 2;
    }
    return width;
  }
}
