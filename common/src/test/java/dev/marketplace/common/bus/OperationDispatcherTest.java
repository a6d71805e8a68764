package dev.marketplace.common.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperationDispatcherTest {

  private static final String ADDRESS = "test-address";

  private Vertx vertx;

  @BeforeEach
  void serve() {
    vertx = Vertx.vertx();
    new OperationDispatcher(vertx, ADDRESS)
        .on("greet", request -> Future.succeededFuture(Reply.ok(new JsonObject().put("hi", 1))))
        .on("fail", request -> Future.failedFuture(new IllegalStateException("a bug")))
        .register()
        .await();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void answersAnActionWithItsReplyAndStatus() {
    Message<String> reply = send("greet").await();

    assertThat(reply.headers().get(Reply.STATUS)).isEqualTo("200");
    assertThat(new JsonObject(reply.body()).getInteger("hi")).isEqualTo(1);
  }

  @Test
  void listsTheActionsItServes() {
    JsonObject listed = new JsonObject(send(Actions.LIST_ACTIONS).await().body());

    assertThat(listed.getJsonArray("actions").getList()).containsExactly("fail", "greet");
  }

  @Test
  void anActionWithoutAHandlerIsAServerErrorNotAMissingResource() {
    ReplyException failure = failureOf("placeOrdr");

    assertThat(failure.failureCode()).isEqualTo(500);
    assertThat(new JsonObject(failure.getMessage()).getString("error")).isEqualTo("internal");
  }

  @Test
  void anUnexpectedFailureIsAServerErrorThatTellsTheClientNothing() {
    ReplyException failure = failureOf("fail");

    assertThat(failure.failureCode()).isEqualTo(500);
    assertThat(failure.getMessage()).doesNotContain("a bug");
  }

  @Test
  void refusesTwoHandlersForOneAction() {
    OperationDispatcher dispatcher =
        new OperationDispatcher(vertx, "elsewhere").on("greet", request -> null);

    assertThatThrownBy(() -> dispatcher.on("greet", request -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("greet");
  }

  private ReplyException failureOf(String action) {
    Future<Message<String>> answer = send(action);
    assertThatThrownBy(answer::await).isInstanceOf(ReplyException.class);
    return (ReplyException) answer.cause();
  }

  private Future<Message<String>> send(String action) {
    return vertx
        .eventBus()
        .request(
            ADDRESS,
            new BusRequest(null, null, null, null, null).toJson(),
            new DeliveryOptions().addHeader(BusRequest.ACTION, action));
  }
}
