package dev.marketplace.common.error;

import io.vertx.core.json.JsonObject;

/** The body of every failure: {@code {"error": "<code>", "message": "<sentence>"}}. */
public record ApiError(ErrorCode code, String message) {

  public JsonObject toJson() {
    return new JsonObject().put("error", code.wireName()).put("message", message);
  }
}
