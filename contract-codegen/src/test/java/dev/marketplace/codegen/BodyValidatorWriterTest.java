package dev.marketplace.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class BodyValidatorWriterTest {

  private static final String CONTRACT =
      """
      openapi: 3.1.0
      paths:
        /api/orders:
          post:
            operationId: placeOrder
            requestBody:
              required: true
              content:
                application/json:
                  schema: { $ref: '#/components/schemas/OrderRequest' }
        /api/things:
          post:
            operationId: addThing
            requestBody:
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      tags: { type: array, maxItems: 3, items: { type: string, pattern: '\\S' } }
                      kind: { type: string, enum: [a, b] }
                      price: { type: number, exclusiveMinimum: 0, maximum: 9999999999.99 }
                      key: { type: [string, 'null'], format: uuid }
        /api/images:
          post:
            operationId: upload
            requestBody:
              content:
                multipart/form-data:
                  schema: { type: object }
      components:
        schemas:
          Id: { type: integer, format: int64, minimum: 1, description: An id. }
          OrderRequest:
            type: object
            additionalProperties: false
            required: [product_id, quantity]
            properties:
              buyer_id: { $ref: '#/components/schemas/Id', description: The buyer. }
              product_id: { $ref: '#/components/schemas/Id' }
              quantity: { type: integer, format: int32, minimum: 1, maximum: 10000 }
      """;

  @Test
  void writesOneCheckPerSchemaAndOneEntryPerJsonBody() {
    String java = BodyValidatorWriter.write(contract(CONTRACT), "dev.example");

    assertThat(java)
        .startsWith("// Written by contract-codegen")
        .contains("package dev.example;")
        .contains(
            "case \"placeOrder\" -> (body, found) -> orderRequest(body, FieldPath.BODY, found);")
        .contains(
            "case \"addThing\" -> (body, found) -> addThingBody(body, FieldPath.BODY, found);")
        .doesNotContain("\"upload\"")
        // A component schema is checked by one method, however many fields refer to it.
        .containsOnlyOnce("private static void id(")
        .contains("found.missing(path, \"product_id\", ORDER_REQUEST);")
        .contains("found.unknown(path, key, ORDER_REQUEST_FIELDS, ORDER_REQUEST);")
        .contains("if (!(value instanceof Integer || value instanceof Long)) {")
        .contains("ADD_THING_BODY_PRICE_EXCLUSIVE_MINIMUM = NumberBound.of(0L);")
        .contains("ADD_THING_BODY_PRICE_MAXIMUM = NumberBound.of(9.99999999999E9);")
        .contains("if (!(value instanceof String || value == null)) {")
        .contains("UUID_FORMAT.matcher(text).find()")
        .contains("ADD_THING_BODY_KIND_VALUES = Set.of(\"a\", \"b\");")
        .contains("path.item(i)")
        // The schema a fault's wording reads, without the prose and the schemas inside it.
        .contains(
            "new JsonObject(\"{\\\"type\\\":\\\"integer\\\",\\\"format\\\":\\\"int64\\\","
                + "\\\"minimum\\\":1}\");");
  }

  @Test
  void refusesAKeywordItDoesNotCheck() {
    String contract = CONTRACT.replace("maximum: 10000 }", "maximum: 10000, multipleOf: 5 }");

    assertThatThrownBy(() -> BodyValidatorWriter.write(contract(contract), "dev.example"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("#/components/schemas/OrderRequest/properties/quantity")
        .hasMessageContaining("keyword 'multipleOf'");
  }

  @Test
  void refusesAFormatItDoesNotCheck() {
    String contract = CONTRACT.replace("format: uuid", "format: date-time");

    assertThatThrownBy(() -> BodyValidatorWriter.write(contract(contract), "dev.example"))
        .hasMessageContaining("format 'date-time'");
  }

  @Test
  void refusesARuleBesideAReference() {
    String contract =
        CONTRACT.replace(
            "product_id: { $ref: '#/components/schemas/Id' }",
            "product_id: { $ref: '#/components/schemas/Id', maximum: 5 }");

    assertThatThrownBy(() -> BodyValidatorWriter.write(contract(contract), "dev.example"))
        .hasMessageContaining("'maximum' beside '$ref'");
  }

  @Test
  void writesTextAsAsciiJavaLiterals() {
    assertThat(BodyValidatorWriter.javaString("a\"b\\c\nd\re\u00e9"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\015e\\u00e9\"");
  }

  private static Map<String, Object> contract(String yaml) {
    return new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
  }
}
