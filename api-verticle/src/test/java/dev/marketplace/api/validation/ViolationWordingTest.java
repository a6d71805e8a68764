package dev.marketplace.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wording of every rule, from the facts alone (field, rule, the schema's values), as any
 * validator would report them.
 */
class ViolationWordingTest {

  private static String say(String field, String rule, JsonObject schema) {
    return ViolationWording.sentence(new Violation(field, rule, schema));
  }

  @Test
  void namesTheFieldAndTheRuleWithItsLimit() {
    assertThat(say("password", "minLength", new JsonObject().put("minLength", 8)))
        .isEqualTo("password must be at least 8 characters");
    assertThat(say("password", "required", new JsonObject())).isEqualTo("password is required");
    assertThat(say("quantity", "maximum", new JsonObject().put("maximum", 1000)))
        .isEqualTo("quantity must be at most 1000");
    assertThat(
            say(
                "sort",
                "enum",
                new JsonObject().put("enum", new JsonArray().add("newest").add("price_asc"))))
        .isEqualTo("sort must be one of newest, price_asc");
    assertThat(
            say(
                "email",
                "pattern",
                new JsonObject()
                    .put("pattern", "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")
                    .put(ViolationWording.PATTERN_RULE, "must be an address like ada@example.com")))
        .isEqualTo("email must be an address like ada@example.com");
  }

  @Test
  void writesLimitsAsPeopleWriteNumbers() {
    assertThat(say("price", "maximum", new JsonObject().put("maximum", 9999999999.99)))
        .isEqualTo("price must be at most 9999999999.99");
    assertThat(say("price", "exclusiveMinimum", new JsonObject().put("exclusiveMinimum", 0)))
        .isEqualTo("price must be more than 0");
    assertThat(say("change", "minimum", new JsonObject().put("minimum", -1000000000)))
        .isEqualTo("change must be at least -1000000000");
  }

  @Test
  void saysWhatEachTypeIsInWords() {
    assertThat(say("quantity", "type", new JsonObject().put("type", "integer")))
        .isEqualTo("quantity must be a whole number");
    assertThat(say("in_stock", "type", new JsonObject().put("type", "boolean")))
        .isEqualTo("in_stock must be true or false");
    assertThat(
            say(
                "sku",
                "type",
                new JsonObject().put("type", new JsonArray().add("string").add("null"))))
        .isEqualTo("sku must be text or null");
    assertThat(say("body", "type", new JsonObject().put("type", "object")))
        .isEqualTo("the body must be a JSON object");
  }

  @Test
  void wordsTheOtherRules() {
    assertThat(say("name", "minLength", new JsonObject().put("minLength", 1)))
        .isEqualTo("name must not be empty");
    assertThat(say("items", "minItems", new JsonObject().put("minItems", 1)))
        .isEqualTo("items must not be empty");
    assertThat(say("items", "maxItems", new JsonObject().put("maxItems", 100)))
        .isEqualTo("items must have at most 100 items");
    assertThat(say("body", "minProperties", new JsonObject().put("minProperties", 1)))
        .isEqualTo("the body must have at least 1 field");
    assertThat(say("colour", "additionalProperties", new JsonObject()))
        .isEqualTo("colour is not a known field");
    assertThat(say("from", "format", new JsonObject().put("format", "date")))
        .isEqualTo("from must be a date like 2026-11-25");
    assertThat(say("body", "required", new JsonObject())).isEqualTo("a JSON body is required");
    assertThat(ViolationWording.sentence(Violation.of("body", Violation.Rules.JSON)))
        .isEqualTo("the body is not valid JSON");
    assertThat(ViolationWording.sentence(Violation.of("comment", Violation.Rules.NO_NUL)))
        .isEqualTo("comment must not contain the NUL character (U+0000)");
  }

  @Test
  void aQueryStringThatIsNotUrlEncodingSaysWhatAPercentNeeds() {
    assertThat(
            ViolationWording.sentence(Violation.of(Violation.QUERY, Violation.Rules.URL_ENCODING)))
        .isEqualTo(
            "the query string is not valid URL encoding (a % must be followed by two hex digits)");
  }

  @Test
  void aBodyOfAnotherMediaTypeIsToldWhichItMustBe() {
    assertThat(ViolationWording.acceptedBodies(List.of("application/json")))
        .isEqualTo("the body must be JSON (Content-Type: application/json)");
    assertThat(ViolationWording.acceptedBodies(List.of("multipart/form-data")))
        .isEqualTo("the body must be a multipart form (Content-Type: multipart/form-data)");
    assertThat(
            ViolationWording.acceptedBodies(
                List.of("application/json", "application/octet-stream")))
        .isEqualTo(
            "the body must be JSON (Content-Type: application/json) or raw bytes (Content-Type:"
                + " application/octet-stream)");
  }

  /**
   * Every branch that has less to go on than it expects (a rule the wording does not know, a limit
   * or a pattern's meaning missing from the schema, a type or format it has no noun for) still
   * names the field and says what is wrong, without the schema's or the validator's vocabulary.
   */
  @Test
  void fallbacksAreStillSentencesNamingTheFieldAndTheRule() {
    JsonObject none = new JsonObject();
    assertThat(say("quantity", "somethingNew", none))
        .isEqualTo("quantity does not meet the rules the API reference gives for it");
    assertThat(say("sku", "pattern", new JsonObject().put("pattern", "^[A-Z]+$")))
        .isEqualTo("sku is not written the way the API reference shows for it");
    assertThat(say("password", "minLength", none)).isEqualTo("password is too short");
    assertThat(say("name", "maxLength", none)).isEqualTo("name is too long");
    assertThat(say("quantity", "minimum", none)).isEqualTo("quantity is too small");
    assertThat(say("quantity", "maximum", none)).isEqualTo("quantity is too large");
    assertThat(say("price", "exclusiveMinimum", none)).isEqualTo("price is too small");
    assertThat(say("price", "exclusiveMaximum", none)).isEqualTo("price is too large");
    assertThat(say("price", "multipleOf", none)).isEqualTo("price is not a multiple it takes");
    assertThat(say("items", "minItems", none)).isEqualTo("items has too few items");
    assertThat(say("items", "maxItems", none)).isEqualTo("items has too many items");
    assertThat(say("body", "minProperties", none)).isEqualTo("the body has too few fields");
    assertThat(say("body", "maxProperties", none)).isEqualTo("the body has too many fields");
    assertThat(say("sort", "enum", none))
        .isEqualTo("sort must be one of the values the API reference lists for it");
    assertThat(say("at", "type", new JsonObject().put("type", "decimal")))
        .isEqualTo("at must be a value of the kind the API reference gives for it");
    assertThat(say("at", "format", new JsonObject().put("format", "semver")))
        .isEqualTo("at must be written the way the API reference shows for it");
    assertThat(say("link", "format", new JsonObject().put("format", "uri-reference")))
        .isEqualTo("link must be a URL or a path like /api/products/7");
    assertThat(say("extra", "unevaluatedProperties", none)).isEqualTo("extra is not a known field");
    assertThat(say("tags", "contains", none))
        .isEqualTo("tags must include an item of the kind it lists");
    assertThat(say("body", "not", none)).isEqualTo("the body is a value that is not allowed here");
  }

  @Test
  void anIntegerFormatsRangeIsNarrowedByTheFieldsOwnBounds() {
    assertThat(say("quantity", "format", new JsonObject().put("format", "int32")))
        .isEqualTo("quantity must be a whole number from -2147483648 to 2147483647");
    assertThat(
            say(
                "inventory",
                "format",
                new JsonObject()
                    .put("format", "int32")
                    .put("minimum", 0)
                    .put("maximum", 1_000_000_000)))
        .isEqualTo("inventory must be a whole number from 0 to 1000000000");
    assertThat(
            say("product_id", "format", new JsonObject().put("format", "int64").put("minimum", 1)))
        .isEqualTo("product_id must be a whole number from 1 to 9223372036854775807");
  }

  @Test
  void aFormatsRangeIsNotToldBesideABoundOfTheSameField() {
    JsonObject inventory =
        new JsonObject().put("format", "int32").put("minimum", 0).put("maximum", 1_000_000_000);
    Violation tooLarge = new Violation("inventory", "maximum", inventory);
    Violation outOfRange = new Violation("inventory", "format", inventory);
    Violation otherField =
        new Violation("quantity", "format", new JsonObject().put("format", "int32"));
    Violation email = new Violation("email", "format", new JsonObject().put("format", "email"));

    assertThat(ViolationWording.toTell(List.of(tooLarge, outOfRange, otherField, email)))
        .containsExactly(tooLarge, otherField, email);
    assertThat(ViolationWording.toTell(List.of(outOfRange))).containsExactly(outOfRange);
  }

  @Test
  void aMessageJoinsTheSentencesOnce() {
    assertThat(
            ViolationWording.message(
                List.of(
                    new Violation("email", "required", null),
                    new Violation("email", "required", null),
                    new Violation("password", "minLength", new JsonObject().put("minLength", 8)))))
        .isEqualTo("email is required; password must be at least 8 characters");
  }
}
