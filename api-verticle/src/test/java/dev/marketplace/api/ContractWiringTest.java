package dev.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.openapi.ContractLoader;
import dev.marketplace.common.bus.Addresses;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The start-up check that every operation the contract sends over the bus has a handler. */
class ContractWiringTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private Vertx vertx;
  private OpenAPIContract contract;

  @BeforeEach
  void loadTheContract() {
    vertx = Vertx.vertx();
    contract = ContractLoader.load(vertx).await();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void theContractSendsOperationsToEveryDomainAddress() {
    Map<String, Set<String>> byAddress = ContractWiring.operationsByAddress(contract);

    assertThat(byAddress)
        .containsOnlyKeys(
            Addresses.ACCOUNTS, Addresses.CATALOG, Addresses.ORDERS, Addresses.PAYMENTS);
    assertThat(byAddress.get(Addresses.ORDERS)).contains("placeOrder", "checkout");
    assertThat(byAddress.get(Addresses.CATALOG)).contains("getImage", "getImageThumbnail");
  }

  @Test
  void passesWhenEveryOperationHasAHandler() {
    serve((address, operation) -> true);

    ContractWiring.check(vertx, contract, TIMEOUT).await();
  }

  @Test
  void namesEveryOperationWithoutAHandler() {
    serve((address, operation) -> !operation.equals("checkout") && !operation.equals("logout"));

    assertThatThrownBy(() -> ContractWiring.check(vertx, contract, TIMEOUT).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("orders has no handler for [checkout]")
        .hasMessageContaining("accounts has no handler for [logout]")
        .hasMessageNotContaining("catalog");
  }

  @Test
  void namesEveryOperationThatDeclaresAnIdempotencyKeyItsHandlerIgnores() {
    serve((address, operation) -> true, operation -> !operation.equals("adjustStock"));

    assertThatThrownBy(() -> ContractWiring.check(vertx, contract, TIMEOUT).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "catalog does not honour the Idempotency-Key the contract declares for [adjustStock]")
        .hasMessageNotContaining("orders");
  }

  @Test
  void anAddressThatNoVerticleServesFailsTheStartInOneProcess() {
    serve((address, operation) -> !address.equals(Addresses.PAYMENTS));

    assertThatThrownBy(() -> ContractWiring.check(vertx, contract, TIMEOUT).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("payments does not answer");
  }

  /**
   * Registers a dispatcher on every address, with a handler for the operations {@code served};
   * those whose contract declares an Idempotency-Key honour it.
   */
  private void serve(BiPredicate<String, String> served) {
    serve(served, operation -> true);
  }

  /** As {@link #serve}; the handlers of operations {@code honoursKeys} refuses ignore keys. */
  private void serve(BiPredicate<String, String> served, Predicate<String> honoursKeys) {
    Set<String> keyed =
        contract.operations().stream()
            .filter(ContractWiring::takesIdempotencyKey)
            .map(operation -> operation.getOperationId())
            .collect(java.util.stream.Collectors.toSet());
    ContractWiring.operationsByAddress(contract)
        .forEach(
            (address, operations) -> {
              OperationDispatcher dispatcher = new OperationDispatcher(vertx, address);
              operations.stream()
                  .filter(operation -> served.test(address, operation))
                  .forEach(
                      operation -> {
                        OperationHandler handler =
                            request -> Future.succeededFuture(Reply.noContent());
                        if (keyed.contains(operation) && honoursKeys.test(operation)) {
                          dispatcher.onWithOwnKeys(operation, handler);
                        } else {
                          dispatcher.on(operation, handler);
                        }
                      });
              if (operations.stream().anyMatch(operation -> served.test(address, operation))) {
                dispatcher.register().await();
              }
            });
  }
}
