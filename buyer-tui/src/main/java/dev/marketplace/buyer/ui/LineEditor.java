package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/**
 * One line of text being typed: insert, delete, move; masked for passwords. A field can open with
 * its text selected, as a desktop field does: the first key typed replaces the text, Backspace or
 * Delete clears it, and a movement key keeps it for editing.
 */
public final class LineEditor {

  private final StringBuilder text = new StringBuilder();
  private final int maxLength;
  private final boolean masked;
  private int caret;
  private boolean selected;

  public LineEditor(String initial, int maxLength, boolean masked) {
    this.maxLength = maxLength;
    this.masked = masked;
    if (initial != null) {
      text.append(initial, 0, Math.min(initial.length(), maxLength));
    }
    caret = text.length();
  }

  public String text() {
    return text.toString();
  }

  /** Selects the whole text, so that typing replaces it. */
  public void selectAll() {
    selected = !text.isEmpty();
  }

  public boolean selected() {
    return selected;
  }

  /** True when the key edited the text or moved the caret. */
  public boolean onKey(KeyStroke key) {
    KeyType type = key.getKeyType();
    if (selected && replacesSelection(key)) {
      text.setLength(0);
      caret = 0;
      if (type != KeyType.Character) {
        selected = false;
        return true;
      }
    }
    selected = false;
    switch (type) {
      case Character -> {
        if (key.isCtrlDown() || key.isAltDown()) {
          return ctrl(key.getCharacter());
        }
        if (text.length() < maxLength && !Character.isISOControl(key.getCharacter())) {
          text.insert(caret++, key.getCharacter());
        }
        return true;
      }
      case Backspace -> {
        if (caret > 0) {
          text.deleteCharAt(--caret);
        }
        return true;
      }
      case Delete -> {
        if (caret < text.length()) {
          text.deleteCharAt(caret);
        }
        return true;
      }
      case ArrowLeft -> caret = Math.max(0, caret - 1);
      case ArrowRight -> caret = Math.min(text.length(), caret + 1);
      case Home -> caret = 0;
      case End -> caret = text.length();
      default -> {
        return false;
      }
    }
    return true;
  }

  private static boolean replacesSelection(KeyStroke key) {
    return switch (key.getKeyType()) {
      case Character -> !key.isCtrlDown() && !key.isAltDown();
      case Backspace, Delete -> true;
      default -> false;
    };
  }

  private boolean ctrl(char c) {
    switch (Character.toLowerCase(c)) {
      case 'a' -> caret = 0;
      case 'e' -> caret = text.length();
      case 'u' -> {
        text.delete(0, caret);
        caret = 0;
      }
      case 'k' -> text.setLength(caret);
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * Draws the field at a column and row, {@code width} wide, scrolled so that the caret shows; with
   * {@code focused}, the terminal's cursor goes to the caret.
   */
  public void draw(Canvas canvas, int column, int row, int width, boolean focused) {
    String shown = masked ? "*".repeat(text.length()) : text.toString();
    int visible = Math.max(1, width - 1);
    int start = Math.max(0, caret - visible);
    String part = shown.substring(start, Math.min(shown.length(), start + visible));
    canvas.text(column, row, Cells.left(part, width), focused ? Style.FIELD : Style.DIM);
    if (selected && focused) {
      canvas.text(column, row, part, Style.SELECTED);
    }
    if (focused) {
      canvas.cursorAt(column + caret - start, row);
    }
  }
}
