package dev.marketplace.common.bus;

import io.vertx.core.json.JsonObject;

/** A successful answer to an operation: the HTTP status and the JSON body. */
public record Reply(int status, JsonObject body) {

  /** Delivery header that carries {@link #status()} back to the api verticle. */
  public static final String STATUS = "status";

  public static Reply ok(JsonObject body) {
    return new Reply(200, body);
  }

  public static Reply created(JsonObject body) {
    return new Reply(201, body);
  }
}
