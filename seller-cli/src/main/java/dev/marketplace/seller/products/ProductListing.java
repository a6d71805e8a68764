package dev.marketplace.seller.products;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.Pages;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.SellerProductQuery;
import dev.marketplace.seller.command.SellerContext;
import dev.marketplace.seller.output.Display;
import dev.marketplace.seller.output.ListPrinter;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.Styles;
import dev.marketplace.seller.output.Styles.Style;
import dev.marketplace.seller.output.Table.Column;
import java.util.List;

/** The seller's products as lists show them, fetched through every page. */
public final class ProductListing {

  /** Fewer than this many in stock shows as a warning. */
  private static final int LOW = 5;

  private ProductListing() {}

  /** Every product the query finds, through all pages, at most {@code limit} (null: all). */
  public static List<Product> all(
      MarketplaceClient client, SellerProductQuery query, Integer limit) {
    int max = limit == null ? Integer.MAX_VALUE : limit;
    int page = Math.min(max, 200);
    return Pages.collect(
        cursor -> client.sellerProducts().list(query.withLimit(page).withCursor(cursor)), max);
  }

  public static void print(List<Product> products, OutputFormat format, SellerContext cli) {
    Display display = new Display(cli.environment().zone());
    new ListPrinter<Product>()
        .whenEmpty("No products found.")
        .text("ID", "id", Product::id)
        .text("SKU", "sku", Product::sku)
        .text("NAME", "name", Product::name)
        .text("CATEGORY", "category", Product::category)
        .number("PRICE", "price", p -> Display.money(p.price()), p -> Display.plain(p.price()))
        .add(
            Column.right("STOCK"),
            "stock",
            p -> Integer.toString(p.inventory()),
            Product::inventory,
            p -> p.inventory() == 0 ? Style.BAD : p.inventory() < LOW ? Style.WARNING : Style.PLAIN)
        .add(
            Column.left("STATUS"),
            "status",
            p -> p.active() ? "active" : "inactive",
            p -> p.active() ? "active" : "inactive",
            p -> p.active() ? Style.GOOD : Style.QUIET)
        .add(
            Column.left("UPDATED"),
            "updated_at",
            p -> display.time(p.updatedAt()),
            Product::updatedAt,
            p -> Style.PLAIN)
        .print(products, format, cli.environment().out(), new Styles(cli.environment().colour()));
  }
}
