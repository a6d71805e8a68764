package dev.marketplace.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Finds text that PostgreSQL cannot store: it refuses the NUL character (U+0000) in any text value,
 * so a request carrying one anywhere is refused at the edge as invalid input, whichever field and
 * whichever operation, instead of failing in the database.
 */
final class NulCharacters {

  private NulCharacters() {}

  /** The name of the first field of {@code json} (at any depth) holding a NUL, or null. */
  static String fieldWithNul(JsonObject json) {
    for (Map.Entry<String, Object> entry : json) {
      if (entry.getKey().indexOf('\0') >= 0) {
        return "a field name";
      }
      String inside = inValue(entry.getValue());
      if (inside != null) {
        return entry.getKey() + inside;
      }
    }
    return null;
  }

  /**
   * "" when {@code value} is text with a NUL, the path below it when deeper ({@code .name}, {@code
   * [0].category}: as the validator's violations name fields), or null.
   */
  private static String inValue(Object value) {
    if (value instanceof String text) {
      return text.indexOf('\0') >= 0 ? "" : null;
    }
    if (value instanceof JsonObject object) {
      String inside = fieldWithNul(object);
      return inside == null ? null : "." + inside;
    }
    if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        String inside = inValue(array.getValue(i));
        if (inside != null) {
          return "[" + i + "]" + inside;
        }
      }
    }
    return null;
  }
}
