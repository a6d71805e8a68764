package dev.marketplace.common.error;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The body of every failure: {@code {"error": "<code>", "message": "<sentence>"}}, with {@code
 * fields} (each field and what is wrong with it) when a request was refused as invalid. A throttled
 * request also says when to try again, which the edge sends as the {@code Retry-After} header. The
 * edge adds the request's id to every one it sends.
 */
public record ApiError(
    ErrorCode code, String message, Long retryAfterSeconds, List<FieldError> fields) {

  /** Field that carries {@link #retryAfterSeconds} from a domain verticle to the edge. */
  public static final String RETRY_AFTER = "retry_after";

  public ApiError {
    fields = fields == null ? null : List.copyOf(fields);
  }

  public ApiError(ErrorCode code, String message) {
    this(code, message, null, null);
  }

  public ApiError(ErrorCode code, String message, Long retryAfterSeconds) {
    this(code, message, retryAfterSeconds, null);
  }

  /** A refused request, and what is wrong with each field. */
  public static ApiError invalid(String message, List<FieldError> fields) {
    return new ApiError(ErrorCode.VALIDATION_FAILED, message, null, fields);
  }

  /** The body as clients see it. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("error", code.wireName()).put("message", message);
    if (fields != null) {
      JsonArray list = new JsonArray();
      fields.forEach(field -> list.add(field.toJson()));
      json.put("fields", list);
    }
    return json;
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
