// Over 300 lines: the values of every kind and limit a body is tried with, next to each other.
package dev.marketplace.api.openapi;

import dev.marketplace.api.validation.ContractReferences;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies drawn from a JSON schema of the contract, for the differential test: valid ones
 * (random, and at every limit the schema sets), and from each of them one changed at one place:
 * every field given values of every JSON type, values just inside and just outside each limit,
 * numbers of every Java type the JSON decoder makes (1.0, 1e400, a BigInteger), text counted in
 * surrogate pairs, fields left out, fields the schema does not know (with names a JSON pointer
 * escapes), lists at and past their sizes. Seeded: every run draws the same bodies.
 */
final class BodySamples {

  /** A value that is written into the JSON text as it is (1e400, -0.0, 1.0). */
  private record Raw(String text) {}

  private static final Pattern RAW = Pattern.compile("\"\\\\u0001RAW:(.*?)\\\\u0001\"");

  private static final List<String> ODD_KEYS =
      List.of(
          "",
          "0",
          "12",
          "a b",
          "a/b",
          "~",
          "~1",
          "a~0b",
          "é",
          "\uD83D\uDCA5",
          "#x",
          "%41",
          "\u0000",
          "a.b",
          "A",
          "name ",
          "[0]");

  // Follows the contract's $refs with the walk the service's own error wording uses.
  private final ContractReferences references;
  private final Random random;

  BodySamples(JsonObject contract, long seed) {
    this.references = new ContractReferences(contract);
    this.random = new Random(seed);
  }

  /** The JSON text of {@code value}, with {@link Raw} values written as they are. */
  static String text(Object value) {
    String json = Json.encode(raws(value));
    Matcher raw = RAW.matcher(json);
    return raw.replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
  }

  private static Object raws(Object value) {
    return switch (value) {
      case Raw raw -> "\u0001RAW:" + raw.text() + "\u0001";
      case JsonObject object -> {
        JsonObject copy = new JsonObject();
        object.forEach(entry -> copy.put(entry.getKey(), raws(entry.getValue())));
        yield copy;
      }
      case JsonArray array -> {
        JsonArray copy = new JsonArray();
        array.forEach(item -> copy.add(raws(item)));
        yield copy;
      }
      case null, default -> value;
    };
  }

  /** {@code count} valid bodies of {@code schema}, and variants of each changed at one place. */
  List<String> bodies(JsonObject schema, int count) {
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Object valid = valid(schema, i % 3 == 0);
      bodies.add(text(valid));
      for (Object variant : variants(schema, valid)) {
        bodies.add(text(variant));
      }
    }
    return bodies;
  }

  /** A value {@code schema} accepts; {@code full}: every optional field too. */
  Object valid(JsonObject schema, boolean full) {
    JsonObject s = references.resolve(schema);
    if (s.containsKey("enum")) {
      JsonArray values = s.getJsonArray("enum");
      return values.getValue(random.nextInt(values.size()));
    }
    return switch (typeOf(s)) {
      case "string" -> validText(s);
      case "integer" -> validInteger(s);
      case "number" -> validNumber(s);
      case "boolean" -> random.nextBoolean();
      case "null" -> null;
      case "array" -> {
        int min = s.getInteger("minItems", 0);
        int max = Math.min(s.getInteger("maxItems", min + 3), min + 3);
        JsonArray array = new JsonArray();
        int size = min + random.nextInt(max - min + 1);
        for (int i = 0; i < size; i++) {
          array.add(valid(s.getJsonObject("items", new JsonObject()), full));
        }
        yield array;
      }
      default -> {
        JsonObject object = new JsonObject();
        JsonObject properties = s.getJsonObject("properties", new JsonObject());
        JsonArray required = s.getJsonArray("required", new JsonArray());
        for (String field : properties.fieldNames()) {
          if (full || required.contains(field) || random.nextBoolean()) {
            object.put(field, valid(properties.getJsonObject(field), full));
          }
        }
        if (object.size() < s.getInteger("minProperties", 0) && !properties.isEmpty()) {
          String first = properties.fieldNames().iterator().next();
          object.put(first, valid(properties.getJsonObject(first), full));
        }
        yield object;
      }
    };
  }

  /** {@code valid} changed at one place at a time: each field, and the body itself. */
  private List<Object> variants(JsonObject schema, Object valid) {
    List<Object> variants = new ArrayList<>();
    for (Object value : values(references.resolve(schema))) {
      variants.add(value);
    }
    placesIn(schema, valid, new ArrayList<>(), variants, valid);
    return variants;
  }

  /**
   * Adds a variant of {@code body} for each change at {@code value} (at {@code path}) and below.
   */
  private void placesIn(
      JsonObject schema, Object value, List<Object> path, List<Object> variants, Object body) {
    JsonObject s = references.resolve(schema);
    if (value instanceof JsonObject object) {
      JsonObject properties = s.getJsonObject("properties", new JsonObject());
      for (String field : properties.fieldNames()) {
        List<Object> at = new ArrayList<>(path);
        at.add(field);
        for (Object changed : values(references.resolve(properties.getJsonObject(field)))) {
          variants.add(replaced(body, at, changed));
        }
        if (object.containsKey(field)) {
          variants.add(removed(body, at));
          placesIn(properties.getJsonObject(field), object.getValue(field), at, variants, body);
        }
      }
      for (String key : ODD_KEYS) {
        List<Object> at = new ArrayList<>(path);
        at.add(key);
        variants.add(replaced(body, at, random.nextBoolean() ? 1 : "x"));
      }
      if (!object.isEmpty()) {
        variants.add(replaced(body, path, new JsonObject()));
      }
    } else if (value instanceof JsonArray array) {
      JsonObject items = s.getJsonObject("items", new JsonObject());
      for (int i = 0; i < array.size(); i++) {
        List<Object> at = new ArrayList<>(path);
        at.add(i);
        placesIn(items, array.getValue(i), at, variants, body);
        for (Object changed : values(references.resolve(items))) {
          if (random.nextInt(4) == 0) {
            variants.add(replaced(body, at, changed));
          }
        }
      }
      for (int size :
          List.of(
              s.getInteger("minItems", 0) - 1,
              s.getInteger("minItems", 0),
              s.getInteger("maxItems", 3),
              s.getInteger("maxItems", 3) + 1)) {
        if (size >= 0) {
          JsonArray sized = new JsonArray();
          for (int i = 0; i < size; i++) {
            sized.add(
                array.isEmpty() || random.nextInt(8) == 0
                    ? valid(items, false)
                    : array.getValue(i % array.size()));
          }
          variants.add(replaced(body, path, sized));
        }
      }
    }
  }

  /**
   * Values to try in place of one that {@code schema} checks: of every JSON type, and at and beyond
   * each of its limits.
   */
  private List<Object> values(JsonObject schema) {
    List<Object> values = new ArrayList<>();
    values.add(null);
    values.add(true);
    values.add("");
    values.add(" ");
    values.add("x");
    values.add(new JsonArray());
    values.add(new JsonObject());
    values.add(new JsonObject().put("a", 1));
    values.add(new JsonArray().add(1));
    for (Object number :
        List.of(
            0,
            1,
            -1,
            7,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            (long) Integer.MAX_VALUE + 1,
            Long.MAX_VALUE,
            new BigInteger("99999999999999999999"),
            new Raw("1.0"),
            new Raw("1.5"),
            new Raw("-0.0"),
            new Raw("0.0"),
            new Raw("1e2"),
            new Raw("1E400"),
            new Raw("-1e400"),
            new Raw("1e-400"),
            new Raw("0.001"),
            new Raw("9007199254740993"),
            new Raw("9007199254740991.5"))) {
      values.add(number);
    }
    if (schema.containsKey("enum")) {
      for (Object value : schema.getJsonArray("enum")) {
        values.add(value);
        values.add(value.toString().toUpperCase(Locale.ROOT));
        values.add(value + " ");
      }
    }
    for (String keyword : List.of("minLength", "maxLength")) {
      Integer length = schema.getInteger(keyword);
      if (length != null) {
        for (int n : List.of(length - 1, length, length + 1)) {
          if (n >= 0) {
            values.add("x".repeat(n));
            values.add("\uD83D\uDCA5".repeat(n));
            values.add("a" + "\uD83D\uDCA5".repeat(Math.max(0, n - 1)));
            values.add(" ".repeat(n));
          }
        }
      }
    }
    for (String keyword : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
      if (schema.getValue(keyword) instanceof Number bound) {
        BigDecimal exact = new BigDecimal(bound.toString());
        for (BigDecimal step : List.of(BigDecimal.ONE, new BigDecimal("0.01"))) {
          for (BigDecimal value : List.of(exact.subtract(step), exact, exact.add(step))) {
            values.add(new Raw(value.toPlainString()));
            if (value.stripTrailingZeros().scale() <= 0) {
              values.add(new Raw(value.toBigInteger() + ".0"));
            }
          }
        }
      }
    }
    if (schema.containsKey("pattern") || schema.containsKey("format")) {
      values.add(validText(schema) + "\n");
      values.add("\n" + validText(schema));
      values.add(validText(schema).toUpperCase(Locale.ROOT));
      values.add(" " + validText(schema));
      values.add("\t");
      values.add("urn:uuid:" + UUID.randomUUID());
      values.add(UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
      values.add(UUID.randomUUID().toString().replace("-", ""));
      values.add("ada@example");
      values.add("ada@@example.com");
      values.add("a@b.c");
      values.add("19.999");
      values.add("19.99");
      values.add("-1");
      values.add(".5");
      values.add("-sku");
      values.add("SKU_1.a-b");
    }
    values.add(valid(schema, random.nextBoolean()));
    return values;
  }

  private String validText(JsonObject schema) {
    int min = schema.getInteger("minLength", 0);
    int max = schema.getInteger("maxLength", min + 30);
    if ("uuid".equals(schema.getString("format"))) {
      String uuid = UUID.randomUUID().toString();
      return switch (random.nextInt(3)) {
        case 0 -> uuid.toUpperCase(Locale.ROOT);
        case 1 -> "urn:uuid:" + uuid;
        default -> uuid;
      };
    }
    Pattern pattern =
        schema.containsKey("pattern") ? Pattern.compile(schema.getString("pattern")) : null;
    for (int attempt = 0; attempt < 200; attempt++) {
      String candidate =
          switch (random.nextInt(4)) {
            case 0 -> word(1 + random.nextInt(8)) + "@" + word(1 + random.nextInt(6)) + ".com";
            case 1 ->
                random.nextInt(100000) + (random.nextBoolean() ? "." + random.nextInt(100) : "");
            case 2 -> word(1 + random.nextInt(10)) + (random.nextBoolean() ? " " + word(3) : "");
            default -> {
              int length = min + random.nextInt(Math.min(max, min + 12) - min + 1);
              yield random.nextInt(3) == 0 ? "\uD83D\uDCA5".repeat(length) : word(length);
            }
          };
      int length = candidate.codePointCount(0, candidate.length());
      if (length >= min
          && length <= max
          && (pattern == null || pattern.matcher(candidate).find())) {
        return candidate;
      }
    }
    throw new IllegalStateException("no text found for " + schema.encode());
  }

  private String word(int length) {
    StringBuilder word = new StringBuilder();
    String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    for (int i = 0; i < length; i++) {
      word.append(letters.charAt(random.nextInt(i == 0 ? 62 : letters.length())));
    }
    return word.toString();
  }

  private Object validInteger(JsonObject schema) {
    long min = schema.getValue("minimum") instanceof Number n ? n.longValue() : -1000;
    long max = schema.getValue("maximum") instanceof Number n ? n.longValue() : 1000;
    long value =
        switch (random.nextInt(4)) {
          case 0 -> min;
          case 1 -> max;
          default -> min + (long) (random.nextDouble() * (max - min));
        };
    return value == (int) value ? (Object) (int) value : (Object) value;
  }

  private Object validNumber(JsonObject schema) {
    double max = schema.getValue("maximum") instanceof Number n ? n.doubleValue() : 1000;
    return switch (random.nextInt(4)) {
      case 0 -> max;
      case 1 -> 0.01;
      case 2 -> 1 + random.nextInt(1000);
      default -> new BigDecimal(random.nextInt(100000)).movePointLeft(2).doubleValue() + 0.01;
    };
  }

  private static String typeOf(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof JsonArray types) {
      return types.getString(0);
    }
    return type instanceof String single ? single : "object";
  }

  /** A copy of {@code body} with the value at {@code path} set to {@code value}. */
  private static Object replaced(Object body, List<Object> path, Object value) {
    if (path.isEmpty()) {
      return value;
    }
    Object copy = copy(body);
    Object parent = at(copy, path.subList(0, path.size() - 1));
    Object last = path.getLast();
    if (parent instanceof JsonObject object) {
      object.put(last.toString(), value);
    } else if (parent instanceof JsonArray array) {
      array.set((Integer) last, value);
    }
    return copy;
  }

  /** A copy of {@code body} without the field at {@code path}. */
  private static Object removed(Object body, List<Object> path) {
    Object copy = copy(body);
    if (at(copy, path.subList(0, path.size() - 1)) instanceof JsonObject object) {
      object.remove(path.getLast().toString());
    }
    return copy;
  }

  private static Object at(Object body, List<Object> path) {
    Object node = body;
    for (Object step : path) {
      node =
          node instanceof JsonObject object
              ? object.getValue(step.toString())
              : ((JsonArray) node).getValue((Integer) step);
    }
    return node;
  }

  private static Object copy(Object body) {
    return switch (body) {
      case JsonObject object -> {
        JsonObject copy = new JsonObject();
        object.forEach(entry -> copy.put(entry.getKey(), copy(entry.getValue())));
        yield copy;
      }
      case JsonArray array -> {
        JsonArray copy = new JsonArray();
        array.forEach(item -> copy.add(copy(item)));
        yield copy;
      }
      case null, default -> body;
    };
  }
}
