package dev.marketplace.common.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A successful answer to an operation: the HTTP status, the JSON body and, for an answer read on a
 * replica, the position in the primary's WAL that the replica had replayed when it was read (null
 * when read on the primary: as new as can be).
 */
public record Reply(int status, JsonObject body, Long readAt) {

  /** Delivery header that carries {@link #status()} back to the api verticle. */
  public static final String STATUS = "status";

  /** Delivery header that carries {@link #readAt()}, when there is one. */
  public static final String READ_AT = "read-at";

  /**
   * Delivery header of a write's answer: a position in the primary's WAL at or past its commit, or
   * {@value #UNKNOWN_POSITION} when the primary could not say (see {@link BusRequest#write()}).
   */
  public static final String WRITTEN_AT = "written-at";

  /** A position no replica will reach: read on the primary. */
  public static final String UNKNOWN_POSITION = "unknown";

  public Reply(int status, JsonObject body) {
    this(status, body, null);
  }

  /** This answer, read on a replica that had replayed up to {@code position}. */
  public Reply readAt(long position) {
    return new Reply(status, body, position);
  }

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
