package dev.marketplace.api.validation;

import dev.marketplace.api.validation.Violation.Rules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Says what is wrong with a request in a person's words, from facts alone: the field, the rule and
 * the limits the schema sets ("password must be at least 8 characters", "sort must be one of
 * newest, price_asc, ..."). A pattern cannot be read out, so the contract says what it means in
 * {@value #PATTERN_RULE} next to it ("must be an address like ada@example.com").
 */
public final class ViolationWording {

  /** The contract's extension beside a {@code pattern}: what the pattern asks, from "must". */
  public static final String PATTERN_RULE = "x-pattern-rule";

  private ViolationWording() {}

  /** One sentence, without a final stop, that names the field and the rule. */
  public static String sentence(Violation violation) {
    String field = violation.field();
    String who = Violation.BODY.equals(field) ? "the body" : field;
    JsonObject schema = violation.schema();
    return switch (violation.rule()) {
      case "required" ->
          Violation.BODY.equals(field) ? "a JSON body is required" : field + " is required";
      case "additionalProperties" -> field + " is not a known field";
      case "type" -> who + " must be " + typeNoun(schema.getValue("type"));
      case "minLength" ->
          number(schema, "minLength").equals("1")
              ? who + " must not be empty"
              : who + " must be at least " + number(schema, "minLength") + " characters";
      case "maxLength" -> who + " must be at most " + number(schema, "maxLength") + " characters";
      case "minimum" -> who + " must be at least " + number(schema, "minimum");
      case "maximum" -> who + " must be at most " + number(schema, "maximum");
      case "exclusiveMinimum" -> who + " must be more than " + number(schema, "exclusiveMinimum");
      case "exclusiveMaximum" -> who + " must be less than " + number(schema, "exclusiveMaximum");
      case "multipleOf" -> who + " must be a multiple of " + number(schema, "multipleOf");
      case "enum" -> who + " must be one of " + choices(schema.getJsonArray("enum"));
      case "const" -> who + " must be " + schema.getValue("const");
      case "pattern" ->
          schema.getString(PATTERN_RULE) != null
              ? who + " " + schema.getString(PATTERN_RULE)
              : who + " must match the pattern " + schema.getString("pattern");
      case "format" -> who + " must be " + formatNoun(schema.getString("format"));
      case "minItems" ->
          number(schema, "minItems").equals("1")
              ? who + " must not be empty"
              : who + " must have at least " + number(schema, "minItems") + " items";
      case "maxItems" -> who + " must have at most " + number(schema, "maxItems") + " items";
      case "uniqueItems" -> who + " must not list the same item twice";
      case "minProperties" ->
          who
              + " must have at least "
              + number(schema, "minProperties")
              + (number(schema, "minProperties").equals("1") ? " field" : " fields");
      case "maxProperties" ->
          who + " must have at most " + number(schema, "maxProperties") + " fields";
      case Rules.JSON -> "the body is not valid JSON";
      case Rules.NO_NUL -> who + " must not contain the NUL character (U+0000)";
      default -> who + " is not allowed as sent (rule " + violation.rule() + ")";
    };
  }

  /** The sentences of several violations, one per field and rule, joined for {@code message}. */
  public static String message(List<Violation> violations) {
    List<String> sentences = new ArrayList<>();
    for (Violation violation : violations) {
      String sentence = sentence(violation);
      if (!sentences.contains(sentence)) {
        sentences.add(sentence);
      }
    }
    return String.join("; ", sentences);
  }

  private static String typeNoun(Object type) {
    if (type instanceof JsonArray types) {
      List<String> nouns = new ArrayList<>();
      types.forEach(each -> nouns.add(typeNoun(each)));
      return String.join(" or ", nouns);
    }
    return switch (Objects.toString(type)) {
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "string" -> "text";
      case "boolean" -> "true or false";
      case "object" -> "a JSON object";
      case "array" -> "a list";
      case "null" -> "null";
      default -> "of type " + type;
    };
  }

  private static String formatNoun(String format) {
    return switch (Objects.toString(format)) {
      case "date" -> "a date like 2026-11-25";
      case "date-time" -> "a date and time like 2026-11-24T14:00:00Z";
      case "uuid" -> "a UUID like 3f2c7e9a-51b4-4c1e-9d7a-0b6f2e8c4a10";
      case "email" -> "an address like ada@example.com";
      case "int32" -> "a whole number from -2147483648 to 2147483647";
      case "int64" -> "a whole number from -9223372036854775808 to 9223372036854775807";
      default -> "in the format " + format;
    };
  }

  private static String choices(JsonArray values) {
    List<String> names = new ArrayList<>();
    if (values != null) {
      values.forEach(
          value -> {
            if (value != null) {
              names.add(value.toString());
            }
          });
    }
    return String.join(", ", names);
  }

  /** A limit as people write it: 9999999999.99, not 9.99999999999E9. */
  private static String number(JsonObject schema, String keyword) {
    Object value = schema.getValue(keyword);
    if (value == null) {
      return "?";
    }
    return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
  }
}
