package dev.marketplace.buyer.ui;

import com.googlecode.lanterna.TerminalTextUtils;
import java.util.ArrayList;
import java.util.List;

/** Text measured in terminal columns: cut, padded and wrapped to a width. */
public final class Cells {

  private Cells() {}

  /** The text cut to {@code width} columns, with an ellipsis where it was cut. */
  public static String fit(String text, int width) {
    if (width <= 0) {
      return "";
    }
    String clean = text.replaceAll("[\\p{Cntrl}]", " ");
    if (TerminalTextUtils.getColumnWidth(clean) <= width) {
      return clean;
    }
    return TerminalTextUtils.fitString(clean, width - 1) + "…";
  }

  /** Cut or padded with spaces on the right to exactly {@code width} columns. */
  public static String left(String text, int width) {
    String fitted = fit(text, width);
    return fitted + " ".repeat(Math.max(0, width - TerminalTextUtils.getColumnWidth(fitted)));
  }

  /** Cut or padded with spaces on the left to exactly {@code width} columns. */
  public static String right(String text, int width) {
    String fitted = fit(text, width);
    return " ".repeat(Math.max(0, width - TerminalTextUtils.getColumnWidth(fitted))) + fitted;
  }

  /** The text in lines of at most {@code width} columns, broken between words where possible. */
  public static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    if (width <= 0 || text == null) {
      return lines;
    }
    for (String paragraph : text.replace("\r", "").split("\n", -1)) {
      lines.addAll(
          TerminalTextUtils.getWordWrappedText(width, paragraph.replaceAll("\\p{Cntrl}", " ")));
    }
    return lines;
  }
}
