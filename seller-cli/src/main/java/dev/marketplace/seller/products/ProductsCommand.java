package dev.marketplace.seller.products;

import dev.marketplace.client.model.NewProduct;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductChanges;
import dev.marketplace.client.model.SellerProductQuery;
import dev.marketplace.client.model.SellerProductQuery.Status;
import dev.marketplace.seller.command.LocalFile;
import dev.marketplace.seller.command.SellerContext;
import dev.marketplace.seller.command.Usage;
import dev.marketplace.seller.output.Display;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import dev.marketplace.seller.output.Styles;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code products ...}: list, show, add, change, take off sale, import and export products. */
@Command(
    name = "products",
    aliases = "product",
    mixinStandardHelpOptions = true,
    description = "List, show, add and change your products; import and export them as CSV.",
    subcommands = {ImportCommand.class, ExportCommand.class})
public final class ProductsCommand {

  @ParentCommand SellerContext cli;

  @Spec CommandSpec spec;

  /** The shop's root command, for the import and export subcommands. */
  SellerContext cli() {
    return cli;
  }

  @Command(
      name = "list",
      aliases = "ls",
      mixinStandardHelpOptions = true,
      description = "Your products, oldest first, all pages (--limit caps them).")
  int list(
      @Option(
              names = "--status",
              paramLabel = "STATUS",
              defaultValue = "all",
              description = "active, inactive or all (default: ${DEFAULT-VALUE}).")
          Status status,
      @Option(names = "--category", paramLabel = "CATEGORY", description = "Only this category.")
          String category,
      @Option(
              names = "--low-stock",
              paramLabel = "N",
              description = "Only products with fewer than N in stock.")
          Integer lowStock,
      @Option(names = "--limit", paramLabel = "N", description = "At most N products.")
          Integer limit,
      @Mixin OutputOptions output) {
    List<Product> products =
        all(
            SellerProductQuery.all()
                .withStatus(status)
                .withCategory(category)
                .withStockBelow(positive(lowStock, "--low-stock")),
            positive(limit, "--limit"));
    ProductListing.print(products, output.format(), cli);
    return 0;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One of your products, with its rating, images and description.")
  int show(@Parameters(paramLabel = "ID") long id, @Mixin OutputOptions output) {
    OutputFormat format = output.single();
    Product product = cli.client().sellerProducts().get(id);
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out(), product);
    } else {
      new ProductSheet(
              new Display(cli.environment().zone()), new Styles(cli.environment().colour()))
          .print(out(), product);
    }
    return 0;
  }

  @Command(
      name = "add",
      aliases = "create",
      mixinStandardHelpOptions = true,
      description = "List a new product (on sale at once unless --inactive).")
  int add(
      @Option(names = "--name", paramLabel = "NAME", required = true) String name,
      @Option(names = "--category", paramLabel = "CATEGORY", required = true) String category,
      @Option(names = "--price", paramLabel = "PRICE", required = true, description = "e.g. 19.99")
          BigDecimal price,
      @Option(names = "--stock", required = true, paramLabel = "N") int stock,
      @ArgGroup(exclusive = true) Description description,
      @Option(
              names = "--sku",
              paramLabel = "SKU",
              description = "Your own code for it, unique among your products.")
          String sku,
      @Option(names = "--inactive", description = "Add it off sale.") boolean inactive,
      @Mixin OutputOptions output) {
    OutputFormat format = output.single();
    Product product =
        cli.client()
            .sellerProducts()
            .create(
                new NewProduct(
                    sku,
                    name,
                    category,
                    description == null ? null : description.text(spec),
                    price,
                    stock,
                    inactive ? Boolean.FALSE : null));
    done(format, product, "Added product " + product.id() + " (" + product.name() + ").");
    return 0;
  }

  @Command(
      name = "update",
      aliases = "edit",
      mixinStandardHelpOptions = true,
      description = "Change some fields of one of your products.")
  int update(
      @Parameters(paramLabel = "ID") long id,
      @Option(names = "--name", paramLabel = "NAME") String name,
      @Option(names = "--category", paramLabel = "CATEGORY") String category,
      @Option(names = "--price", paramLabel = "PRICE") BigDecimal price,
      @Option(names = "--stock", paramLabel = "N", description = "Set the stock to N.")
          Integer stock,
      @ArgGroup(exclusive = true) Description description,
      @Option(names = "--sku", paramLabel = "SKU") String sku,
      @Mixin OutputOptions output) {
    OutputFormat format = output.single();
    ProductChanges changes =
        ProductChanges.none()
            .withName(name)
            .withCategory(category)
            .withPrice(price)
            .withInventory(stock)
            .withDescription(description == null ? null : description.text(spec))
            .withSku(sku);
    if (changes.isEmpty()) {
      throw Usage.error(
          spec,
          "Nothing to change: give at least one of --name, --category, --price, --stock,"
              + " --description, --description-file, --sku.");
    }
    Product product = cli.client().sellerProducts().update(id, changes);
    done(format, product, "Updated product " + product.id() + " (" + product.name() + ").");
    return 0;
  }

  @Command(
      name = "deactivate",
      mixinStandardHelpOptions = true,
      description = "Take a product off sale (buyers no longer see it).")
  int deactivate(@Parameters(paramLabel = "ID") long id, @Mixin OutputOptions output) {
    Product product =
        cli.client().sellerProducts().update(id, ProductChanges.none().withActive(false));
    done(output.single(), product, "Product " + id + " is off sale.");
    return 0;
  }

  @Command(
      name = "activate",
      mixinStandardHelpOptions = true,
      description = "Put a product back on sale.")
  int activate(@Parameters(paramLabel = "ID") long id, @Mixin OutputOptions output) {
    Product product =
        cli.client().sellerProducts().update(id, ProductChanges.none().withActive(true));
    done(output.single(), product, "Product " + id + " is on sale.");
    return 0;
  }

  /** {@code --description TEXT} or {@code --description-file F}, not both. */
  static final class Description {
    @Option(names = "--description", paramLabel = "TEXT")
    String text;

    @Option(names = "--description-file", paramLabel = "FILE", description = "Read it from FILE.")
    Path file;

    String text(CommandSpec spec) {
      if (file == null) {
        return text;
      }
      return LocalFile.text(spec, file);
    }
  }

  List<Product> all(SellerProductQuery query, Integer limit) {
    return ProductListing.all(cli.client(), query, limit);
  }

  private void done(OutputFormat format, Product product, String message) {
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out(), product);
    } else {
      out().println(message);
    }
  }

  private Integer positive(Integer value, String option) {
    if (value != null && value < 1) {
      throw Usage.error(spec, option + " must be at least 1.");
    }
    return value;
  }

  private PrintWriter out() {
    return cli.environment().out();
  }
}
