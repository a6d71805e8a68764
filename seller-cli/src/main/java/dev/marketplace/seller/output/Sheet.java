package dev.marketplace.seller.output;

import dev.marketplace.seller.output.Styles.Style;
import java.io.PrintWriter;

/** One thing, field by field: names in a column of their own, values beside them. */
public final class Sheet {

  private final PrintWriter out;
  private final Styles styles;
  private final int nameWidth;

  public Sheet(PrintWriter out, Styles styles, int nameWidth) {
    this.out = out;
    this.styles = styles;
    this.nameWidth = nameWidth;
  }

  public void field(String name, String value) {
    String padded = name + " ".repeat(Math.max(0, nameWidth - name.length()));
    out.println((styles.apply(Style.HEADER, padded) + "  " + value).stripTrailing());
  }

  /** A line below the fields, indented under the values. */
  public void more(String text) {
    out.println(" ".repeat(nameWidth + 2) + text);
  }
}
