package dev.marketplace.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A successful answer to an operation: the HTTP status and the JSON body. */
public record Reply(int status, JsonObject body) {

  /** Delivery header that carries {@link #status()} back to the api verticle. */
  public static final String STATUS = "status";

  public static Reply ok(JsonObject body) {
    return new Reply(200, body);
  }

  /** A 204: done, nothing to say. */
  public static Reply noContent() {
    return new Reply(204, null);
  }

  public static Reply created(JsonObject body) {
    return new Reply(201, body);
  }

  /** A 200 whose body holds the items under {@code field}, e.g. {@code {"products": [...]}}. */
  public static <T> Reply list(String field, List<T> items, Function<T, JsonObject> toJson) {
    JsonArray array = new JsonArray(new ArrayList<>(items.size()));
    items.forEach(item -> array.add(toJson.apply(item)));
    return ok(new JsonObject().put(field, array));
  }
}
