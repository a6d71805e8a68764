package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ?}: every key of the view below, and the keys that work everywhere. Long explanations wrap
 * under their key, and on a short terminal the list scrolls, so that nothing is cut off.
 */
final class HelpView implements View {

  private final View below;
  private int offset;
  private int visibleRows = 1;
  private int lineCount;

  HelpView(View below) {
    this.below = below;
  }

  @Override
  public String title() {
    return below.title() + " › help";
  }

  @Override
  public List<Hint> hints() {
    return List.of(Hint.of("↑/↓", "scroll"), Hint.of("Esc", "close"));
  }

  @Override
  public boolean dialog() {
    return true;
  }

  @Override
  public void draw(Canvas canvas) {
    List<Hint> keys = new ArrayList<>(below.hints());
    keys.add(Hint.of("?", "this help"));
    keys.add(Hint.of("q / Esc", "back (q on the catalog quits)"));
    keys.add(Hint.of("Ctrl-C", "quit from anywhere"));
    int keyWidth = keys.stream().mapToInt(hint -> hint.key().length()).max().orElse(4) + 2;
    int textWidth = Math.max(10, Math.min(64, canvas.width()) - 4 - keyWidth);
    List<String[]> lines = new ArrayList<>();
    for (Hint hint : keys) {
      List<String> about = Cells.wrap(hint.about(), textWidth);
      for (int i = 0; i < about.size(); i++) {
        lines.add(new String[] {i == 0 ? hint.key() : "", about.get(i)});
      }
    }
    lineCount = lines.size();
    Canvas inside = canvas.dialog(64, lines.size() + 4, "Keys: " + below.title());
    visibleRows = Math.max(1, inside.height() - 2);
    offset = Math.max(0, Math.min(offset, lines.size() - visibleRows));
    for (int row = 0; row < visibleRows && offset + row < lines.size(); row++) {
      String[] line = lines.get(offset + row);
      inside.text(0, row, line[0], Style.KEY);
      inside.text(keyWidth, row, line[1], Style.NORMAL);
    }
    boolean more = lines.size() > visibleRows;
    inside.text(
        0,
        inside.height() - 1,
        more
            ? "↑/↓ scroll ("
                + (offset + 1)
                + "–"
                + Math.min(lines.size(), offset + visibleRows)
                + " of "
                + lines.size()
                + "); q, Esc or ? closes."
            : "Any of q, Esc or ? closes this help.",
        Style.DIM);
  }

  @Override
  public boolean onKey(KeyStroke key) {
    int step =
        switch (key.getKeyType()) {
          case ArrowDown -> 1;
          case ArrowUp -> -1;
          case PageDown -> visibleRows;
          case PageUp -> -visibleRows;
          default -> 0;
        };
    if (step == 0) {
      return false;
    }
    offset = Math.max(0, Math.min(offset + step, lineCount - visibleRows));
    return true;
  }
}
