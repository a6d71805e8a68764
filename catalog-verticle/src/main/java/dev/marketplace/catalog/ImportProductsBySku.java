package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.db.ChangeNotices;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A seller creates or updates many products by SKU in one request (see {@link ProductImport}), with
 * an outcome per line and a summary; {@code dry_run} says the same without writing. Honours {@code
 * Idempotency-Key}: a retry gets the first answer and writes nothing again.
 */
public final class ImportProductsBySku implements WriteOperation {

  private final ChangeNotices notices;
  private final ProductImport imports;

  public ImportProductsBySku(ChangeNotices notices) {
    this.notices = notices;
    this.imports = new ProductImport(new ProductImportRepository());
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    JsonObject body = request.body();
    boolean dryRun = body.getBoolean("dry_run", false);
    JsonArray given = body.getJsonArray("lines");
    List<ImportLine> lines = new ArrayList<>(given.size());
    for (int i = 0; i < given.size(); i++) {
      lines.add(ImportLine.read(i + 1, given.getJsonObject(i)));
    }
    return imports
        .run(work.sql(), request.callerId(), lines, dryRun)
        .map(
            results -> {
              Map<String, Integer> summary = new LinkedHashMap<>();
              for (ProductImport.Outcome outcome : ProductImport.Outcome.values()) {
                summary.put(outcome.wireName(), 0);
              }
              List<Long> written = new ArrayList<>();
              JsonArray answers = new JsonArray();
              for (ProductImport.Result result : results) {
                summary.merge(result.outcome().wireName(), 1, Integer::sum);
                answers.add(result.toJson());
                if (result.outcome() == ProductImport.Outcome.CREATED
                    || result.outcome() == ProductImport.Outcome.UPDATED) {
                  written.add(result.productId());
                }
              }
              if (!dryRun && !written.isEmpty()) {
                work.afterCommitAwaiting(() -> notices.productsChanged(written));
              }
              return Reply.ok(
                  new JsonObject()
                      .put("dry_run", dryRun)
                      .put("results", answers)
                      .put("summary", new JsonObject(new LinkedHashMap<>(summary))));
            });
  }
}
