package dev.marketplace.order;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Where the writing of order events stands: the last event id handed out, and the transactions
 * (PostgreSQL's virtual transaction ids) that may still be writing events with ids up to it.
 */
public record EventPosition(long lastId, List<String> writers) {

  public JsonObject toJson() {
    return new JsonObject().put("last_id", lastId).put("writers", new JsonArray(writers));
  }
}
