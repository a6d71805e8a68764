package dev.marketplace.codegen;

import java.util.List;
import java.util.Map;

/** A value read from the contract's YAML (maps, lists, text, numbers, booleans) as JSON text. */
final class JsonText {

  private JsonText() {}

  static String of(Object value) {
    StringBuilder json = new StringBuilder();
    append(json, value);
    return json.toString();
  }

  private static void append(StringBuilder json, Object value) {
    switch (value) {
      case null -> json.append("null");
      case Map<?, ?> map -> {
        json.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!first) {
            json.append(',');
          }
          first = false;
          text(json, String.valueOf(entry.getKey()));
          json.append(':');
          append(json, entry.getValue());
        }
        json.append('}');
      }
      case List<?> list -> {
        json.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            json.append(',');
          }
          append(json, list.get(i));
        }
        json.append(']');
      }
      case Number number -> json.append(number);
      case Boolean bool -> json.append(bool);
      default -> text(json, value.toString());
    }
  }

  private static void text(StringBuilder json, String text) {
    json.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
