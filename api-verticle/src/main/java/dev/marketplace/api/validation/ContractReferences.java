package dev.marketplace.api.validation;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows the {@code $ref}s of a contract, read as JSON, to the schemas they name: the one walk the
 * service's error wording and the tests' generated bodies share.
 */
public final class ContractReferences {

  // A cycle of references ends here rather than never.
  private static final int MOST_HOPS = 16;

  private final JsonObject contract;

  public ContractReferences(JsonObject contract) {
    this.contract = contract;
  }

  /** A schema with its {@code $ref} (into this contract) followed, as often as it takes. */
  public JsonObject resolve(JsonObject schema) {
    JsonObject current = schema;
    for (int hops = 0; hops < MOST_HOPS && current.getValue("$ref") instanceof String ref; hops++) {
      Object target = contract;
      for (String step : pointer(ref)) {
        target = target instanceof JsonObject object ? object.getValue(step) : null;
      }
      if (!(target instanceof JsonObject next)) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /**
   * The steps of a JSON pointer, or of the fragment of a location that holds one ({@code
   * #/components/schemas/Product}), unescaped; none for null.
   */
  public static List<String> pointer(String location) {
    List<String> steps = new ArrayList<>();
    if (location == null) {
      return steps;
    }
    String path = location.replaceFirst("^[^#]*#", "");
    for (String step : path.split("/")) {
      if (!step.isEmpty()) {
        steps.add(step.replace("~1", "/").replace("~0", "~"));
      }
    }
    return steps;
  }
}
