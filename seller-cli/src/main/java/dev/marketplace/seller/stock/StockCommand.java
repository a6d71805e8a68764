package dev.marketplace.seller.stock;

import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductChanges;
import dev.marketplace.client.model.SellerProductQuery;
import dev.marketplace.client.model.SellerProductQuery.Status;
import dev.marketplace.seller.command.SellerContext;
import dev.marketplace.seller.command.Usage;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import dev.marketplace.seller.products.ProductListing;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code stock ...}: set, add to or take from a product's stock, and see what runs low. Adding and
 * removing are relative to the stock at that moment, on the server, so orders coming in at the same
 * time are never lost; removing more than there is is refused, never clamped.
 */
@Command(
    name = "stock",
    mixinStandardHelpOptions = true,
    description = "Set, add to or take from a product's stock; see what runs low.")
public final class StockCommand {

  @ParentCommand SellerContext cli;

  @Spec CommandSpec spec;

  @Command(name = "set", mixinStandardHelpOptions = true, description = "Set the stock to N.")
  int set(
      @Parameters(paramLabel = "ID") long id,
      @Parameters(paramLabel = "N") int units,
      @Mixin OutputOptions output) {
    if (units < 0) {
      throw Usage.error(spec, "N must be 0 or more.");
    }
    Product product =
        cli.client().sellerProducts().update(id, ProductChanges.none().withInventory(units));
    return done(output, product);
  }

  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add N to the stock.")
  int add(
      @Parameters(paramLabel = "ID") long id,
      @Parameters(paramLabel = "N") int units,
      @Mixin OutputOptions output) {
    return done(output, cli.client().sellerProducts().adjustStock(id, positive(units)));
  }

  @Command(
      name = "remove",
      mixinStandardHelpOptions = true,
      description = "Take N from the stock (refused if there are fewer than N).")
  int remove(
      @Parameters(paramLabel = "ID") long id,
      @Parameters(paramLabel = "N") int units,
      @Mixin OutputOptions output) {
    return done(output, cli.client().sellerProducts().adjustStock(id, -positive(units)));
  }

  @Command(
      name = "low",
      mixinStandardHelpOptions = true,
      description = "Products on sale with fewer than N in stock, the lowest first.")
  int low(
      @Option(
              names = "--below",
              paramLabel = "N",
              defaultValue = "10",
              description = "The threshold (default: ${DEFAULT-VALUE}).")
          int below,
      @Option(names = "--limit", paramLabel = "N", description = "At most N products.")
          Integer limit,
      @Mixin OutputOptions output) {
    positive(below);
    List<Product> low =
        ProductListing.all(
                cli.client(),
                SellerProductQuery.all().withStatus(Status.ACTIVE).withStockBelow(below),
                limit == null ? null : positive(limit))
            .stream()
            .sorted(Comparator.comparingInt(Product::inventory).thenComparingLong(Product::id))
            .toList();
    ProductListing.print(low, output.format(), cli);
    return 0;
  }

  private int done(OutputOptions output, Product product) {
    if (output.single() == OutputFormat.JSON) {
      JsonOutput.print(cli.environment().out(), product);
    } else {
      cli.environment()
          .out()
          .println(
              "Product "
                  + product.id()
                  + " ("
                  + product.name()
                  + "): "
                  + product.inventory()
                  + " in stock.");
    }
    return 0;
  }

  private int positive(int units) {
    if (units < 1) {
      throw Usage.error(spec, "N must be 1 or more.");
    }
    return units;
  }
}
