package dev.marketplace.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.validation.ContractReferences;
import dev.marketplace.api.validation.Violation;
import dev.marketplace.api.validation.ViolationWording;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the contract's validator finds, read into violations and worded, for real requests against
 * the real contract: one sentence per field, naming the rule, never the validator's own words.
 */
class ValidatorViolationsTest {

  private static Vertx vertx;
  private static OpenAPIContract contract;
  private static RequestValidatorImpl validator;
  private static ValidatorViolations violations;

  @BeforeAll
  static void load() {
    vertx = Vertx.vertx();
    contract = ContractLoader.load(vertx).await();
    validator = new RequestValidatorImpl(vertx, contract);
    violations = new ValidatorViolations(new ContractReferences(contract.getRawContract()));
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  @Test
  void aRegistrationGetsOneSentencePerField() {
    assertThat(body("registerBuyer", "{\"name\":\"Ada\",\"email\":\"bad\",\"password\":\"short\"}"))
        .containsExactly(
            "email must be an address like ada@example.com",
            "password must be at least 8 characters");
    assertThat(body("registerBuyer", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}"))
        .containsExactly("password is required");
    assertThat(
            body(
                "registerBuyer",
                "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"password\":\"long-enough\","
                    + "\"colour\":1}"))
        .containsExactly("colour is not a known field");
    assertThat(
            body(
                "registerBuyer",
                "{\"name\":5,\"email\":\"ada@example.com\",\"password\":\"long-enough\"}"))
        .containsExactly("name must be text");
    assertThat(body("registerBuyer", "{\"name\":\" \",\"email\":\"a@b.co\",\"password\":\"x\"}"))
        .containsExactly("name must not be blank", "password must be at least 8 characters");
  }

  @Test
  void nestedFieldsAreNamedByTheirPath() {
    assertThat(body("checkout", "{\"items\":[{\"product_id\":1,\"quantity\":0}]}"))
        .containsExactly("items[0].quantity must be at least 1");
    assertThat(body("checkout", "{\"items\":[{\"quantity\":2}]}"))
        .containsExactly("items[0].product_id is required");
    assertThat(body("checkout", "{\"items\":[]}")).containsExactly("items must not be empty");
    assertThat(body("placeOrder", "{\"product_id\":7,\"quantity\":10001}"))
        .containsExactly("quantity must be at most 10000");
  }

  @Test
  void theBodyAsAWhole() {
    assertThat(body("placeOrder", "[1]")).containsExactly("the body must be a JSON object");
    assertThat(body("placeOrder", "{\"product_id\":"))
        .containsExactly("the body is not valid JSON");
    assertThat(body("placeOrder", "")).containsExactly("a JSON body is required");
    assertThat(body("updateProduct", "{}")).containsExactly("the body must have at least 1 field");
  }

  @Test
  void parametersAreNamedAsTheContractNamesThem() {
    assertThat(parameter("browseProducts", "sort", "cheapest"))
        .containsExactly("sort must be one of newest, price_asc, price_desc, rating, best_selling");
    assertThat(parameter("browseProducts", "limit", "500"))
        .containsExactly("limit must be at most 200");
    assertThat(parameter("browseProducts", "min_price", "lots"))
        .containsExactly("min_price must be a number");
    assertThat(parameter("browseProducts", "seller_id", "1e400"))
        .containsExactly("seller_id must be a whole number");
    assertThat(parameter("searchProducts", "q", null)).containsExactly("q is required");
    assertThat(parameter("sellerAnalytics", "tz", "Mars Base"))
        .containsExactly("tz must be an IANA time zone such as Europe/Berlin");
    assertThat(parameter("sellerAnalytics", "from", "yesterday"))
        .containsExactly("from must be a date like 2026-11-25");
  }

  private static List<String> body(String operationId, String json) {
    Operation operation = contract.operation(operationId);
    Buffer bytes = Buffer.buffer(json);
    try {
      validator.validateBody(
          operation.getRequestBody(),
          new ValidatableRequestImpl(
              Map.of(),
              Map.of(),
              Map.of(),
              Map.of(),
              new RequestParameterImpl(json.isEmpty() ? null : bytes),
              "application/json"));
    } catch (ValidatorException invalid) {
      Object parsed;
      try {
        parsed = Json.decodeValue(bytes);
      } catch (RuntimeException notJson) {
        parsed = null;
      }
      JsonObject schema =
          operation
              .getRequestBody()
              .getContent()
              .get("application/json")
              .getOpenAPIModel()
              .getJsonObject("schema");
      return sentences(violations.ofBody(invalid, schema, parsed, json.isEmpty()));
    }
    throw new AssertionError(json + " is valid for " + operationId);
  }

  private static List<String> parameter(String operationId, String name, String value) {
    Parameter parameter =
        contract.operation(operationId).getParameters().stream()
            .filter(p -> p.getName().equals(name))
            .findFirst()
            .orElseThrow();
    try {
      validator.validateParameter(parameter, new RequestParameterImpl(value));
    } catch (ValidatorException invalid) {
      return sentences(
          violations.ofParameter(
              invalid, name, parameter.getOpenAPIModel().getJsonObject("schema")));
    }
    throw new AssertionError(name + "=" + value + " is valid for " + operationId);
  }

  private static List<String> sentences(List<Violation> found) {
    return found.stream().map(ViolationWording::sentence).distinct().toList();
  }
}
