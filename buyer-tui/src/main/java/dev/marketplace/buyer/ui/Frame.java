package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.TerminalTextUtils;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/**
 * One frame of the screen, drawn from the state the {@link Tui} keeps: the header (where the user
 * is, a spinner while calls are out, what the app puts on its right), the view on top with the
 * dialogs over it, the status line and the hint bar.
 */
final class Frame {

  private static final String SPINNER = "|/-\\";

  private final Deque<View> stack;
  private final StatusLine status;
  private final Calls calls;
  private Supplier<String> headerRight = () -> "";

  /**
   * @param stack the open views, the top one first
   */
  Frame(Deque<View> stack, StatusLine status, Calls calls) {
    this.stack = stack;
    this.status = status;
    this.calls = calls;
  }

  void headerRight(Supplier<String> text) {
    this.headerRight = text;
  }

  void draw(Canvas whole) {
    int width = whole.width();
    int height = whole.height();
    List<View> shown = new ArrayList<>();
    for (View view : stack) {
      shown.add(0, view);
      if (!view.dialog()) {
        break;
      }
    }
    String spinner =
        calls.inFlight() > 0
            ? SPINNER.charAt((int) (System.nanoTime() / 150_000_000L % 4)) + " loading…  "
            : "";
    String right = spinner + headerRight.get() + " ";
    whole.row(0, " Marketplace › " + shown.get(0).title(), Style.HEADER);
    whole.text(
        Math.max(0, width - TerminalTextUtils.getColumnWidth(right)), 0, right, Style.HEADER);
    // A long message takes a second row from the body rather than being cut.
    List<String> message = status.lines(width - 2);
    Canvas body = whole.area(0, 1, width, height - 2 - message.size());
    for (View view : shown) {
      view.draw(body);
    }
    for (int row = 0; row < message.size(); row++) {
      whole.text(1, height - 1 - message.size() + row, message.get(row), status.style());
    }
    HintBar.draw(whole.area(0, height - 1, width, 1), stack.peek(), stack.size() > 1);
  }
}
