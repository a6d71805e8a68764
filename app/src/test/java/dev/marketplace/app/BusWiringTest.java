package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.api.ContractWiring;
import dev.marketplace.common.bus.BusAddress;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The running marketplace serves every operation the contract sends over the event bus, and treats
 * an action nobody handles as the wiring bug it is.
 */
class BusWiringTest extends ApiTest {

  @Test
  void everyOperationOfTheContractHasItsHandler() {
    ContractWiring.check(vertx, Duration.ofSeconds(10)).await();
  }

  @Test
  void anActionWithoutAHandlerIsAServerError() {
    assertThatThrownBy(() -> fixtures.internal(BusAddress.ORDERS, "placeOrdr", new JsonObject()))
        .isInstanceOfSatisfying(
            ReplyException.class, failure -> assertThat(failure.failureCode()).isEqualTo(500));
  }
}
