package dev.marketplace.seller.products;

import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductImage;
import dev.marketplace.client.model.Rating;
import dev.marketplace.seller.output.Display;
import dev.marketplace.seller.output.Styles;
import dev.marketplace.seller.output.Styles.Style;
import java.io.PrintWriter;

/** One product, field by field, for people. */
final class ProductSheet {

  private final Display display;
  private final Styles styles;

  ProductSheet(Display display, Styles styles) {
    this.display = display;
    this.styles = styles;
  }

  void print(PrintWriter out, Product product) {
    field(out, "ID", Long.toString(product.id()));
    field(out, "SKU", Display.text(product.sku()));
    field(out, "Name", product.name());
    field(out, "Category", product.category());
    field(
        out,
        "Status",
        styles.apply(
            product.active() ? Style.GOOD : Style.QUIET, product.active() ? "active" : "inactive"));
    field(out, "Price", Display.money(product.price()));
    field(out, "Stock", Integer.toString(product.inventory()));
    Rating rating = product.rating();
    if (rating != null) {
      field(
          out,
          "Rating",
          rating.count() == 0
              ? "no reviews yet"
              : rating.average().setScale(2, java.math.RoundingMode.HALF_EVEN)
                  + " from "
                  + rating.count()
                  + (rating.count() == 1 ? " review" : " reviews"));
      if (rating.count() > 0) {
        for (int stars = 5; stars >= 1; stars--) {
          int count = rating.reviewsWith(stars);
          int bar = (int) Math.round(20.0 * count / rating.count());
          out.println("            " + stars + "★ " + "█".repeat(bar) + " " + count);
        }
      }
    }
    if (product.images() != null) {
      field(out, "Images", product.images().isEmpty() ? "none" : "");
      for (ProductImage image : product.images()) {
        out.println(
            "            "
                + image.id()
                + "  "
                + image.width()
                + "x"
                + image.height()
                + " "
                + image.contentType()
                + "  "
                + image.url());
      }
    }
    field(out, "Created", display.time(product.createdAt()));
    field(out, "Updated", display.time(product.updatedAt()));
    if (product.description() != null && !product.description().isBlank()) {
      out.println();
      out.println(product.description().strip());
    }
    out.flush();
  }

  private void field(PrintWriter out, String name, String value) {
    out.println(
        (styles.apply(Style.HEADER, String.format("%-10s", name)) + "  " + value).stripTrailing());
  }
}
