package dev.marketplace.app;

import dev.marketplace.api.validation.ContractReferences;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Request bodies for the contract fuzz test, derived from each operation's schema: a valid one, and
 * from it one variant per field (at the top and one level down) and fuzz value, plus each field
 * left out.
 */
final class FuzzBodies {

  /** Ids of objects the fixtures made, for fields that name one. */
  record Ids(long productId, long orderId) {}

  /** A body and what was changed in it. */
  record Variant(Buffer body, String what) {}

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private FuzzBodies() {}

  /** {@code schema} with its {@code $ref} followed, by the service's own walk. */
  static JsonObject resolve(JsonObject contract, JsonObject schema) {
    return new ContractReferences(contract).resolve(schema);
  }

  /** A body the schema accepts, with ids of real objects where a field names one. */
  static JsonObject valid(JsonObject contract, JsonObject schema, Ids ids) {
    Object value = validValue(contract, schema, "body", ids);
    return value instanceof JsonObject object ? object : new JsonObject();
  }

  /** A value {@code schema} accepts for a field or parameter called {@code name}. */
  static Object validValue(JsonObject contract, JsonObject schema, String name, Ids ids) {
    JsonObject s = resolve(contract, schema);
    if (s.containsKey("enum")) {
      return s.getJsonArray("enum").getValue(0);
    }
    String type = typeOf(s);
    return switch (type) {
      case "string" -> validText(s, name);
      case "integer" ->
          name.equals("product_id")
              ? ids.productId()
              : name.equals("order_id") ? ids.orderId() : s.getInteger("minimum", 1);
      case "number" -> 1.5;
      case "boolean" -> true;
      case "null" -> null;
      case "array" ->
          new JsonArray().add(validValue(contract, s.getJsonObject("items"), name, ids));
      default -> validObject(contract, s, ids);
    };
  }

  /** The schema's type; of a list of types such as {@code [string, "null"]}, the first not null. */
  private static String typeOf(JsonObject schema) {
    Object type = schema.getValue("type");
    if (type instanceof JsonArray types) {
      return types.stream()
          .map(String::valueOf)
          .filter(each -> !each.equals("null"))
          .findFirst()
          .orElse("null");
    }
    return type instanceof String single ? single : "object";
  }

  private static JsonObject validObject(JsonObject contract, JsonObject schema, Ids ids) {
    JsonObject object = new JsonObject();
    JsonObject properties = schema.getJsonObject("properties", new JsonObject());
    JsonArray required = schema.getJsonArray("required", new JsonArray());
    for (String field : properties.fieldNames()) {
      // The caller's own id is filled in by the edge; every other field is set.
      if (!field.endsWith("_id") || required.contains(field) || field.equals("product_id")) {
        object.put(field, validValue(contract, properties.getJsonObject(field), field, ids));
      }
    }
    return object;
  }

  private static String validText(JsonObject schema, String name) {
    String format = schema.getString("format", "");
    String pattern = schema.getString("pattern", "");
    if (format.equals("uuid")) {
      return "00000000-0000-4000-8000-00000000000" + (SEQUENCE.incrementAndGet() % 10);
    }
    if (pattern.contains("@") || name.equals("email")) {
      return "fuzz-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    }
    if (name.equals("password")) {
      return "correct-horse-battery";
    }
    // The first plain text its pattern takes (a SKU takes no space, an amount only digits).
    List<String> candidates =
        List.of(
            "fuzz " + name,
            "fuzz-" + name + "-" + SEQUENCE.incrementAndGet(),
            "1.00",
            "1",
            "0123456789abcdef0123456789abcdef");
    Pattern rule = Pattern.compile(pattern);
    return candidates.stream()
        .filter(candidate -> rule.matcher(candidate).find())
        .findFirst()
        .orElse("fuzz " + name);
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() <= 40 ? text : text.substring(0, 40) + "…(" + text.length() + ")";
  }

  /** Every field (top level and one down) set to every fuzz value, and each field left out. */
  static List<Variant> mutations(JsonObject contract, JsonObject schema, JsonObject valid) {
    List<Variant> variants = new ArrayList<>();
    JsonObject properties = resolve(contract, schema).getJsonObject("properties", new JsonObject());
    for (String field : properties.fieldNames()) {
      for (Object value : FuzzValues.bodyValues()) {
        variants.add(
            new Variant(valid.copy().put(field, value).toBuffer(), field + "=" + shown(value)));
      }
      JsonObject withoutField = valid.copy();
      withoutField.remove(field);
      variants.add(new Variant(withoutField.toBuffer(), "without " + field));
      Object inner = valid.getValue(field);
      JsonObject innerObject =
          inner instanceof JsonArray array
                  && !array.isEmpty()
                  && array.getValue(0) instanceof JsonObject first
              ? first
              : inner instanceof JsonObject object ? object : null;
      if (innerObject == null) {
        continue;
      }
      for (String innerField : innerObject.fieldNames()) {
        for (Object value : FuzzValues.bodyValues()) {
          JsonObject changed = innerObject.copy().put(innerField, value);
          JsonObject body =
              valid
                  .copy()
                  .put(field, inner instanceof JsonArray ? new JsonArray().add(changed) : changed);
          variants.add(new Variant(body.toBuffer(), field + "." + innerField + "=" + shown(value)));
        }
      }
    }
    return variants;
  }
}
