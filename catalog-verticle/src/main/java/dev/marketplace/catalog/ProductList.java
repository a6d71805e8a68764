package dev.marketplace.catalog;

import dev.marketplace.common.bus.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The {@code {"products": [...]}} answer of every product listing. */
final class ProductList {

  private ProductList() {}

  static Reply reply(List<Product> products) {
    JsonArray items = new JsonArray();
    products.forEach(product -> items.add(product.toJson()));
    return Reply.ok(new JsonObject().put("products", items));
  }
}
