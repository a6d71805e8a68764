package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A list with a cursor that scrolls to keep it in sight. Items can be appended as more pages
 * arrive: {@link #nearEnd()} tells when the cursor comes close to the last one loaded.
 */
public final class ListView<T> {

  /** Draws one item in a row of the given width. */
  @FunctionalInterface
  public interface RowPainter<T> {
    void paint(Canvas row, T item, Style style);
  }

  private final List<T> items = new ArrayList<>();
  private int cursor;
  private int offset;
  private int lastHeight = 10;

  public List<T> items() {
    return items;
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  public void replace(List<T> values) {
    items.clear();
    items.addAll(values);
    cursor = Math.min(cursor, Math.max(0, items.size() - 1));
    offset = Math.min(offset, cursor);
  }

  public void clear() {
    items.clear();
    cursor = 0;
    offset = 0;
  }

  public void append(List<T> values) {
    items.addAll(values);
  }

  /** Adds an item at the top; the cursor stays on the item it was on. */
  public void prepend(T value) {
    items.add(0, value);
    if (items.size() > 1) {
      cursor++;
    }
  }

  public Optional<T> selected() {
    return items.isEmpty() ? Optional.empty() : Optional.of(items.get(cursor));
  }

  public int cursor() {
    return cursor;
  }

  /**
   * Where the cursor is, for a long list: "12 of 730", or "12 of 40+" while more pages can come;
   * empty when the list is.
   */
  public String position(boolean more) {
    if (items.isEmpty()) {
      return "";
    }
    return (cursor + 1) + " of " + items.size() + (more ? "+" : "");
  }

  public void select(int index) {
    cursor = Math.max(0, Math.min(index, items.size() - 1));
  }

  /** The cursor is within a screenful of the last item loaded. */
  public boolean nearEnd() {
    return items.size() - cursor <= Math.max(3, lastHeight);
  }

  /** Moves the cursor for arrows, j/k, page keys, Home and End; true when the key was one. */
  public boolean onKey(KeyStroke key) {
    int page = Math.max(1, lastHeight - 1);
    switch (key.getKeyType()) {
      case ArrowUp -> select(cursor - 1);
      case ArrowDown -> select(cursor + 1);
      case PageUp -> select(cursor - page);
      case PageDown -> select(cursor + page);
      case Home -> select(0);
      case End -> select(items.size() - 1);
      case Character -> {
        if (key.isCtrlDown() || key.isAltDown()) {
          return false;
        }
        switch (key.getCharacter()) {
          case 'k' -> select(cursor - 1);
          case 'j' -> select(cursor + 1);
          case 'g' -> select(0);
          case 'G' -> select(items.size() - 1);
          default -> {
            return false;
          }
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Draws the rows that fit, the cursor's row in the selection style. */
  public void draw(Canvas canvas, RowPainter<T> painter, boolean focused) {
    lastHeight = canvas.height();
    if (cursor < offset) {
      offset = cursor;
    }
    if (cursor >= offset + canvas.height()) {
      offset = cursor - canvas.height() + 1;
    }
    for (int row = 0; row < canvas.height() && offset + row < items.size(); row++) {
      int index = offset + row;
      Style style =
          index != cursor ? Style.NORMAL : focused ? Style.SELECTED : Style.SELECTED_UNFOCUSED;
      Canvas line = canvas.area(0, row, canvas.width(), 1);
      line.fillRow(0, style);
      painter.paint(line, items.get(index), style);
    }
  }
}
