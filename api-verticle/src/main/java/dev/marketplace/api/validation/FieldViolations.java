package dev.marketplace.api.validation;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a check found wrong with a request body, field by field in the order found: each rule once
 * per field, and of a field whose type is wrong that alone, since its other rules would only repeat
 * it. Both the generated body checks ({@code ContractBodies}) and the reader of the interpreting
 * validator's report collect into it, so that both say the same.
 */
public final class FieldViolations {

  /** Made at the first fault: a body that passes costs no more than this object. */
  private Map<String, List<Violation>> byField;

  private boolean failed;

  /** {@code rule} of {@code schema} is broken at {@code path}. */
  public void add(FieldPath path, String rule, JsonObject schema) {
    add(new Violation(path.name(), rule, schema));
  }

  /** {@code violation} was found. */
  public void add(Violation violation) {
    failed = true;
    if (byField == null) {
      byField = new LinkedHashMap<>();
    }
    List<Violation> found = byField.computeIfAbsent(violation.field(), any -> new ArrayList<>());
    if (found.stream().noneMatch(v -> v.rule().equals(violation.rule()))) {
      found.add(violation);
    }
  }

  /** The object at {@code path} lacks {@code property}, which {@code schema} requires. */
  public void missing(FieldPath path, String property, JsonObject schema) {
    add(path.child(property), "required", schema);
  }

  /**
   * The object at {@code path} has {@code key}, which {@code schema} does not declare and takes no
   * other field. The interpreting validator's report names the place by its last step that is not
   * empty, so a key that adds no step ({@code ""}) is reported on the object itself (when its own
   * name is not declared here) or not at all (at the body): the body is refused all the same.
   */
  public void unknown(FieldPath path, String key, Set<String> declared, JsonObject schema) {
    failed = true;
    FieldPath at = path.child(key);
    String last = at.lastStep();
    if (last != null && !declared.contains(last)) {
      add(at, "additionalProperties", schema);
    }
  }

  /** Whether anything was wrong, even where no field could be named. */
  public boolean failed() {
    return failed;
  }

  /** What was found, in order: of a field with the wrong type, only that. */
  public List<Violation> violations() {
    List<Violation> violations = new ArrayList<>();
    if (byField == null) {
      return violations;
    }
    byField.forEach(
        (field, found) -> {
          List<Violation> typeOnly =
              found.stream().filter(violation -> violation.rule().equals("type")).toList();
          violations.addAll(typeOnly.isEmpty() ? found : typeOnly.subList(0, 1));
        });
    return violations;
  }
}
