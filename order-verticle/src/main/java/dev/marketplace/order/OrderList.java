package dev.marketplace.order;

import dev.marketplace.common.bus.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** The {@code {"orders": [...]}} answer of every order listing. */
final class OrderList {

  private OrderList() {}

  static Reply reply(List<Order> orders) {
    JsonArray items = new JsonArray();
    orders.forEach(order -> items.add(order.toJson()));
    return Reply.ok(new JsonObject().put("orders", items));
  }
}
