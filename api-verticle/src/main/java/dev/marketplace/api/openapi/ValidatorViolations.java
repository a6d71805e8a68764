package dev.marketplace.api.openapi;

import dev.marketplace.api.validation.ContractReferences;
import dev.marketplace.api.validation.FieldPath;
import dev.marketplace.api.validation.FieldViolations;
import dev.marketplace.api.validation.Violation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.json.schema.OutputErrorType;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what vertx-openapi's validator found into {@link Violation}s, from the facts of its report
 * only (where in the instance, which keyword where in the schema), never from its wording: each
 * keyword's schema object is found by walking the keyword's location through the contract, and a
 * missing required property by comparing the schema's {@code required} with the instance.
 *
 * <p>The validator reports every schema level it passed through; only the innermost keywords say
 * what is wrong. They are collected as the generated body checks collect theirs ({@link
 * FieldViolations}): a field whose type is wrong gets that alone.
 */
final class ValidatorViolations {

  /** Keywords that only say that something inside them failed. */
  private static final Set<String> CONTAINERS =
      Set.of(
          "properties",
          "items",
          "prefixItems",
          "$ref",
          "allOf",
          "anyOf",
          "oneOf",
          "additionalItems",
          "patternProperties",
          "dependentSchemas");

  private final ContractReferences references;

  /** Follows the contract's {@code $ref}s with {@code references}. */
  ValidatorViolations(ContractReferences references) {
    this.references = references;
  }

  /** The violations of a parameter's value; {@code schema} is the parameter's schema. */
  List<Violation> ofParameter(ValidatorException invalid, String name, JsonObject schema) {
    if (invalid.type() == ValidatorErrorType.MISSING_REQUIRED_PARAMETER) {
      return List.of(new Violation(name, "required", schema));
    }
    List<Violation> found = fromOutput(invalid, name, schema, null);
    // A value that cannot even be read as its type (INVALID_VALUE_FORMAT, say) says nothing more.
    return found.isEmpty()
        ? List.of(new Violation(name, "type", references.resolve(schema)))
        : found;
  }

  /** The violations of a body; {@code schema} is its media type's schema, {@code body} parsed. */
  List<Violation> ofBody(
      ValidatorException invalid, JsonObject schema, Object body, boolean empty) {
    if (empty) {
      return List.of(Violation.of(Violation.BODY, "required"));
    }
    List<Violation> found = fromOutput(invalid, Violation.BODY, schema, body);
    if (found.isEmpty()) {
      return List.of(
          body == null
              ? Violation.of(Violation.BODY, Violation.Rules.JSON)
              : new Violation(Violation.BODY, "type", references.resolve(schema)));
    }
    return found;
  }

  private List<Violation> fromOutput(
      ValidatorException invalid, String root, JsonObject schema, Object instance) {
    if (!(invalid instanceof SchemaValidationException report) || report.getOutputUnit() == null) {
      return List.of();
    }
    List<OutputUnit> leaves = new ArrayList<>();
    leaves(report.getOutputUnit(), leaves);
    FieldViolations byField = new FieldViolations();
    for (OutputUnit leaf : leaves) {
      List<String> keywordPath = ContractReferences.pointer(leaf.getKeywordLocation());
      if (keywordPath.isEmpty()) {
        continue;
      }
      String keyword = keywordPath.get(keywordPath.size() - 1);
      if (CONTAINERS.contains(keyword)) {
        continue;
      }
      JsonObject where = walk(schema, keywordPath.subList(0, keywordPath.size() - 1));
      List<String> instancePath = ContractReferences.pointer(leaf.getInstanceLocation());
      switch (keyword) {
        case "required" -> {
          Object at = at(instance, instancePath);
          JsonArray required = where.getJsonArray("required", new JsonArray());
          for (Object property : required) {
            if (!(at instanceof JsonObject object) || !object.containsKey(property.toString())) {
              List<String> missing = new ArrayList<>(instancePath);
              missing.add(property.toString());
              byField.add(new Violation(field(root, missing), "required", where));
            }
          }
        }
        case "additionalProperties" -> {
          String property = instancePath.isEmpty() ? null : instancePath.getLast();
          JsonObject declared = where.getJsonObject("properties", new JsonObject());
          if (property != null
              && !declared.containsKey(property)
              && Boolean.FALSE.equals(where.getValue("additionalProperties"))) {
            byField.add(new Violation(field(root, instancePath), keyword, where));
          }
        }
        default -> byField.add(new Violation(field(root, instancePath), keyword, where));
      }
    }
    return byField.violations();
  }

  private static void leaves(OutputUnit unit, List<OutputUnit> into) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(child -> leaves(child, into));
    } else if (unit.getError() != null || unit.getErrorType() == OutputErrorType.MISSING_VALUE) {
      into.add(unit);
    }
  }

  /** A field's name as a person writes it: {@code items[0].quantity}; the root alone. */
  private static String field(String root, List<String> path) {
    if (path.isEmpty()) {
      return root;
    }
    return FieldPath.joined(Violation.BODY.equals(root) ? "" : root, path);
  }

  /** The schema object reached from {@code schema} by {@code steps}, following references. */
  private JsonObject walk(JsonObject schema, List<String> steps) {
    Object node = schema;
    for (String step : steps) {
      if (node instanceof JsonObject object && object.containsKey("$ref") && !step.equals("$ref")) {
        node = references.resolve(object);
      }
      if (step.equals("$ref") && node instanceof JsonObject object) {
        node = references.resolve(object);
      } else if (node instanceof JsonObject object) {
        node = object.getValue(step);
      } else if (node instanceof JsonArray array && step.chars().allMatch(Character::isDigit)) {
        node = array.getValue(Integer.parseInt(step));
      } else {
        return new JsonObject();
      }
    }
    return node instanceof JsonObject object ? references.resolve(object) : new JsonObject();
  }

  private static Object at(Object instance, List<String> path) {
    JsonPointer pointer = JsonPointer.create();
    path.forEach(pointer::append);
    return instance == null ? null : pointer.queryJson(instance);
  }
}
