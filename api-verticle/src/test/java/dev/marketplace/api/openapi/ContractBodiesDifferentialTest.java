package dev.marketplace.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.validation.BodyCheck;
import dev.marketplace.api.validation.ContractReferences;
import dev.marketplace.api.validation.Violation;
import dev.marketplace.api.validation.ViolationWording;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated body checks ({@code ContractBodies}) against the library's interpreting validator
 * (vertx-openapi over vertx-json-schema), side by side on the same bytes for every operation that
 * takes a JSON body: tens of thousands of valid and invalid bodies ({@link BodySamples}), and whole
 * bodies that are not what any operation takes. Both must accept the same bodies, decode them to
 * the same value, and refuse the others with the same violations (field and rule, in order) and so
 * the same words.
 */
class ContractBodiesDifferentialTest {

  private static final List<String> WHOLE_BODIES =
      List.of(
          "",
          " ",
          "{",
          "}",
          "[]",
          "[{}]",
          "null",
          "true",
          "0",
          "1e400",
          "\"text\"",
          "{}",
          "{\"a\":1,\"a\":2}",
          "{\"\":1}",
          "{\"\u0000\":1}",
          "{\"quantity\":1,\"quantity\":\"x\"}",
          "{\"items\":[{\"\":1}]}",
          "{\"items\":[{\"product_id\":1,\"quantity\":1,\"\":2}]}",
          "{\"lines\":[{\"\":1}]}",
          "{\"data\":{\"\":1},\"id\":\"x\",\"type\":\"y\"}",
          "{} {}",
          "{\"a\":1} x",
          "\uFEFF{}",
          "[".repeat(2000) + "]".repeat(2000),
          "{\"x\":" + "9".repeat(2000) + "}",
          "{\"quantity\":" + "9".repeat(400) + "}",
          "{\"price\":1" + "0".repeat(400) + "}");

  private static Vertx vertx;
  private static OpenAPIContract contract;
  private static EventLoopRequestValidation validation;
  private static ContractReferences references;
  private static ValidatorViolations violations;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    contract = ContractLoader.load(vertx).await();
    validation = new EventLoopRequestValidation(vertx, contract);
    references = new ContractReferences(contract.getRawContract());
    violations = new ValidatorViolations(references);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void everyJsonBodyIsCheckedByGeneratedCode() {
    List<String> unchecked = new ArrayList<>();
    for (Operation operation : contract.operations()) {
      if (operation.getRequestBody() != null
          && operation.getRequestBody().getContent().containsKey("application/json")
          && EventLoopRequestValidation.compiledCheck(operation) == null) {
        unchecked.add(operation.getOperationId());
      }
    }
    assertThat(unchecked).isEmpty();
  }

  @Test
  void generatedChecksAndTheInterpretingValidatorRefuseTheSameBodiesInTheSameWords() {
    List<String> disagreements = new ArrayList<>();
    int operations = 0;
    long accepted = 0;
    long refused = 0;
    for (Operation operation :
        contract.operations().stream()
            .sorted(Comparator.comparing(Operation::getOperationId))
            .toList()) {
      BodyCheck check = EventLoopRequestValidation.compiledCheck(operation);
      if (check == null) {
        continue;
      }
      operations++;
      JsonObject schema = EventLoopRequestValidation.bodySchema(operation);
      BodySamples samples =
          new BodySamples(contract.getRawContract(), operation.getOperationId().hashCode());
      List<String> bodies = new ArrayList<>(WHOLE_BODIES);
      bodies.addAll(samples.bodies(schema, 6));
      int operationAccepted = 0;
      for (String body : bodies) {
        Buffer bytes = Buffer.buffer(body);
        List<Violation> byLibrary = new ArrayList<>();
        Object libraryValue =
            validation.libraryCheckedBody(operation, bytes, "application/json", byLibrary).get();
        List<Violation> byGenerated = new ArrayList<>();
        Object generatedValue =
            EventLoopRequestValidation.checkedBody(
                bytes,
                operation.getRequestBody().isRequired(),
                check,
                references.resolve(schema),
                byGenerated);
        if (byLibrary.isEmpty()) {
          operationAccepted++;
        }
        String library = ViolationWording.message(byLibrary);
        String generated = ViolationWording.message(byGenerated);
        if (!facts(byLibrary).equals(facts(byGenerated)) || !library.equals(generated)) {
          disagreements.add(
              operation.getOperationId()
                  + " "
                  + abbreviate(body)
                  + "\n    library:   "
                  + facts(byLibrary)
                  + " \""
                  + library
                  + "\"\n    generated: "
                  + facts(byGenerated)
                  + " \""
                  + generated
                  + "\"");
        } else if (byLibrary.isEmpty() && !Objects.equals(libraryValue, generatedValue)) {
          disagreements.add(
              operation.getOperationId() + " " + abbreviate(body) + ": decoded differently");
        }
      }
      accepted += operationAccepted;
      refused += bodies.size() - operationAccepted;
      assertThat(operationAccepted)
          .as("%s: valid bodies among %d", operation.getOperationId(), bodies.size())
          .isGreaterThanOrEqualTo(20);
      assertThat(bodies.size() - operationAccepted)
          .as("%s: invalid bodies", operation.getOperationId())
          .isGreaterThanOrEqualTo(300);
    }
    System.out.printf(
        "Differential body check: %d operations, %d bodies accepted and %d refused by both%n",
        operations, accepted, refused);
    assertThat(operations).isGreaterThanOrEqualTo(15);
    assertThat(disagreements)
        .as("%d disagreements, the first: %s", disagreements.size(), first(disagreements))
        .isEmpty();
  }

  private static List<String> facts(List<Violation> found) {
    return found.stream().map(v -> v.field() + ":" + v.rule()).toList();
  }

  private static String first(List<String> disagreements) {
    return String.join("\n", disagreements.subList(0, Math.min(25, disagreements.size())));
  }

  private static String abbreviate(String text) {
    return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + ")";
  }
}
