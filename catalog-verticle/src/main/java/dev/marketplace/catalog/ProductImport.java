package dev.marketplace.catalog;

import dev.marketplace.common.error.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates or updates a seller's products by SKU, many lines at once, in a few set-based statements
 * run in the caller's transaction: read (and lock) the lines' products, update those that differ,
 * insert those that are new. Each line gets its outcome; a bad line fails alone. A dry run reads
 * only. A new SKU that a concurrent request creates between the read and the insert is read once
 * more and updated like any other.
 */
final class ProductImport {

  /** What one line did (or, in a dry run, would do). */
  enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    FAILED;

    String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One line's outcome: its product's id, unless it failed (with why) or is yet to be created. */
  record Result(ImportLine line, Outcome outcome, Long productId, List<FieldError> problems) {

    JsonObject toJson() {
      JsonObject json =
          new JsonObject()
              .put("line", line.line())
              .put("sku", line.sku())
              .put("outcome", outcome.wireName())
              .put("product_id", productId);
      if (outcome == Outcome.FAILED) {
        json.put("message", String.join("; ", problems.stream().map(FieldError::message).toList()))
            .put("fields", new JsonArray(problems.stream().map(FieldError::toJson).toList()));
      }
      return json;
    }
  }

  private final ProductImportRepository products;

  ProductImport(ProductImportRepository products) {
    this.products = products;
  }

  Future<List<Result>> run(SqlClient sql, long sellerId, List<ImportLine> lines, boolean dryRun) {
    Result[] results = new Result[lines.size()];
    Map<String, Integer> firstLineOfSku = new HashMap<>();
    List<Integer> valid = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      ImportLine line = lines.get(i);
      if (!line.ok()) {
        results[i] = failed(line, line.problems());
        continue;
      }
      Integer earlier = firstLineOfSku.putIfAbsent(line.sku(), line.line());
      if (earlier != null) {
        results[i] =
            failed(
                line,
                List.of(
                    new FieldError("sku", "sku " + line.sku() + " is already on line " + earlier)));
        continue;
      }
      valid.add(i);
    }
    List<String> skus = valid.stream().map(i -> lines.get(i).sku()).toList();
    return products
        .bySku(sql, sellerId, skus, !dryRun)
        .compose(
            existing -> {
              Map<Long, ImportLine> changed = new LinkedHashMap<>();
              List<Integer> fresh = new ArrayList<>();
              classify(lines, valid, existing, results, changed, fresh);
              if (dryRun) {
                fresh.forEach(
                    i -> results[i] = new Result(lines.get(i), Outcome.CREATED, null, null));
                return Future.succeededFuture(List.of(results));
              }
              return products
                  .update(sql, changed)
                  .compose(updated -> products.insert(sql, sellerId, pick(lines, fresh)))
                  .compose(
                      created -> {
                        List<Integer> raced = new ArrayList<>();
                        for (int i : fresh) {
                          Long id = created.get(lines.get(i).sku());
                          if (id == null) {
                            raced.add(i);
                          } else {
                            results[i] = new Result(lines.get(i), Outcome.CREATED, id, null);
                          }
                        }
                        return raced.isEmpty()
                            ? Future.succeededFuture(List.of(results))
                            : settleRaced(sql, sellerId, lines, raced, results);
                      });
            });
  }

  /** Lines whose SKU a concurrent request created: now they exist, so they update or not. */
  private Future<List<Result>> settleRaced(
      SqlClient sql, long sellerId, List<ImportLine> lines, List<Integer> raced, Result[] results) {
    List<String> skus = raced.stream().map(i -> lines.get(i).sku()).toList();
    return products
        .bySku(sql, sellerId, skus, true)
        .compose(
            existing -> {
              Map<Long, ImportLine> changed = new LinkedHashMap<>();
              List<Integer> stillMissing = new ArrayList<>();
              classify(lines, raced, existing, results, changed, stillMissing);
              for (int i : stillMissing) {
                results[i] =
                    failed(
                        lines.get(i),
                        List.of(
                            new FieldError(
                                "sku",
                                "sku "
                                    + lines.get(i).sku()
                                    + " changed while this import ran; import the line again")));
              }
              return products.update(sql, changed).map(done -> List.of(results));
            });
  }

  private static void classify(
      List<ImportLine> lines,
      List<Integer> indexes,
      Map<String, Product> existing,
      Result[] results,
      Map<Long, ImportLine> changed,
      List<Integer> fresh) {
    for (int i : indexes) {
      ImportLine line = lines.get(i);
      Product product = existing.get(line.sku());
      if (product == null) {
        fresh.add(i);
      } else if (line.sameAs(product)) {
        results[i] = new Result(line, Outcome.UNCHANGED, product.id(), null);
      } else {
        results[i] = new Result(line, Outcome.UPDATED, product.id(), null);
        changed.put(product.id(), line);
      }
    }
  }

  private static List<ImportLine> pick(List<ImportLine> lines, List<Integer> indexes) {
    return indexes.stream().map(lines::get).toList();
  }

  private static Result failed(ImportLine line, List<FieldError> problems) {
    return new Result(line, Outcome.FAILED, null, problems);
  }
}
