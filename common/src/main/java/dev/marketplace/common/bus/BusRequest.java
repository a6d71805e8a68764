package dev.marketplace.common.bus;

import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/**
 * What the api verticle sends a domain verticle for one HTTP operation: who calls, the validated
 * path, query and header parameters the contract declares, and the validated body. The operation id
 * travels in the {@value #ACTION} header.
 */
public record BusRequest(
    Caller caller, JsonObject path, JsonObject query, JsonObject headers, JsonObject body) {

  public static final String ACTION = "action";

  /** Options for a request that asks for {@code action} and waits {@code timeoutMillis} at most. */
  public static DeliveryOptions deliveryOf(BusAction action, long timeoutMillis) {
    return new DeliveryOptions().addHeader(ACTION, action.id()).setSendTimeout(timeoutMillis);
  }

  public BusRequest {
    caller = caller == null ? Caller.anonymous(null) : caller;
    path = path == null ? new JsonObject() : path;
    query = query == null ? new JsonObject() : query;
    headers = headers == null ? new JsonObject() : headers;
    body = body == null ? new JsonObject() : body;
  }

  public static BusRequest fromJson(JsonObject json) {
    return new BusRequest(
        Caller.fromJson(json.getJsonObject("caller")),
        json.getJsonObject("path"),
        json.getJsonObject("query"),
        json.getJsonObject("headers"),
        json.getJsonObject("body"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("caller", caller.toJson())
        .put("path", path)
        .put("query", query)
        .put("headers", headers)
        .put("body", body);
  }

  /**
   * The authenticated account making the request. The edge lets no protected operation through
   * without one; failing here too keeps a wiring mistake from becoming a hole.
   */
  public long callerId() {
    if (!caller.authenticated()) {
      throw new DomainException(ErrorCode.UNAUTHORIZED, "Authentication is required.");
    }
    return caller.accountId();
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
