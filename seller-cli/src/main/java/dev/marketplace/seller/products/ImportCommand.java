package dev.marketplace.seller.products;

import dev.marketplace.client.ApiException;
import dev.marketplace.client.FailureKind;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.NotSignedInException;
import dev.marketplace.client.ServerUnreachableException;
import dev.marketplace.client.model.ImportOutcome;
import dev.marketplace.client.model.NewProduct;
import dev.marketplace.client.model.Product;
import dev.marketplace.client.model.ProductUpsert;
import dev.marketplace.client.model.SellerProductQuery;
import dev.marketplace.seller.ExitCode;
import dev.marketplace.seller.SellerCli;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.ListPrinter;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import dev.marketplace.seller.output.Styles.Style;
import dev.marketplace.seller.output.Table.Column;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code products import FILE}: creates or updates products by SKU, a line at a time, several at
 * once. A bad line is reported with its number and the others go on; the same file again changes
 * nothing. {@code --dry-run} compares the file with the shop and says what would change.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Create or update products by SKU from a CSV file (or a JSON array, as export writes).",
      "Header: " + ProductFile.HEADER + " (description and active may be left out).",
      "Prints a result per line and a summary; running the same file again changes nothing."
    })
final class ImportCommand implements Callable<Integer> {

  /** Lines sent at once: enough to hide the round trips, few enough to be kind to the server. */
  private static final int IN_FLIGHT = 8;

  @ParentCommand ProductsCommand products;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The CSV (or JSON) file.")
  Path file;

  @Option(names = "--dry-run", description = "Only say what would change.")
  boolean dryRun;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw SellerCli.usage(spec, "Cannot read " + file + ": " + e.getMessage());
    }
    long started = System.nanoTime();
    List<ProductLine> lines = ProductFile.read(content);
    MarketplaceClient client = products.cli().client();
    client.accounts().verify();
    List<ImportResult> results = dryRun ? compare(client, lines) : put(client, lines);
    double seconds = (System.nanoTime() - started) / 1e9;
    report(results, seconds);
    if (results.stream().anyMatch(r -> r.failure() == FailureKind.UNREACHABLE)) {
      return ExitCode.UNREACHABLE;
    }
    return results.stream().anyMatch(r -> r.outcome() == ImportOutcome.FAILED)
        ? ExitCode.REFUSED
        : ExitCode.OK;
  }

  private List<ImportResult> put(MarketplaceClient client, List<ProductLine> lines) {
    ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
    try {
      List<Future<ImportResult>> pending = new ArrayList<>();
      for (ProductLine line : lines) {
        pending.add(pool.submit(() -> put(client, line)));
      }
      List<ImportResult> results = new ArrayList<>();
      for (Future<ImportResult> result : pending) {
        results.add(result.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static ImportResult put(MarketplaceClient client, ProductLine line) {
    if (!line.ok()) {
      return ImportResult.failed(line, line.problem(), FailureKind.INVALID);
    }
    try {
      ProductUpsert done = client.sellerProducts().putBySku(line.sku(), line.product());
      return new ImportResult(
          line.line(), line.sku(), done.outcome(), done.product().id(), null, null);
    } catch (ApiException | ServerUnreachableException refused) {
      return ImportResult.failed(line, refused.getMessage(), refused.kind());
    } catch (NotSignedInException e) {
      throw e;
    }
  }

  /** What the file would change, compared with the shop's products as they are. */
  private List<ImportResult> compare(MarketplaceClient client, List<ProductLine> lines) {
    Map<String, Product> bySku =
        products.all(SellerProductQuery.all(), null).stream()
            .filter(product -> product.sku() != null)
            .collect(Collectors.toMap(Product::sku, Function.identity()));
    List<ImportResult> results = new ArrayList<>();
    for (ProductLine line : lines) {
      if (!line.ok()) {
        results.add(ImportResult.failed(line, line.problem(), FailureKind.INVALID));
        continue;
      }
      Product existing = bySku.get(line.sku());
      if (existing == null) {
        results.add(
            new ImportResult(line.line(), line.sku(), ImportOutcome.CREATED, null, null, null));
        continue;
      }
      List<String> changes = differences(existing, line.product());
      results.add(
          new ImportResult(
              line.line(),
              line.sku(),
              changes.isEmpty() ? ImportOutcome.UNCHANGED : ImportOutcome.UPDATED,
              existing.id(),
              changes.isEmpty() ? null : String.join("; ", changes),
              null));
    }
    return results;
  }

  private static List<String> differences(Product product, NewProduct line) {
    List<String> changes = new ArrayList<>();
    change(changes, "name", product.name(), line.name());
    change(changes, "category", product.category(), line.category());
    change(changes, "description", product.description(), line.description());
    if (product.price().compareTo(line.price()) != 0) {
      changes.add(
          "price " + product.price().toPlainString() + " -> " + line.price().toPlainString());
    }
    change(changes, "stock", product.inventory(), line.inventory());
    change(changes, "active", product.active(), line.active() == null || line.active());
    return changes;
  }

  private static void change(List<String> changes, String field, Object was, Object will) {
    if (!Objects.equals(was, will)) {
      changes.add(field.equals("description") ? "description" : field + " " + was + " -> " + will);
    }
  }

  private void report(List<ImportResult> results, double seconds) {
    PrintWriter out = products.cli().environment().out();
    Map<ImportOutcome, Long> counts = new LinkedHashMap<>();
    for (ImportOutcome outcome :
        List.of(
            ImportOutcome.CREATED,
            ImportOutcome.UPDATED,
            ImportOutcome.UNCHANGED,
            ImportOutcome.FAILED)) {
      counts.put(outcome, results.stream().filter(r -> r.outcome() == outcome).count());
    }
    if (output.format() == OutputFormat.JSON) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("dry_run", dryRun);
      json.put("results", results);
      Map<String, Long> summary = new LinkedHashMap<>();
      counts.forEach((outcome, count) -> summary.put(outcome.wireName(), count));
      json.put("summary", summary);
      JsonOutput.print(out, json);
      return;
    }
    new ListPrinter<ImportResult>()
        .text("LINE", "line", ImportResult::line)
        .text("SKU", "sku", ImportResult::sku)
        .add(
            Column.left("RESULT"),
            "result",
            result -> label(result.outcome()),
            result -> result.outcome().wireName(),
            result ->
                switch (result.outcome()) {
                  case FAILED, UNKNOWN -> Style.BAD;
                  case UNCHANGED -> Style.QUIET;
                  case CREATED, UPDATED -> Style.GOOD;
                })
        .text("PRODUCT", "product_id", ImportResult::productId)
        .text("MESSAGE", "message", ImportResult::message)
        .print(results, output.format(), out, products.cli().styles());
    if (output.format() == OutputFormat.TABLE) {
      String summary =
          counts.entrySet().stream()
              .map(entry -> entry.getValue() + " " + label(entry.getKey()))
              .collect(Collectors.joining(", "));
      out.println();
      out.printf(
          "%s: %s (%d lines in %.1f s)%n",
          dryRun ? "Dry run, nothing changed" : "Imported " + file.getFileName(),
          summary,
          results.size(),
          seconds);
      out.flush();
    }
  }

  /** An outcome as a person reads it: in a dry run, "would create" rather than "created". */
  private String label(ImportOutcome outcome) {
    if (!dryRun) {
      return outcome.wireName();
    }
    return switch (outcome) {
      case CREATED -> "would create";
      case UPDATED -> "would update";
      default -> outcome.wireName();
    };
  }
}
