package dev.marketplace.common.error;

import io.vertx.core.json.JsonObject;

/**
 * The body of every failure: {@code {"error": "<code>", "message": "<sentence>"}}. A throttled
 * request also says when to try again, which the edge sends as the {@code Retry-After} header.
 */
public record ApiError(ErrorCode code, String message, Long retryAfterSeconds) {

  /** Field that carries {@link #retryAfterSeconds} from a domain verticle to the edge. */
  public static final String RETRY_AFTER = "retry_after";

  public ApiError(ErrorCode code, String message) {
    this(code, message, null);
  }

  /** The body as clients see it. */
  public JsonObject toJson() {
    return new JsonObject().put("error", code.wireName()).put("message", message);
  }

  /** The body as it crosses the event bus, with the retry delay when there is one. */
  public JsonObject toBusJson() {
    JsonObject json = toJson();
    if (retryAfterSeconds != null) {
      json.put(RETRY_AFTER, retryAfterSeconds);
    }
    return json;
  }
}
