// Over 300 lines: one writer per keyword of JSON Schema the contract uses, each beside the others.
package dev.marketplace.codegen;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes the check of every operation's JSON request body as plain Java: {@code ContractBodies},
 * one method per schema of the contract a body uses (a component schema once, however many bodies
 * refer to it), and {@code ContractBodies.of(operationId)}. The checks refuse what the contract's
 * interpreting validator (vertx-json-schema, through vertx-openapi) refuses, keyword by keyword in
 * its order, and report each fault as it does: the same field, the same rule and the schema object
 * the rule sits in, which the api's wording reads its limits from.
 *
 * <p>It knows the keywords the contract uses, and fails the build on any other, so that the
 * contract cannot outgrow the checks unnoticed: teach it the keyword (and the api's differential
 * test the values that exercise it) first.
 *
 * <p>Usage: {@code BodyValidatorWriter <contract.yaml> <source root> <package>}; the package must
 * hold the api's {@code FieldPath}, {@code FieldViolations}, {@code NumberBound} and {@code
 * BodyCheck}.
 */
public final class BodyValidatorWriter {

  static final String CLASS_NAME = "ContractBodies";

  private static final String JSON = "application/json";

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  /** Keywords that say nothing about what is valid. */
  private static final Set<String> ANNOTATIONS =
      Set.of(
          "description",
          "title",
          "example",
          "examples",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly");

  private static final Set<String> CHECKED =
      Set.of(
          "$ref",
          "type",
          "enum",
          "properties",
          "required",
          "additionalProperties",
          "minProperties",
          "items",
          "minItems",
          "maxItems",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "minLength",
          "maxLength",
          "pattern",
          "format");

  private static final Set<String> TYPES =
      Set.of("string", "integer", "number", "boolean", "object", "array", "null");

  /**
   * Formats it checks: {@code uuid} as vertx-json-schema does for text, {@code int32} and {@code
   * int64} as vertx-openapi does for any value (a JSON number that a Java int, or long, holds).
   */
  private static final Set<String> FORMATS = Set.of("uuid", "int32", "int64");

  /** vertx-json-schema's {@code uuid} format, as it matches it ({@code find}). */
  static final String UUID_PATTERN = "^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$";

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final Map<String, Object> root;
  private final Map<String, String> methodOfReference = new LinkedHashMap<>();
  private final Set<String> methodNames = new java.util.HashSet<>();
  private final StringBuilder constants = new StringBuilder();
  private final StringBuilder methods = new StringBuilder();

  private BodyValidatorWriter(Map<String, Object> root) {
    this.root = root;
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: BodyValidatorWriter <contract.yaml> <source root> <package>");
    }
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
    Path folder = Path.of(args[1]).resolve(args[2].replace('.', '/'));
    Files.createDirectories(folder);
    Path file = folder.resolve(CLASS_NAME + ".java");
    String java = write(root, args[2]);
    // Unchanged output keeps its time stamp, so that the compiler sees nothing new.
    if (!Files.exists(file) || !Files.readString(file).equals(java)) {
      Files.writeString(file, java, StandardCharsets.UTF_8);
    }
  }

  /** The source of {@code ContractBodies} for the contract {@code root}, in {@code packageName}. */
  static String write(Map<String, Object> root, String packageName) {
    BodyValidatorWriter writer = new BodyValidatorWriter(root);
    Map<String, String> checkOfOperation = new LinkedHashMap<>();
    map(root.get("paths"), "#/paths")
        .forEach(
            (path, item) ->
                map(item, "#/paths/" + path)
                    .forEach(
                        (method, value) -> {
                          if (!METHODS.contains(method)) {
                            return;
                          }
                          Map<String, Object> operation = map(value, method + " " + path);
                          if (!(operation.get("requestBody") instanceof Map<?, ?> declared)) {
                            return;
                          }
                          Map<String, Object> body = writer.resolved(map(declared, "requestBody"));
                          Map<String, Object> content = map(body.get("content"), "content");
                          if (!(content.get(JSON) instanceof Map<?, ?> media)
                              || !(media.get("schema") instanceof Map<?, ?> schema)) {
                            return;
                          }
                          String id = String.valueOf(operation.get("operationId"));
                          String where =
                              "#/paths/" + pointerStep(path) + "/" + method + "/requestBody";
                          checkOfOperation.put(
                              id, writer.method(map(schema, where), id + "Body", where));
                        }));
    return writer.source(packageName, checkOfOperation);
  }

  private String source(String packageName, Map<String, String> checkOfOperation) {
    StringBuilder java = new StringBuilder();
    java.append("// Written by contract-codegen's BodyValidatorWriter from")
        .append(" openapi/marketplace.yaml at build time.\n")
        .append("// Do not edit: change the contract.\n")
        .append("package ")
        .append(packageName)
        .append(";\n\n")
        .append(
            """
            import io.vertx.core.json.JsonArray;
            import io.vertx.core.json.JsonObject;
            import java.util.Optional;
            import java.util.Set;
            import java.util.regex.Pattern;

            /**
             * The check of each operation's JSON request body, one method per schema, as the
             * contract's interpreting validator checks it: the same faults, in the same order, on
             * the same fields. Each schema constant is the schema object a fault's wording reads.
             */
            public final class ContractBodies {

            """)
        .append(constants)
        .append(
            """

              private ContractBodies() {}

              /** The check of {@code operationId}'s JSON body; empty when it takes none. */
              public static Optional<BodyCheck> of(String operationId) {
                BodyCheck check =
                    switch (operationId) {
            """);
    checkOfOperation.forEach(
        (id, method) ->
            java.append("          case \"")
                .append(id)
                .append("\" -> (body, found) -> ")
                .append(method)
                .append("(body, FieldPath.BODY, found);\n"));
    java.append(
            """
                      default -> null;
                    };
                return Optional.ofNullable(check);
              }
            """)
        .append(methods)
        .append("}\n");
    return java.toString();
  }

  /**
   * The name of the method that checks a value against {@code schema} (at {@code where}), written
   * once; {@code name} names it unless it is a reference to a component schema, named after that.
   */
  private String method(Map<String, Object> schema, String name, String where) {
    if (schema.get("$ref") instanceof String ref) {
      for (String key : schema.keySet()) {
        if (!key.equals("$ref") && !ANNOTATIONS.contains(key) && !key.startsWith("x-")) {
          throw unsupported("'" + key + "' beside '$ref'", where);
        }
      }
      String known = methodOfReference.get(ref);
      if (known != null) {
        return known;
      }
      String target = ref.substring(ref.lastIndexOf('/') + 1);
      String method = lowerCamel(target);
      methodOfReference.put(ref, method);
      writeMethod(map(resolve(ref, where), ref), method, ref);
      return method;
    }
    writeMethod(schema, name, where);
    return name;
  }

  private void writeMethod(Map<String, Object> schema, String name, String where) {
    if (!methodNames.add(name)) {
      throw new IllegalArgumentException(
          where + " would be checked by " + name + ", the name of another check: rename one");
    }
    for (String key : schema.keySet()) {
      if (!CHECKED.contains(key) && !ANNOTATIONS.contains(key) && !key.startsWith("x-")) {
        throw unsupported("keyword '" + key + "'", where);
      }
    }
    String constant = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    constants
        .append("  /** ")
        .append(where.replace("*/", "*&#47;"))
        .append(" */\n  private static final JsonObject ")
        .append(constant)
        .append(" =\n      new JsonObject(")
        .append(javaString(JsonText.of(shown(schema))))
        .append(");\n");
    StringBuilder body = new StringBuilder();
    typeCheck(schema, constant, body, where);
    enumCheck(schema, constant, body, where);
    objectChecks(schema, name, constant, body, where);
    arrayChecks(schema, name, constant, body, where);
    numberChecks(schema, constant, body, where);
    stringChecks(schema, constant, body, where);
    formatCheck(schema, constant, body, where);
    methods
        .append("\n  /** Checks a value against ")
        .append(where.replace("*/", "*&#47;"))
        .append(". */\n  private static void ")
        .append(name)
        .append("(Object value, FieldPath path, FieldViolations found) {\n")
        .append(body)
        .append("  }\n");
  }

  private void typeCheck(
      Map<String, Object> schema, String constant, StringBuilder body, String where) {
    Object type = schema.get("type");
    if (type == null) {
      return;
    }
    List<String> types = new ArrayList<>();
    for (Object each : type instanceof List<?> list ? list : List.of(type)) {
      if (!TYPES.contains(String.valueOf(each))) {
        throw unsupported("type '" + each + "'", where);
      }
      types.add(
          switch (String.valueOf(each)) {
            case "string" -> "value instanceof String";
            case "integer" -> "NumberBound.isInteger(value)";
            case "number" -> "value instanceof Number";
            case "boolean" -> "value instanceof Boolean";
            case "object" -> "value instanceof JsonObject";
            case "array" -> "value instanceof JsonArray";
            default -> "value == null";
          });
    }
    // Of a value of the wrong type nothing else is reported: its other rules would repeat it.
    body.append("    if (!(")
        .append(String.join(" || ", types))
        .append(")) {\n      found.add(path, \"type\", ")
        .append(constant)
        .append(");\n      return;\n    }\n");
  }

  private void enumCheck(
      Map<String, Object> schema, String constant, StringBuilder body, String where) {
    if (!(schema.get("enum") instanceof List<?> values)) {
      if (schema.containsKey("enum")) {
        throw unsupported("an 'enum' that is not a list", where);
      }
      return;
    }
    List<String> literals = new ArrayList<>();
    for (Object value : values) {
      if (!(value instanceof String text)) {
        throw unsupported("an 'enum' value that is not text (" + value + ")", where);
      }
      literals.add(javaString(text));
    }
    constants
        .append("  private static final Set<String> ")
        .append(constant)
        .append("_VALUES = Set.of(")
        .append(String.join(", ", literals))
        .append(");\n");
    body.append("    if (!(value instanceof String text && ")
        .append(constant)
        .append("_VALUES.contains(text))) {\n      found.add(path, \"enum\", ")
        .append(constant)
        .append(");\n    }\n");
  }

  private void objectChecks(
      Map<String, Object> schema, String name, String constant, StringBuilder body, String where) {
    Object additional = schema.get("additionalProperties");
    if (additional != null && !(additional instanceof Boolean)) {
      throw unsupported("'additionalProperties' other than true or false", where);
    }
    boolean closed = Boolean.FALSE.equals(additional);
    Map<String, Object> properties =
        schema.containsKey("properties")
            ? map(schema.get("properties"), where + "/properties")
            : Map.of();
    List<?> required = schema.get("required") instanceof List<?> list ? list : List.<Object>of();
    if (!closed
        && properties.isEmpty()
        && required.isEmpty()
        && !schema.containsKey("minProperties")) {
      return;
    }
    StringBuilder checks = new StringBuilder();
    for (Object property : required) {
      checks
          .append("      if (!object.containsKey(")
          .append(javaString(plainName(String.valueOf(property), where)))
          .append(")) {\n        found.missing(path, ")
          .append(javaString(String.valueOf(property)))
          .append(", ")
          .append(constant)
          .append(");\n      }\n");
    }
    if (schema.containsKey("minProperties")) {
      checks
          .append("      if (object.size() < ")
          .append(count(schema.get("minProperties"), "minProperties", where))
          .append(") {\n        found.add(path, \"minProperties\", ")
          .append(constant)
          .append(");\n      }\n");
    }
    List<String> declared = new ArrayList<>();
    for (Map.Entry<String, Object> property : properties.entrySet()) {
      String key = plainName(property.getKey(), where);
      declared.add(javaString(key));
      String child =
          method(
              map(property.getValue(), where + "/properties/" + key),
              name + upperCamel(key),
              where + "/properties/" + key);
      checks
          .append("      if (object.containsKey(")
          .append(javaString(key))
          .append(")) {\n        ")
          .append(child)
          .append("(object.getValue(")
          .append(javaString(key))
          .append("), path.child(")
          .append(javaString(key))
          .append("), found);\n      }\n");
    }
    if (closed) {
      constants
          .append("  private static final Set<String> ")
          .append(constant)
          .append("_FIELDS = Set.of(")
          .append(String.join(", ", declared))
          .append(");\n");
      checks
          .append("      for (String key : object.fieldNames()) {\n")
          .append("        if (!")
          .append(constant)
          .append("_FIELDS.contains(key)) {\n          found.unknown(path, key, ")
          .append(constant)
          .append("_FIELDS, ")
          .append(constant)
          .append(");\n        }\n      }\n");
    }
    body.append("    if (value instanceof JsonObject object) {\n").append(checks).append("    }\n");
  }

  private void arrayChecks(
      Map<String, Object> schema, String name, String constant, StringBuilder body, String where) {
    if (!schema.containsKey("items")
        && !schema.containsKey("minItems")
        && !schema.containsKey("maxItems")) {
      return;
    }
    body.append("    if (value instanceof JsonArray array) {\n");
    if (schema.containsKey("maxItems")) {
      body.append("      if (array.size() > ")
          .append(count(schema.get("maxItems"), "maxItems", where))
          .append(") {\n        found.add(path, \"maxItems\", ")
          .append(constant)
          .append(");\n      }\n");
    }
    if (schema.containsKey("minItems")) {
      body.append("      if (array.size() < ")
          .append(count(schema.get("minItems"), "minItems", where))
          .append(") {\n        found.add(path, \"minItems\", ")
          .append(constant)
          .append(");\n      }\n");
    }
    if (schema.containsKey("items")) {
      if (!(schema.get("items") instanceof Map<?, ?> items)) {
        throw unsupported("'items' that is not a schema object", where);
      }
      String child = method(map(items, where + "/items"), name + "Item", where + "/items");
      body.append("      for (int i = 0; i < array.size(); i++) {\n        ")
          .append(child)
          .append("(array.getValue(i), path.item(i), found);\n      }\n");
    }
    body.append("    }\n");
  }

  private void numberChecks(
      Map<String, Object> schema, String constant, StringBuilder body, String where) {
    // Each keyword, the bound's method that says the value breaks it.
    Map<String, String> keywords = new LinkedHashMap<>();
    keywords.put("minimum", "above");
    keywords.put("maximum", "below");
    keywords.put("exclusiveMinimum", "atOrAbove");
    keywords.put("exclusiveMaximum", "atOrBelow");
    StringBuilder checks = new StringBuilder();
    keywords.forEach(
        (keyword, broken) -> {
          if (!schema.containsKey(keyword)) {
            return;
          }
          String bound =
              constant
                  + "_"
                  + keyword.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
          constants
              .append("  private static final NumberBound ")
              .append(bound)
              .append(" = NumberBound.of(")
              .append(numberLiteral(schema.get(keyword), keyword, where))
              .append(");\n");
          checks
              .append("      if (")
              .append(bound)
              .append('.')
              .append(broken)
              .append("(number)) {\n        found.add(path, \"")
              .append(keyword)
              .append("\", ")
              .append(constant)
              .append(");\n      }\n");
        });
    if (!checks.isEmpty()) {
      body.append("    if (value instanceof Number number) {\n").append(checks).append("    }\n");
    }
  }

  private void stringChecks(
      Map<String, Object> schema, String constant, StringBuilder body, String where) {
    boolean lengths = schema.containsKey("minLength") || schema.containsKey("maxLength");
    boolean uuid = "uuid".equals(schema.get("format"));
    if (!lengths && !schema.containsKey("pattern") && !uuid) {
      return;
    }
    body.append("    if (value instanceof String text) {\n");
    if (lengths) {
      // Characters as JSON Schema counts them: a pair of surrogates is one.
      body.append("      int length = text.codePointCount(0, text.length());\n");
    }
    for (String keyword : List.of("minLength", "maxLength")) {
      if (schema.containsKey(keyword)) {
        body.append("      if (length ")
            .append(keyword.equals("minLength") ? "<" : ">")
            .append(' ')
            .append(count(schema.get(keyword), keyword, where))
            .append(") {\n        found.add(path, \"")
            .append(keyword)
            .append("\", ")
            .append(constant)
            .append(");\n      }\n");
      }
    }
    if (schema.containsKey("pattern")) {
      String pattern = String.valueOf(schema.get("pattern"));
      try {
        Pattern.compile(pattern);
      } catch (PatternSyntaxException invalid) {
        throw unsupported("a pattern Java cannot compile (" + invalid.getMessage() + ")", where);
      }
      constants
          .append("  private static final Pattern ")
          .append(constant)
          .append("_PATTERN = Pattern.compile(")
          .append(javaString(pattern))
          .append(");\n");
      body.append("      if (!")
          .append(constant)
          .append("_PATTERN.matcher(text).find()) {\n        found.add(path, \"pattern\", ")
          .append(constant)
          .append(");\n      }\n");
    }
    if (uuid) {
      body.append(
              "      if (!UUID_FORMAT.matcher(text).find()) {\n        found.add(path, \"format\", ")
          .append(constant)
          .append(");\n      }\n");
      if (constants.indexOf(" UUID_FORMAT =") < 0) {
        constants
            .append("  /** vertx-json-schema's {@code uuid} format. */\n")
            .append("  private static final Pattern UUID_FORMAT =\n      Pattern.compile(")
            .append(javaString(UUID_PATTERN))
            .append(", Pattern.CASE_INSENSITIVE);\n");
      }
    }
    body.append("    }\n");
  }

  private void formatCheck(
      Map<String, Object> schema, String constant, StringBuilder body, String where) {
    if (!schema.containsKey("format")) {
      return;
    }
    String format = String.valueOf(schema.get("format"));
    if (!FORMATS.contains(format)) {
      throw unsupported("format '" + format + "'", where);
    }
    String held =
        switch (format) {
          case "int32" -> "value instanceof Integer";
          case "int64" -> "value instanceof Integer || value instanceof Long";
          default -> null;
        };
    if (held != null) {
      body.append("    if (!(")
          .append(held)
          .append(")) {\n      found.add(path, \"format\", ")
          .append(constant)
          .append(");\n    }\n");
    }
  }

  /** The schema as a fault's wording reads it: without the schemas inside it and the prose. */
  private static Map<String, Object> shown(Map<String, Object> schema) {
    Map<String, Object> shown = new LinkedHashMap<>(schema);
    shown.keySet().removeAll(Set.of("properties", "items", "description", "example", "examples"));
    return shown;
  }

  private Map<String, Object> resolved(Map<String, Object> node) {
    Map<String, Object> current = node;
    for (int hops = 0; hops < 16 && current.get("$ref") instanceof String ref; hops++) {
      current = map(resolve(ref, ref), ref);
    }
    return current;
  }

  private Object resolve(String ref, String where) {
    if (!ref.startsWith("#/")) {
      throw unsupported("a reference outside the contract (" + ref + ")", where);
    }
    Object node = root;
    for (String step : ref.substring(2).split("/")) {
      node =
          node instanceof Map<?, ?> map
              ? map.get(step.replace("~1", "/").replace("~0", "~"))
              : null;
    }
    if (node == null) {
      throw new IllegalArgumentException("The contract has no " + ref + " (" + where + ")");
    }
    return node;
  }

  private static String numberLiteral(Object value, String keyword, String where) {
    return switch (value) {
      case Integer i -> i + "L";
      case Long l -> l + "L";
      case BigInteger b -> "new java.math.BigInteger(\"" + b + "\")";
      case Double d when Double.isFinite(d) -> Double.toString(d);
      default -> throw unsupported("'" + keyword + "' that is not a number (" + value + ")", where);
    };
  }

  private static int count(Object value, String keyword, String where) {
    if (value instanceof Integer count && count >= 0) {
      return count;
    }
    throw unsupported("'" + keyword + "' that is not a count (" + value + ")", where);
  }

  /** A property name, which the checks write as it is: letters, digits and _. */
  private static String plainName(String name, String where) {
    if (!PLAIN_NAME.matcher(name).matches()) {
      throw unsupported("property name '" + name + "' (use letters, digits and _)", where);
    }
    return name;
  }

  private static IllegalArgumentException unsupported(String what, String where) {
    return new IllegalArgumentException(
        "openapi/marketplace.yaml "
            + where
            + ": the generated body checks do not know "
            + what
            + ". Teach contract-codegen's BodyValidatorWriter to check it as vertx-json-schema"
            + " does (and the api's differential test to try it), or leave it out of the contract.");
  }

  private static String pointerStep(String step) {
    return step.replace("~", "~0").replace("/", "~1");
  }

  private static String lowerCamel(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static String upperCamel(String snake) {
    StringBuilder camel = new StringBuilder();
    for (String part : snake.split("_")) {
      if (!part.isEmpty()) {
        camel.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return camel.toString();
  }

  /** {@code text} as a Java string literal, in ASCII. */
  static String javaString(String text) {
    StringBuilder literal = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> literal.append("\\\"");
        case '\\' -> literal.append("\\\\");
        case '\n' -> literal.append("\\n");
        default -> {
          if (c < 0x20) {
            // Octal: a \\u escape of a line break would break the line inside the literal.
            literal.append(String.format("\\%03o", (int) c));
          } else if (c > 0x7e) {
            literal.append(String.format("\\u%04x", (int) c));
          } else {
            literal.append(c);
          }
        }
      }
    }
    return literal.append('"').toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("The contract's " + where + " is not a mapping");
  }
}
