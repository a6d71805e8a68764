package dev.marketplace.seller.products;

import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductImage;
import dev.marketplace.client.model.Rating;
import dev.marketplace.seller.output.Display;
import dev.marketplace.seller.output.Sheet;
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
    Sheet sheet = new Sheet(out, styles, 8);
    sheet.field("ID", Long.toString(product.id()));
    sheet.field("SKU", Display.text(product.sku()));
    sheet.field("Name", product.name());
    sheet.field("Category", product.category());
    sheet.field(
        "Status",
        styles.apply(
            product.active() ? Style.GOOD : Style.QUIET, product.active() ? "active" : "inactive"));
    sheet.field("Price", Display.money(product.price()));
    sheet.field("Stock", Integer.toString(product.inventory()));
    Rating rating = product.rating();
    if (rating != null) {
      sheet.field(
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
          sheet.more(stars + "★ " + "█".repeat(bar) + " " + count);
        }
      }
    }
    if (product.images() != null) {
      sheet.field("Images", product.images().isEmpty() ? "none" : "");
      for (ProductImage image : product.images()) {
        sheet.more(
            image.id()
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
    sheet.field("Created", display.time(product.createdAt()));
    sheet.field("Updated", display.time(product.updatedAt()));
    if (product.description() != null && !product.description().isBlank()) {
      out.println();
      out.println(product.description().strip());
    }
    out.flush();
  }
}
