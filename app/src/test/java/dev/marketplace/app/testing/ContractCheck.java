package dev.marketplace.app.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.api.openapi.ContractLoader;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;

/**
 * Checks an answer of the server against the contract, so that the contract cannot drift from what
 * the server really does: a status must be one the contract documents ({@link ContractStatuses}), a
 * declared one must match its schema, and every failure must use the error format.
 */
public final class ContractCheck {

  private final OpenAPIContract contract;
  private final ResponseValidator validator;

  private ContractCheck(OpenAPIContract contract, ResponseValidator validator) {
    this.contract = contract;
    this.validator = validator;
  }

  public static ContractCheck load(Vertx vertx) {
    OpenAPIContract contract = ContractLoader.load(vertx).await();
    return new ContractCheck(contract, ResponseValidator.create(vertx, contract));
  }

  public OpenAPIContract contract() {
    return contract;
  }

  /**
   * Fails with an {@link AssertionError} when the answer to {@code method path} (query string
   * allowed) is not what the contract says. Blocks: not for an event loop.
   */
  public void verify(HttpMethod method, String path, int status, String contentType, Buffer body) {
    verifyLater(method, path, status, contentType, body).await();
  }

  /** {@link #verify}, without blocking: usable on an event loop. */
  public Future<Void> verifyLater(
      HttpMethod method, String path, int status, String contentType, Buffer body) {
    Buffer content = body == null ? Buffer.buffer() : body;
    Operation operation = contract.findOperation(path.replaceFirst("\\?.*", ""), method);
    boolean declared = operation != null && operation.getResponse(status) != null;
    Future<?> validated;
    if (declared) {
      validated =
          validator.validate(
              content.length() == 0
                  ? ValidatableResponse.create(status)
                  : ValidatableResponse.create(status, content, contentType),
              operation.getOperationId());
    } else {
      assertThat(new ContractStatuses(contract).undocumented(method, path, status))
          .as("an answer the contract does not document")
          .isNull();
      validated = Future.succeededFuture();
    }
    return validated.map(
        valid -> {
          // Failures use the error format, except where the contract declares another body for
          // one (readiness answers 503 with its health report), which the validator checked.
          if (status >= 400 && !(declared && isHealthReport(content))) {
            JsonObject error = content.toJsonObject();
            assertThat(error.fieldNames())
                .contains("error", "message", "request_id")
                .isSubsetOf("error", "message", "request_id", "fields");
            assertThat(error.getString("message"))
                .isNotBlank()
                .doesNotContain("Exception", "\tat ", "Instance ", "schema", "#/");
            if ("validation_failed".equals(error.getString("error"))) {
              assertThat(error.getJsonArray("fields")).as("fields of %s", error).isNotNull();
            }
          }
          return null;
        });
  }

  private static boolean isHealthReport(Buffer body) {
    JsonObject json = body.toJsonObject();
    return json.containsKey("status") && json.containsKey("checks");
  }
}
