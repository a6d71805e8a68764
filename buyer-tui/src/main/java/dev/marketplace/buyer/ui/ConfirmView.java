package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;

/** A yes-or-no question before something that cannot be taken back. */
public final class ConfirmView implements View {

  private final Tui tui;
  private final String title;
  private final List<String> lines;
  private final Runnable confirmed;

  public ConfirmView(Tui tui, String title, List<String> lines, Runnable confirmed) {
    this.tui = tui;
    this.title = title;
    this.lines = lines;
    this.confirmed = confirmed;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public List<Hint> hints() {
    return List.of(Hint.of("Enter/y", "yes"), Hint.of("Esc/n", "no"));
  }

  @Override
  public boolean dialog() {
    return true;
  }

  @Override
  public void draw(Canvas canvas) {
    Canvas inside = canvas.dialog(64, lines.size() + 4, title);
    for (int row = 0; row < lines.size(); row++) {
      inside.text(0, row, lines.get(row), Style.NORMAL);
    }
    inside.text(0, lines.size() + 1, "Enter or y: yes   Esc or n: no", Style.DIM);
  }

  @Override
  public boolean onKey(KeyStroke key) {
    boolean yes =
        key.getKeyType() == KeyType.Enter
            || (key.getKeyType() == KeyType.Character && key.getCharacter() == 'y');
    boolean no = key.getKeyType() == KeyType.Character && key.getCharacter() == 'n';
    if (yes) {
      tui.close(this);
      confirmed.run();
      return true;
    }
    if (no) {
      tui.close(this);
      return true;
    }
    return false;
  }
}
