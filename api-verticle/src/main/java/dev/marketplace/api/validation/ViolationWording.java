package dev.marketplace.api.validation;

import dev.marketplace.api.validation.Violation.Rules;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Says what is wrong with a request in a person's words, from facts alone: the field, the rule and
 * the limits the schema sets ("password must be at least 8 characters", "sort must be one of
 * newest, price_asc, ..."). A pattern cannot be read out, so the contract says what it means in
 * {@value #PATTERN_RULE} next to it ("must be an address like ada@example.com").
 */
public final class ViolationWording {

  /** The contract's extension beside a {@code pattern}: what the pattern asks, from "must". */
  public static final String PATTERN_RULE = "x-pattern-rule";

  private static final Set<String> INTEGER_FORMATS = Set.of("int32", "int64");
  private static final Set<String> BOUNDS =
      Set.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");

  private ViolationWording() {}

  /** One sentence, without a final stop, that names the field and the rule. */
  public static String sentence(Violation violation) {
    String field = violation.field();
    String who = Violation.BODY.equals(field) ? "the body" : field;
    JsonObject schema = violation.schema();
    return switch (violation.rule()) {
      case "required" ->
          Violation.BODY.equals(field) ? "a JSON body is required" : field + " is required";
      case "additionalProperties", "unevaluatedProperties" -> field + " is not a known field";
      case "type" -> who + " must be " + typeNoun(schema.getValue("type"));
      case "minLength" ->
          "1".equals(number(schema, "minLength"))
              ? who + " must not be empty"
              : limited(who, schema, "minLength", "must be at least %s characters", "is too short");
      case "maxLength" ->
          limited(who, schema, "maxLength", "must be at most %s characters", "is too long");
      case "minimum" -> limited(who, schema, "minimum", "must be at least %s", "is too small");
      case "maximum" -> limited(who, schema, "maximum", "must be at most %s", "is too large");
      case "exclusiveMinimum" ->
          limited(who, schema, "exclusiveMinimum", "must be more than %s", "is too small");
      case "exclusiveMaximum" ->
          limited(who, schema, "exclusiveMaximum", "must be less than %s", "is too large");
      case "multipleOf" ->
          limited(
              who, schema, "multipleOf", "must be a multiple of %s", "is not a multiple it takes");
      case "enum" ->
          choices(schema.getJsonArray("enum")).isEmpty()
              ? who + " must be one of the values the API reference lists for it"
              : who + " must be one of " + choices(schema.getJsonArray("enum"));
      case "const" -> who + " must be " + schema.getValue("const");
      case "pattern" ->
          schema.getString(PATTERN_RULE) != null
              ? who + " " + schema.getString(PATTERN_RULE)
              : who + " is not written the way the API reference shows for it";
      case "format" -> who + " must be " + formatNoun(schema);
      case "minItems" ->
          "1".equals(number(schema, "minItems"))
              ? who + " must not be empty"
              : limited(
                  who, schema, "minItems", "must have at least %s items", "has too few items");
      case "maxItems" ->
          limited(who, schema, "maxItems", "must have at most %s items", "has too many items");
      case "uniqueItems" -> who + " must not list the same item twice";
      case "minProperties" ->
          "1".equals(number(schema, "minProperties"))
              ? who + " must have at least 1 field"
              : limited(
                  who,
                  schema,
                  "minProperties",
                  "must have at least %s fields",
                  "has too few fields");
      case "maxProperties" ->
          limited(
              who, schema, "maxProperties", "must have at most %s fields", "has too many fields");
      case "contains", "minContains" -> who + " must include an item of the kind it lists";
      case "maxContains" -> who + " has too many items of one kind";
      case "dependentRequired" -> who + " is missing a field that goes with another one it has";
      case "propertyNames" -> who + " has a field whose name is not allowed";
      case "unevaluatedItems", "items", "prefixItems" -> who + " has more items than allowed";
      case "not" -> who + " is a value that is not allowed here";
      case Rules.JSON -> "the body is not valid JSON";
      case Rules.NO_NUL -> who + " must not contain the NUL character (U+0000)";
      case Rules.FORM_FILE -> "the form needs a file in the field '" + field + "'";
      case Rules.MULTIPART ->
          "the body is not a complete multipart form (its Content-Type needs a boundary, and every"
              + " part must end with it)";
      case Rules.URL_ENCODING ->
          "the query string is not valid URL encoding (a % must be followed by two hex digits)";
      default -> who + " does not meet the rules the API reference gives for it";
    };
  }

  /**
   * What a body of one of {@code mediaTypes} is, for a body sent as something else: "the body must
   * be JSON (Content-Type: application/json)".
   */
  public static String acceptedBodies(Collection<String> mediaTypes) {
    List<String> kinds = new ArrayList<>();
    for (String mediaType : mediaTypes) {
      String kind =
          switch (mediaType) {
            case "application/json" -> "JSON";
            case "multipart/form-data" -> "a multipart form";
            case "application/octet-stream" -> "raw bytes";
            case "application/x-www-form-urlencoded" -> "a URL-encoded form";
            case "text/plain" -> "plain text";
            default -> mediaType.startsWith("image/") ? "an image" : "of this kind";
          };
      kinds.add(kind + " (Content-Type: " + mediaType + ")");
    }
    return kinds.isEmpty()
        ? "this operation takes no body"
        : "the body must be " + String.join(" or ", kinds);
  }

  /**
   * The violations a person needs to read, in order: a field's integer range ({@code int32}, {@code
   * int64}) is left out where a bound of the field's own ({@code minimum}, {@code maximum}) already
   * says what is wrong, since the field's bound is the narrower one and two ranges for one value
   * read as a contradiction.
   */
  public static List<Violation> toTell(List<Violation> violations) {
    List<Violation> told = new ArrayList<>();
    for (Violation violation : violations) {
      boolean rangeOfAFieldOutOfItsBounds =
          violation.rule().equals("format")
              && INTEGER_FORMATS.contains(violation.schema().getString("format", ""))
              && violations.stream()
                  .anyMatch(
                      other ->
                          other.field().equals(violation.field()) && BOUNDS.contains(other.rule()));
      if (!rangeOfAFieldOutOfItsBounds) {
        told.add(violation);
      }
    }
    return told;
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
      default -> "a value of the kind the API reference gives for it";
    };
  }

  private static String formatNoun(JsonObject schema) {
    String format = schema.getString("format");
    return switch (Objects.toString(format)) {
      case "date" -> "a date like 2026-11-25";
      case "date-time" -> "a date and time like 2026-11-24T14:00:00Z";
      case "uuid" -> "a UUID like 3f2c7e9a-51b4-4c1e-9d7a-0b6f2e8c4a10";
      case "email" -> "an address like ada@example.com";
      case "int32" -> wholeNumber(schema, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "int64" -> wholeNumber(schema, Long.MIN_VALUE, Long.MAX_VALUE);
      case "float", "double" -> "a number";
      case "time" -> "a time like 14:00:00Z";
      case "duration" -> "a duration like P3D";
      case "uri" -> "an absolute URL like https://example.com/a.png";
      case "uri-reference" -> "a URL or a path like /api/products/7";
      case "hostname" -> "a host name like example.com";
      case "ipv4" -> "an IPv4 address like 192.0.2.1";
      case "ipv6" -> "an IPv6 address like 2001:db8::1";
      case "byte" -> "base64 text";
      default -> "written the way the API reference shows for it";
    };
  }

  /** "a whole number from A to B": the format's range, narrowed by the field's own bounds. */
  private static String wholeNumber(JsonObject schema, long lowest, long highest) {
    BigDecimal from = BigDecimal.valueOf(lowest);
    BigDecimal to = BigDecimal.valueOf(highest);
    String minimum = number(schema, "minimum");
    String maximum = number(schema, "maximum");
    if (minimum != null) {
      from = from.max(new BigDecimal(minimum));
    }
    if (maximum != null) {
      to = to.min(new BigDecimal(maximum));
    }
    return "a whole number from " + from.toPlainString() + " to " + to.toPlainString();
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

  /**
   * The rule with its limit ({@code withLimit} has one {@code %s}), or {@code without} when the
   * schema at hand does not say the limit.
   */
  private static String limited(
      String who, JsonObject schema, String keyword, String withLimit, String without) {
    String limit = number(schema, keyword);
    return who + " " + (limit == null ? without : withLimit.formatted(limit));
  }

  /** A limit as people write it: 9999999999.99, not 9.99999999999E9; null when there is none. */
  private static String number(JsonObject schema, String keyword) {
    Object value = schema.getValue(keyword);
    if (!(value instanceof Number)) {
      return null;
    }
    return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
  }
}
