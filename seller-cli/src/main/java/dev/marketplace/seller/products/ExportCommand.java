package dev.marketplace.seller.products;

import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.SellerProductQuery;
import dev.marketplace.seller.command.Usage;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.OutputFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code products export}: every product, as a file that {@code products import} reads back. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write all your products as CSV (" + ProductFile.HEADER + ") or JSON,",
      "to standard output or --file; products import reads it back."
    })
final class ExportCommand implements Callable<Integer> {

  @ParentCommand ProductsCommand products;

  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "csv (default) or json.")
  OutputFormat format = OutputFormat.CSV;

  @Option(names = "--file", paramLabel = "FILE", description = "Write here instead.")
  Path file;

  @Override
  public Integer call() throws IOException {
    if (format == OutputFormat.TABLE) {
      throw Usage.error(spec, "export writes -o csv or -o json.");
    }
    List<Product> all = products.all(SellerProductQuery.all(), null);
    if (file == null) {
      write(all, products.cli().environment().out());
    } else {
      try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        write(all, new PrintWriter(writer));
      }
      products
          .cli()
          .environment()
          .err()
          .println("Wrote " + all.size() + " products to " + file + ".");
    }
    List<Product> withoutSku = all.stream().filter(product -> product.sku() == null).toList();
    if (!withoutSku.isEmpty()) {
      products
          .cli()
          .environment()
          .err()
          .println(
              "Note: "
                  + withoutSku.size()
                  + " of them have no SKU, so an import cannot match them (products "
                  + withoutSku.stream()
                      .map(p -> Long.toString(p.id()))
                      .collect(Collectors.joining(", "))
                  + "). Give each one with: marketplace-seller products update ID --sku SKU");
    }
    return 0;
  }

  private void write(List<Product> all, PrintWriter out) {
    if (format == OutputFormat.JSON) {
      JsonOutput.print(out, all.stream().map(ProductFile.Exported::of).toList());
      return;
    }
    try {
      ProductFile.writeCsv(all, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }
}
