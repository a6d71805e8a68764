package dev.marketplace.seller.products;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.SellerProducts;
import dev.marketplace.client.failure.FailureKind;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.model.ImportOutcome;
import dev.marketplace.client.model.ProductImport;
import dev.marketplace.seller.command.ExitCode;
import dev.marketplace.seller.command.LocalFile;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.ListPrinter;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import dev.marketplace.seller.output.Styles;
import dev.marketplace.seller.output.Styles.Style;
import dev.marketplace.seller.output.Table.Column;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code products import FILE}: creates or updates products by SKU through the server's bulk
 * import, {@link SellerProducts#MAX_IMPORT_LINES} lines a request. A bad line is reported with its
 * number and the others go on; the same file again changes nothing. {@code --dry-run} asks the
 * server what would change, and nothing is written.
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

  @ParentCommand ProductsCommand products;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The CSV (or JSON) file.")
  Path file;

  @Option(names = "--dry-run", description = "Only say what would change; nothing is written.")
  boolean dryRun;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    String content = LocalFile.text(spec, file);
    long started = System.nanoTime();
    List<ProductLine> lines = ProductFile.read(content);
    MarketplaceClient client = products.cli().client();
    client.accounts().verify();
    List<ImportResult> results = send(client, lines);
    double seconds = (System.nanoTime() - started) / 1e9;
    report(results, seconds);
    if (results.stream().anyMatch(r -> r.failure() == FailureKind.UNREACHABLE)) {
      return ExitCode.UNREACHABLE;
    }
    return results.stream().anyMatch(r -> r.outcome() == ImportOutcome.FAILED)
        ? ExitCode.REFUSED
        : ExitCode.OK;
  }

  /** The file's lines in order: those read well go to the server in batches, the rest fail here. */
  private List<ImportResult> send(MarketplaceClient client, List<ProductLine> lines) {
    ImportResult[] results = new ImportResult[lines.size()];
    List<Integer> batch = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).ok()) {
        batch.add(i);
      } else {
        results[i] = ImportResult.failed(lines.get(i), lines.get(i).problem(), FailureKind.INVALID);
      }
      if (batch.size() == SellerProducts.MAX_IMPORT_LINES || i == lines.size() - 1) {
        sendBatch(client, lines, batch, results);
        batch.clear();
      }
    }
    return List.of(results);
  }

  private void sendBatch(
      MarketplaceClient client,
      List<ProductLine> lines,
      List<Integer> batch,
      ImportResult[] results) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      ProductImport answer =
          client
              .sellerProducts()
              .importBySku(
                  batch.stream().map(i -> lines.get(i).product()).toList(),
                  dryRun,
                  UUID.randomUUID().toString());
      for (int j = 0; j < batch.size(); j++) {
        ProductLine line = lines.get(batch.get(j));
        ProductImport.Line done = answer.results().get(j);
        results[batch.get(j)] =
            new ImportResult(
                line.line(),
                line.sku(),
                done.outcome(),
                done.productId(),
                done.message(),
                done.outcome() == ImportOutcome.FAILED ? FailureKind.INVALID : null);
      }
    } catch (NotSignedInException e) {
      throw e;
    } catch (MarketplaceException refused) {
      for (int i : batch) {
        results[i] = ImportResult.failed(lines.get(i), refused.getMessage(), refused.kind());
      }
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
        .print(results, output.format(), out, new Styles(products.cli().environment().colour()));
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
