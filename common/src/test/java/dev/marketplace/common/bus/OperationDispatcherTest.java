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

  private static final BusAddress ADDRESS = BusAddress.ORDERS;

  private Vertx vertx;

  @BeforeEach
  void serve() {
    vertx = Vertx.vertx();
    new OperationDispatcher(vertx, ADDRESS)
        .on(
            ApiOperation.LIST_BUYER_ORDERS,
            request -> Future.succeededFuture(Reply.ok(new JsonObject().put("hi", 1))))
        .on(
            ApiOperation.BUYER_ORDER_DETAIL,
            request -> Future.failedFuture(new IllegalStateException("a bug")))
        .on(
            InternalAction.EXPIRE_UNPAID_ORDERS,
            request -> Future.succeededFuture(Reply.noContent()))
        .register()
        .await();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void answersAnActionWithItsReplyAndStatus() {
    Message<String> reply = send(ApiOperation.LIST_BUYER_ORDERS.id()).await();

    assertThat(reply.headers().get(Reply.STATUS)).isEqualTo("200");
    assertThat(new JsonObject(reply.body()).getInteger("hi")).isEqualTo(1);
  }

  @Test
  void aWritesAnswerSaysWhereItCommittedWhereReadsMayComeFromReplicas() {
    Vertx other = Vertx.vertx();
    try {
      new OperationDispatcher(other, ADDRESS)
          .on(
              InternalAction.EXPIRE_UNPAID_ORDERS,
              request -> Future.succeededFuture(Reply.created(new JsonObject())))
          .on(
              ApiOperation.LIST_BUYER_ORDERS,
              request -> Future.succeededFuture(Reply.ok(new JsonObject()).readAt(77)))
          .positions(() -> Future.succeededFuture(4242L))
          .register()
          .await();

      Message<String> written = send(other, InternalAction.EXPIRE_UNPAID_ORDERS.id(), true).await();
      assertThat(written.headers().get(Reply.WRITTEN_AT)).isEqualTo("4242");
      Message<String> read = send(other, ApiOperation.LIST_BUYER_ORDERS.id(), false).await();
      assertThat(read.headers().get(Reply.WRITTEN_AT)).as("a read asks for no position").isNull();
      assertThat(read.headers().get(Reply.READ_AT)).isEqualTo("77");
    } finally {
      other.close().await();
    }
  }

  @Test
  void aWriteWhosePositionThePrimaryCannotTellSaysSo() {
    Vertx other = Vertx.vertx();
    try {
      new OperationDispatcher(other, ADDRESS)
          .on(
              InternalAction.EXPIRE_UNPAID_ORDERS,
              request -> Future.succeededFuture(Reply.created(new JsonObject())))
          .positions(() -> Future.failedFuture("the primary is gone"))
          .register()
          .await();

      Message<String> written = send(other, InternalAction.EXPIRE_UNPAID_ORDERS.id(), true).await();
      assertThat(written.headers().get(Reply.STATUS)).isEqualTo("201");
      assertThat(written.headers().get(Reply.WRITTEN_AT)).isEqualTo(Reply.UNKNOWN_POSITION);
    } finally {
      other.close().await();
    }
  }

  @Test
  void listsTheActionsItServes() {
    JsonObject listed = new JsonObject(send(InternalAction.LIST_ACTIONS.id()).await().body());

    assertThat(listed.getJsonArray("actions").getList())
        .containsExactly("buyerOrderDetail", "expireUnpaidOrders", "listBuyerOrders");
  }

  @Test
  void anActionWithoutAHandlerIsAServerErrorNotAMissingResource() {
    ReplyException failure = failureOf("placeOrdr");

    assertThat(failure.failureCode()).isEqualTo(500);
    assertThat(new JsonObject(failure.getMessage()).getString("error")).isEqualTo("internal");
  }

  @Test
  void anUnexpectedFailureIsAServerErrorThatTellsTheClientNothing() {
    ReplyException failure = failureOf(ApiOperation.BUYER_ORDER_DETAIL.id());

    assertThat(failure.failureCode()).isEqualTo(500);
    assertThat(failure.getMessage()).doesNotContain("a bug");
  }

  @Test
  void refusesTwoHandlersForOneAction() {
    OperationDispatcher dispatcher =
        new OperationDispatcher(vertx, ADDRESS).on(ApiOperation.LIST_BUYER_ORDERS, request -> null);

    assertThatThrownBy(() -> dispatcher.on(ApiOperation.LIST_BUYER_ORDERS, request -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("listBuyerOrders");
  }

  @Test
  void refusesAnOperationTheContractSendsElsewhere() {
    OperationDispatcher dispatcher = new OperationDispatcher(vertx, ADDRESS);

    assertThatThrownBy(() -> dispatcher.on(ApiOperation.REGISTER_BUYER, request -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The contract sends registerBuyer to accounts, not to orders");
  }

  @Test
  void refusesAPlainHandlerForAnOperationWhoseContractDeclaresAnIdempotencyKey() {
    OperationDispatcher dispatcher = new OperationDispatcher(vertx, ADDRESS);

    assertThatThrownBy(() -> dispatcher.on(ApiOperation.PLACE_ORDER, request -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Idempotency-Key on placeOrder")
        .hasMessageContaining("WriteOperation");
  }

  @Test
  void aKeyThatReachesAHandlerWhichIgnoresKeysIsAWiringBugNotIgnored() {
    Future<Message<String>> answer =
        vertx
            .eventBus()
            .request(
                ADDRESS.value(),
                new BusRequest(
                        null,
                        null,
                        null,
                        new JsonObject().put(OperationDispatcher.IDEMPOTENCY_KEY, "k-1"),
                        null)
                    .toJson(),
                new DeliveryOptions()
                    .addHeader(BusRequest.ACTION, ApiOperation.LIST_BUYER_ORDERS.id()));

    assertThatThrownBy(answer::await).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) answer.cause()).failureCode()).isEqualTo(500);
  }

  private ReplyException failureOf(String action) {
    Future<Message<String>> answer = send(action);
    assertThatThrownBy(answer::await).isInstanceOf(ReplyException.class);
    return (ReplyException) answer.cause();
  }

  private Future<Message<String>> send(String action) {
    return send(vertx, action, false);
  }

  private static Future<Message<String>> send(Vertx on, String action, boolean write) {
    return on.eventBus()
        .request(
            ADDRESS.value(),
            new BusRequest(null, null, null, null, null, 0, write).toJson(),
            new DeliveryOptions().addHeader(BusRequest.ACTION, action));
  }
}
