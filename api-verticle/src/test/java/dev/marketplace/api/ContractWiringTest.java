package dev.marketplace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.openapi.ContractLoader;
import dev.marketplace.common.bus.ApiOperation;
import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.OperationDispatcher;
import dev.marketplace.common.bus.OperationHandler;
import dev.marketplace.common.bus.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operation catalogue the build generates is the contract's, and the start-up check finds every
 * operation it sends over the bus without a handler.
 */
class ContractWiringTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void theCatalogueHoldsEveryOperationOfTheContractWithItsAddress() {
    OpenAPIContract contract = ContractLoader.load(vertx).await();
    Map<String, String> inContract = new TreeMap<>();
    for (Operation operation : contract.operations()) {
      Object address = operation.getExtensions().get("x-eventbus-address");
      inContract.put(operation.getOperationId(), address == null ? "" : address.toString());
    }
    Map<String, String> inCatalogue =
        Arrays.stream(ApiOperation.values())
            .collect(
                Collectors.toMap(
                    ApiOperation::id,
                    operation -> operation.address().map(BusAddress::value).orElse(""),
                    (a, b) -> a,
                    TreeMap::new));

    assertThat(inCatalogue).isEqualTo(inContract);
  }

  @Test
  void theContractSendsOperationsToEveryDomainAddress() {
    Map<BusAddress, Set<ApiOperation>> byAddress = ContractWiring.operationsByAddress();

    assertThat(byAddress).containsOnlyKeys(BusAddress.values());
    assertThat(byAddress.get(BusAddress.ORDERS))
        .contains(ApiOperation.PLACE_ORDER, ApiOperation.CHECKOUT);
    assertThat(byAddress.get(BusAddress.CATALOG))
        .contains(ApiOperation.GET_IMAGE, ApiOperation.GET_IMAGE_THUMBNAIL);
    assertThat(byAddress.values())
        .noneMatch(operations -> operations.contains(ApiOperation.LIVENESS));
  }

  @Test
  void passesWhenEveryOperationHasAHandler() {
    serve((address, operation) -> true);

    ContractWiring.check(vertx, TIMEOUT).await();
  }

  @Test
  void namesEveryOperationWithoutAHandler() {
    serve(
        (address, operation) ->
            operation != ApiOperation.CHECKOUT && operation != ApiOperation.LOGOUT);

    assertThatThrownBy(() -> ContractWiring.check(vertx, TIMEOUT).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("orders has no handler for [checkout]")
        .hasMessageContaining("accounts has no handler for [logout]")
        .hasMessageNotContaining("catalog");
  }

  @Test
  void namesEveryOperationThatDeclaresAnIdempotencyKeyNoHandlerHonours() {
    serve((address, operation) -> address != BusAddress.CATALOG);
    // A node of an older build: it serves every operation, and says of none that it takes keys.
    JsonArray all = new JsonArray();
    ContractWiring.operationsByAddress()
        .get(BusAddress.CATALOG)
        .forEach(operation -> all.add(operation.id()));
    vertx
        .eventBus()
        .<JsonObject>consumer(
            BusAddress.CATALOG.value(),
            message -> message.reply(new JsonObject().put("actions", all).encode()))
        .completion()
        .await();

    assertThatThrownBy(() -> ContractWiring.check(vertx, TIMEOUT).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("catalog does not honour the Idempotency-Key the contract declares")
        .hasMessageContaining("adjustStock")
        .hasMessageNotContaining("orders");
  }

  @Test
  void anAddressThatNoVerticleServesFailsTheStartInOneProcess() {
    serve((address, operation) -> address != BusAddress.PAYMENTS);

    assertThatThrownBy(() -> ContractWiring.check(vertx, TIMEOUT).await())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("payments does not answer");
  }

  /**
   * Registers a dispatcher on every address, with a handler for the operations {@code served};
   * those that declare an Idempotency-Key honour it.
   */
  private void serve(BiPredicate<BusAddress, ApiOperation> served) {
    ContractWiring.operationsByAddress()
        .forEach(
            (address, operations) -> {
              OperationDispatcher dispatcher = new OperationDispatcher(vertx, address);
              operations.stream()
                  .filter(operation -> served.test(address, operation))
                  .forEach(
                      operation -> {
                        OperationHandler handler =
                            request -> Future.succeededFuture(Reply.noContent());
                        if (operation.takesIdempotencyKey()) {
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
