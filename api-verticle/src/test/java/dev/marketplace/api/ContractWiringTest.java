package dev.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.openapi.ContractLoader;
import dev.marketplace.common.bus.Addresses;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
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
  void anAddressThatNoVerticleServesFailsTheStartInOneProcess() {
    serve((address, operation) -> !address.equals(Addresses.PAYMENTS));

    assertThatThrownBy(() -> ContractWiring.check(vertx, contract, TIMEOUT).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("payments does not answer");
  }

  /** Registers a dispatcher on every address, with a handler for the operations {@code served}. */
  private void serve(BiPredicate<String, String> served) {
    ContractWiring.operationsByAddress(contract)
        .forEach(
            (address, operations) -> {
              OperationDispatcher dispatcher = new OperationDispatcher(vertx, address);
              operations.stream()
                  .filter(operation -> served.test(address, operation))
                  .forEach(
                      operation ->
                          dispatcher.on(
                              operation, request -> Future.succeededFuture(Reply.noContent())));
              if (operations.stream().anyMatch(operation -> served.test(address, operation))) {
                dispatcher.register().await();
              }
            });
  }
}
