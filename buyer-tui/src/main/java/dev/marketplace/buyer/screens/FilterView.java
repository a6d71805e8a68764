package dev.marketplace.buyer.screens;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.marketplace.buyer.ui.Canvas;
import dev.marketplace.buyer.ui.FormDialog;
import dev.marketplace.buyer.ui.Hint;
import dev.marketplace.buyer.ui.LineEditor;
import dev.marketplace.buyer.ui.Style;
import dev.marketplace.buyer.ui.Tui;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

/** {@code f} in the catalog: price range, minimum rating, in stock only. */
final class FilterView implements FormDialog {

  private static final String[] LABELS = {"Lowest price", "Highest price", "Minimum rating"};

  private final Tui tui;
  private final Consumer<Filters> applied;
  private final LineEditor[] fields = new LineEditor[3];
  private boolean inStock;
  private int focus;
  private String problem;

  FilterView(Tui tui, Filters current, Consumer<Filters> applied) {
    this.tui = tui;
    this.applied = applied;
    fields[0] = new LineEditor(plain(current.minPrice()), 12, false);
    fields[1] = new LineEditor(plain(current.maxPrice()), 12, false);
    fields[2] = new LineEditor(plain(current.minRating()), 4, false);
    inStock = current.inStock();
  }

  @Override
  public String title() {
    return "Filters";
  }

  @Override
  public List<Hint> hints() {
    return List.of(
        Hint.of("Tab/↓", "next"),
        Hint.of("Space", "toggle"),
        Hint.of("Enter", "apply"),
        Hint.of("Ctrl-U", "clear field"),
        Hint.of("Esc", "cancel"));
  }

  @Override
  public void draw(Canvas canvas) {
    Canvas inside = canvas.dialog(56, 11, "Filters");
    for (int i = 0; i < fields.length; i++) {
      inside.label(0, i, LABELS[i], focus == i);
      fields[i].draw(inside, 18, i, 12, focus == i);
    }
    inside.text(32, 2, "(0 to 5)", Style.DIM);
    inside.label(0, 3, "In stock only", focus == 3);
    inside.text(18, 3, inStock ? "[x]" : "[ ]", focus == 3 ? Style.SELECTED : Style.NORMAL);
    inside.text(0, 5, "Leave a field empty for no limit.", Style.DIM);
    inside.text(0, 6, "Enter applies, Esc cancels.", Style.DIM);
    if (problem != null) {
      inside.text(0, 7, problem, Style.ERROR);
    }
  }

  @Override
  public boolean onKey(KeyStroke key) {
    KeyType type = key.getKeyType();
    if (type == KeyType.Tab || type == KeyType.ArrowDown) {
      focus = (focus + 1) % 4;
      return true;
    }
    if (type == KeyType.ReverseTab || type == KeyType.ArrowUp) {
      focus = (focus + 3) % 4;
      return true;
    }
    if (type == KeyType.Enter) {
      apply();
      return true;
    }
    if (focus == 3) {
      if (type == KeyType.Character && key.getCharacter() == ' ') {
        inStock = !inStock;
      }
      return true;
    }
    problem = null;
    return fields[focus].onKey(key);
  }

  private void apply() {
    try {
      BigDecimal min = amount(fields[0].text(), "The lowest price");
      BigDecimal max = amount(fields[1].text(), "The highest price");
      BigDecimal rating = amount(fields[2].text(), "The minimum rating");
      if (min != null && max != null && min.compareTo(max) > 0) {
        throw new IllegalArgumentException("The lowest price is above the highest.");
      }
      if (rating != null && rating.compareTo(BigDecimal.valueOf(5)) > 0) {
        throw new IllegalArgumentException("The minimum rating is at most 5.");
      }
      tui.close(this);
      applied.accept(new Filters(min, max, rating, inStock));
    } catch (IllegalArgumentException e) {
      problem = e.getMessage();
    }
  }

  private static BigDecimal amount(String text, String what) {
    String value = text.strip();
    if (value.isEmpty()) {
      return null;
    }
    BigDecimal amount;
    try {
      amount = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not a number: " + value);
    }
    if (amount.signum() < 0 || amount.scale() > 2) {
      throw new IllegalArgumentException(what + " must be positive, with at most two decimals.");
    }
    return amount;
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}
