package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.List;

/**
 * One screen (or a dialog over one) of the TUI. Every method runs on the GUI thread; a view asks
 * {@link Tui} to run network calls in the background and gets their results back on this thread.
 */
public interface View {

  /** Shown in the header. */
  String title();

  /** Its keys, for the hint bar (as many as fit) and the help screen (all). */
  List<Hint> hints();

  /** Draws the view into the body of the screen. */
  void draw(Canvas canvas);

  /**
   * A key pressed while this view is on top; true when the view used it. Keys it leaves are the
   * global ones: {@code ?} help, {@code q}/Esc back.
   */
  default boolean onKey(KeyStroke key) {
    return false;
  }

  /** It has just been opened, and is shown next: where a view starts loading what it shows. */
  default void opened() {}

  /** It is on top: for the first time, or again after what was above it closed. */
  default void shown() {}

  /** A dialog: drawn over the view below it rather than instead of it. */
  default boolean dialog() {
    return false;
  }

  /** Takes every printable key as text (so {@code q} and {@code ?} are letters, not commands). */
  default boolean editing() {
    return false;
  }
}
