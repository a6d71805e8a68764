package dev.marketplace.buyer.ui;

import java.util.ArrayList;
import java.util.List;

/** {@code ?}: every key of the view below, and the keys that work everywhere. */
final class HelpView implements View {

  private final View below;

  HelpView(View below) {
    this.below = below;
  }

  @Override
  public String title() {
    return below.title() + " › help";
  }

  @Override
  public List<Hint> hints() {
    return List.of(Hint.of("Esc", "close"));
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
    Canvas inside = canvas.dialog(64, keys.size() + 4, "Keys: " + below.title());
    int keyWidth = keys.stream().mapToInt(hint -> hint.key().length()).max().orElse(4) + 2;
    for (int row = 0; row < keys.size(); row++) {
      inside.text(0, row, keys.get(row).key(), Style.KEY);
      inside.text(keyWidth, row, keys.get(row).about(), Style.NORMAL);
    }
    inside.text(0, inside.height() - 1, "Any of q, Esc or ? closes this help.", Style.DIM);
  }
}
