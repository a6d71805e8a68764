package dev.marketplace.seller.output;

import dev.marketplace.seller.output.Styles.Style;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * An aligned table: a header, then rows; columns as wide as their widest cell, numbers aligned
 * right. Colour is added after padding, so it never upsets the alignment.
 */
public final class Table {

  /** A column's title and which side its cells keep to. */
  public record Column(String title, boolean right) {

    public static Column left(String title) {
      return new Column(title, false);
    }

    public static Column right(String title) {
      return new Column(title, true);
    }
  }

  /** A cell's text and how it looks. */
  public record Cell(String text, Style style) {

    public static Cell of(String text) {
      return new Cell(text == null ? "" : text, Style.PLAIN);
    }

    public static Cell styled(String text, Style style) {
      return new Cell(text == null ? "" : text, style);
    }
  }

  private final List<Column> columns;
  private final List<List<Cell>> rows = new ArrayList<>();

  public Table(List<Column> columns) {
    this.columns = columns;
  }

  public Table add(List<Cell> row) {
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  public void print(PrintWriter out, Styles styles) {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      widths[i] = columns.get(i).title().length();
      for (List<Cell> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).text().length());
      }
    }
    List<Cell> header = new ArrayList<>();
    columns.forEach(column -> header.add(Cell.styled(column.title(), Style.HEADER)));
    printRow(out, styles, widths, header);
    rows.forEach(row -> printRow(out, styles, widths, row));
    out.flush();
  }

  private void printRow(PrintWriter out, Styles styles, int[] widths, List<Cell> row) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < columns.size(); i++) {
      Cell cell = row.get(i);
      String text = cell.text().replaceAll("[\\r\\n\\t]+", " ");
      String padding = " ".repeat(widths[i] - text.length());
      boolean last = i == columns.size() - 1;
      String aligned = columns.get(i).right() ? padding + text : last ? text : text + padding;
      line.append(styles.apply(cell.style(), aligned));
      if (!last) {
        line.append("  ");
      }
    }
    out.println(line.toString().stripTrailing());
  }
}
