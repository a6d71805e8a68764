package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.ContractWiring;
import dev.marketplace.api.openapi.ContractLoader;
import dev.marketplace.common.bus.Addresses;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The running marketplace serves every operation the contract sends over the event bus, and treats
 * an action nobody handles as the wiring bug it is.
 */
class BusWiringTest extends ApiTest {

  @Test
  void everyOperationOfTheContractHasItsHandler() {
    var contract = ContractLoader.load(vertx).await();
    Set<String> addresses = ContractWiring.operationsByAddress(contract).keySet();

    ContractWiring.check(vertx, contract, Duration.ofSeconds(10)).await();

    assertThat(addresses)
        .containsExactlyInAnyOrder(
            Addresses.ACCOUNTS, Addresses.CATALOG, Addresses.ORDERS, Addresses.PAYMENTS);
  }

  @Test
  void anActionWithoutAHandlerIsAServerError() {
    assertThatThrownBy(() -> fixtures.internal(Addresses.ORDERS, "placeOrdr", new JsonObject()))
        .isInstanceOfSatisfying(
            ReplyException.class, failure -> assertThat(failure.failureCode()).isEqualTo(500));
  }
}
