package dev.marketplace.seller.analytics;

import dev.marketplace.seller.output.Styles;
import dev.marketplace.seller.output.Styles.Style;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A horizontal bar chart for the terminal: a label, a bar as long as the value against the largest
 * one, the value. In Unicode, bars grow by eighths of a cell (block elements); in ASCII, by whole
 * cells of {@code #}. Negative values (refunds beyond sales) have bars of their own kind ({@code
 * ▒}, or {@code -} in ASCII) and colour. Any value other than zero gets at least the thinnest bar.
 */
final class BarChart {

  /** One bar: what it is for, the value it is drawn for, and the text shown after it. */
  record Bar(String label, BigDecimal value, String shown) {}

  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

  private final int width;
  private final boolean ascii;

  BarChart(int width, boolean ascii) {
    this.width = width;
    this.ascii = ascii;
  }

  /** The chart's lines, each {@code label bar value}, bars and values aligned. */
  List<String> lines(List<Bar> bars, Styles styles) {
    BigDecimal largest = BigDecimal.ZERO;
    int labelWidth = 0;
    int shownWidth = 0;
    for (Bar bar : bars) {
      largest = largest.max(bar.value().abs());
      labelWidth = Math.max(labelWidth, bar.label().length());
      shownWidth = Math.max(shownWidth, bar.shown().length());
    }
    BigDecimal scale = largest;
    int labels = labelWidth;
    int values = shownWidth;
    return bars.stream()
        .map(
            bar -> {
              String drawn = bar(bar.value(), scale);
              String padding = " ".repeat(width - drawn.codePointCount(0, drawn.length()));
              Style style = bar.value().signum() < 0 ? Style.BAD : Style.GOOD;
              return pad(bar.label(), labels)
                  + "  "
                  + styles.apply(style, drawn)
                  + padding
                  + "  "
                  + " ".repeat(values - bar.shown().length())
                  + bar.shown();
            })
        .toList();
  }

  /** The bar of {@code value} when {@code largest} fills the width. */
  String bar(BigDecimal value, BigDecimal largest) {
    if (value.signum() == 0 || largest.signum() == 0) {
      return "";
    }
    BigDecimal share = value.abs().divide(largest, 12, RoundingMode.HALF_UP);
    if (value.signum() < 0 || ascii) {
      int cells = Math.max(1, cells(share, 1));
      return (value.signum() < 0 ? (ascii ? "-" : "▒") : "#").repeat(cells);
    }
    int eighths = Math.max(1, cells(share, 8));
    return "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
  }

  /** How many {@code 1/parts} of a cell {@code share} of the width takes, rounded half up. */
  private int cells(BigDecimal share, int parts) {
    return share
        .multiply(BigDecimal.valueOf((long) width * parts))
        .setScale(0, RoundingMode.HALF_UP)
        .intValueExact();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
