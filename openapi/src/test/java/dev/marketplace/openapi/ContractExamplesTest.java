package dev.marketplace.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.openapi.impl.Utils;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract lint: every {@code example} in {@code marketplace.yaml} must be valid against the
 * schema it illustrates (the media type's, the parameter's, or the schema's own), so that the
 * examples clients copy are requests the server accepts and answers it really gives.
 */
class ContractExamplesTest {

  private static final String BASE = "https://marketplace.invalid/marketplace.yaml";

  @Test
  void everyExampleIsValidAgainstItsSchema() {
    JsonObject contract = load();
    // The schema repository annotates what it loads; the examples are read from a clean copy.
    List<Example> examples = new ArrayList<>();
    collect(contract.copy(), "", examples);
    JsonSchemaOptions options =
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri(BASE)
            .setOutputFormat(OutputFormat.Basic);
    SchemaRepository schemas =
        SchemaRepository.create(options).dereference(BASE, JsonSchema.of(contract));
    List<String> invalid = new ArrayList<>();
    for (Example example : examples) {
      OutputUnit result =
          schemas
              .validator(JsonSchema.of(new JsonObject().put("$ref", BASE + "#" + example.schema())))
              .validate(example.value());
      if (!result.getValid()) {
        invalid.add(example.where() + ": " + result.getErrors());
      }
    }
    assertThat(examples).as("examples found").hasSizeGreaterThan(10);
    assertThat(invalid).isEmpty();
  }

  /** An example, where it is, and the JSON pointer of the schema it must match. */
  record Example(String where, String schema, Object value) {}

  /**
   * Finds examples: one next to a {@code schema} (a media type or a parameter) illustrates that
   * schema; any other is a schema's own {@code example} keyword.
   */
  private static void collect(Object node, String pointer, List<Example> examples) {
    if (node instanceof JsonObject object) {
      if (object.containsKey("example")) {
        String schema = object.containsKey("schema") ? pointer + "/schema" : pointer;
        examples.add(new Example(pointer + "/example", schema, object.getValue("example")));
      }
      for (String key : object.fieldNames()) {
        if (!key.equals("example")) {
          collect(object.getValue(key), pointer + "/" + escape(key), examples);
        }
      }
    } else if (node instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        collect(array.getValue(i), pointer + "/" + i, examples);
      }
    }
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1").replace("{", "%7B").replace("}", "%7D");
  }

  /** The contract as the server loads it, from the classpath. */
  private static JsonObject load() {
    Vertx vertx = Vertx.vertx();
    try {
      return Utils.readYamlOrJson(vertx, "openapi/marketplace.yaml").await();
    } finally {
      vertx.close().await();
    }
  }
}
