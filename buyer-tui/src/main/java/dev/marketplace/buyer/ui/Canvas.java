package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.Symbols;
import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.function.Consumer;

/**
 * A rectangle of the screen to draw into, in the {@link Theme}'s styles. Text that does not fit is
 * cut with an ellipsis; nothing is ever drawn outside the rectangle.
 */
public final class Canvas {

  private final TextGraphics graphics;
  private final Theme theme;
  private final int left;
  private final int top;
  private final int width;
  private final int height;
  private final Consumer<TerminalPosition> cursor;

  Canvas(
      TextGraphics graphics,
      Theme theme,
      int left,
      int top,
      int width,
      int height,
      Consumer<TerminalPosition> cursor) {
    this.graphics = graphics;
    this.theme = theme;
    this.left = left;
    this.top = top;
    this.width = Math.max(0, width);
    this.height = Math.max(0, height);
    this.cursor = cursor;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** Writes {@code text} at a column and row, cut to fit; returns the columns it took. */
  public int text(int column, int row, String text, Style style) {
    if (row < 0 || row >= height || column >= width || column < 0 || text == null) {
      return 0;
    }
    String shown = Cells.fit(text, width - column);
    apply(style);
    graphics.putString(left + column, top + row, shown);
    return TerminalTextUtils.getColumnWidth(shown);
  }

  /** A field's label, highlighted while its field has the focus. */
  public void label(int column, int row, String text, boolean focused) {
    text(column, row, text, focused ? Style.TITLE : Style.NORMAL);
  }

  /** A whole row: the text, then the style's background to the right edge. */
  public void row(int row, String text, Style style) {
    fillRow(row, style);
    text(0, row, text, style);
  }

  public void fillRow(int row, Style style) {
    if (row < 0 || row >= height) {
      return;
    }
    apply(style);
    graphics.putString(left, top + row, " ".repeat(width));
  }

  public void fill(Style style) {
    for (int row = 0; row < height; row++) {
      fillRow(row, style);
    }
  }

  /** The part of this canvas from a column and row on, of the given size (clipped to this one). */
  public Canvas area(int column, int row, int areaWidth, int areaHeight) {
    int c = Math.max(0, Math.min(column, width));
    int r = Math.max(0, Math.min(row, height));
    return new Canvas(
        graphics,
        theme,
        left + c,
        top + r,
        Math.min(areaWidth, width - c),
        Math.min(areaHeight, height - r),
        cursor);
  }

  /**
   * Clears a framed box of at most the given size in the middle of this canvas, with a title on its
   * frame; returns its inside.
   */
  public Canvas dialog(int boxWidth, int boxHeight, String title) {
    int w = Math.min(boxWidth, width);
    int h = Math.min(boxHeight, height);
    int x = (width - w) / 2;
    int y = Math.max(0, (height - h) / 3);
    Canvas box = area(x, y, w, h);
    box.fill(Style.NORMAL);
    if (w < 3 || h < 3) {
      return box;
    }
    String horizontal = String.valueOf(Symbols.SINGLE_LINE_HORIZONTAL).repeat(w - 2);
    box.text(0, 0, Symbols.SINGLE_LINE_TOP_LEFT_CORNER + horizontal, Style.NORMAL);
    box.text(w - 1, 0, String.valueOf(Symbols.SINGLE_LINE_TOP_RIGHT_CORNER), Style.NORMAL);
    box.text(0, h - 1, Symbols.SINGLE_LINE_BOTTOM_LEFT_CORNER + horizontal, Style.NORMAL);
    box.text(w - 1, h - 1, String.valueOf(Symbols.SINGLE_LINE_BOTTOM_RIGHT_CORNER), Style.NORMAL);
    for (int r = 1; r < h - 1; r++) {
      box.text(0, r, String.valueOf(Symbols.SINGLE_LINE_VERTICAL), Style.NORMAL);
      box.text(w - 1, r, String.valueOf(Symbols.SINGLE_LINE_VERTICAL), Style.NORMAL);
    }
    box.text(2, 0, " " + title + " ", Style.TITLE);
    return box.area(2, 1, w - 4, h - 2);
  }

  /** Puts the terminal's cursor here (for a text field being edited). */
  public void cursorAt(int column, int row) {
    if (row >= 0 && row < height && column >= 0 && column <= width) {
      cursor.accept(new TerminalPosition(left + Math.min(column, width - 1), top + row));
    }
  }

  TerminalSize size() {
    return new TerminalSize(width, height);
  }

  private void apply(Style style) {
    Theme.Look look = theme.look(style);
    graphics.clearModifiers();
    graphics.setForegroundColor(look.foreground());
    graphics.setBackgroundColor(look.background());
    for (SGR modifier : look.modifiers()) {
      graphics.enableModifiers(modifier);
    }
  }
}
