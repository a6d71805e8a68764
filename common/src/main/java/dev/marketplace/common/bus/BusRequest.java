package dev.marketplace.common.bus;

import dev.marketplace.common.error.DomainException;
import io.vertx.core.json.JsonObject;

/**
 * What the api verticle sends a domain verticle for one HTTP operation: the validated path and
 * query parameters and the validated body. The operation id travels in the {@value #ACTION} header.
 */
public record BusRequest(JsonObject path, JsonObject query, JsonObject body) {

  public static final String ACTION = "action";

  public BusRequest {
    path = path == null ? new JsonObject() : path;
    query = query == null ? new JsonObject() : query;
    body = body == null ? new JsonObject() : body;
  }

  public static BusRequest fromJson(JsonObject json) {
    return new BusRequest(
        json.getJsonObject("path"), json.getJsonObject("query"), json.getJsonObject("body"));
  }

  public JsonObject toJson() {
    return new JsonObject().put("path", path).put("query", query).put("body", body);
  }

  public long pathId(String name) {
    Long value = path.getLong(name);
    if (value == null) {
      throw DomainException.badRequest("path parameter " + name + " is required");
    }
    return value;
  }

  public int limit() {
    return query.getInteger("limit", 50);
  }
}
