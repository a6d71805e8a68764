package dev.marketplace.common.error;

import io.vertx.core.json.JsonObject;

/** What is wrong with one field of a refused request: its name and a sentence about it. */
public record FieldError(String field, String message) {

  public JsonObject toJson() {
    return new JsonObject().put("field", field).put("message", message);
  }
}
