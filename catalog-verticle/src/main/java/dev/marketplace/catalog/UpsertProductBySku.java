package dev.marketplace.catalog;

import dev.marketplace.common.bus.BusRequest;
import dev.marketplace.common.bus.Reply;
import dev.marketplace.common.bus.UnitOfWork;
import dev.marketplace.common.bus.WriteOperation;
import dev.marketplace.common.db.ChangeNotices;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.error.FieldError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A seller puts a product by its SKU: creates it, or sets its fields if any differs, or leaves it
 * as it is. Repeating the same request changes nothing and says {@code unchanged}, which is what
 * makes an import safe to run twice; an unchanged put writes nothing and takes no product id.
 * Concurrent puts of one SKU create it once. It is an import of one line (see {@link
 * ProductImport}), answered with the whole product.
 */
public final class UpsertProductBySku implements WriteOperation {

  private final ChangeNotices notices;
  private final ProductImport imports;
  private final SellerProductRepository products;

  public UpsertProductBySku(ChangeNotices notices, SellerProductRepository products) {
    this.notices = notices;
    this.imports = new ProductImport(new ProductImportRepository());
    this.products = products;
  }

  @Override
  public Future<Reply> handle(BusRequest request, UnitOfWork work) {
    long sellerId = request.callerId();
    String sku = request.path().getString("sku");
    ImportLine line = ImportLine.read(1, request.body().copy().put("sku", sku));
    return imports
        .run(work.sql(), sellerId, List.of(line), false)
        .compose(
            results -> {
              ProductImport.Result result = results.getFirst();
              if (result.outcome() == ProductImport.Outcome.FAILED) {
                FieldError problem = result.problems().getFirst();
                // A field the schema let through but a product cannot hold (a price of 1.005) is
                // invalid input; only a line that was valid failed for the SKU's sake.
                throw line.ok()
                    ? new DomainException(ErrorCode.DUPLICATE, problem.message())
                    : DomainException.invalidField(problem.field(), problem.message());
              }
              return products
                  .find(work.sql(), result.productId())
                  .map(
                      product -> {
                        JsonObject body =
                            new JsonObject()
                                .put("outcome", result.outcome().wireName())
                                .put("product", product.orElseThrow().toJson());
                        if (result.outcome() == ProductImport.Outcome.UNCHANGED) {
                          return Reply.ok(body);
                        }
                        work.afterCommitAwaiting(
                            () -> notices.productsChanged(List.of(result.productId())));
                        return result.outcome() == ProductImport.Outcome.CREATED
                            ? Reply.created(body)
                            : Reply.ok(body);
                      });
            });
  }
}
