package dev.marketplace.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.Topics;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.PoolSettings;
import dev.marketplace.common.testing.TestDatabase;
import dev.marketplace.order.payments.OrderPayments;
import dev.marketplace.payment.PaymentRepository.Source;
import dev.marketplace.payment.gateway.GatewayPayment;
import dev.marketplace.payment.gateway.PaymentGateway;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the gateway says, from whichever source, against a real database: each step moves the
 * payment forward and its order with it in one transaction, the same news twice or out of order
 * changes nothing, an authorization is captured, and money captured for a cancelled order goes
 * back. The gateway here is a recording stand-in; the end-to-end tests use the sandbox.
 */
class PaymentSettlementTest {

  private static final BigDecimal TOTAL = new BigDecimal("24.50");

  private static Vertx vertx;
  private static TestDatabase database;
  private static Pool pool;
  private static long buyer;
  private static long seller;
  private static long product;
  private static final List<JsonObject> published = new CopyOnWriteArrayList<>();

  private final PaymentRepository payments = new PaymentRepository();
  private RecordingGateway gateway;
  private PaymentSettlement settlement;
  private long order;
  private Payment payment;

  @BeforeAll
  static void openTheDatabase() throws SQLException {
    vertx = Vertx.vertx();
    database = TestDatabase.create();
    pool =
        DatabasePool.shared(vertx, new PoolSettings(database.settings(), 4, Duration.ofSeconds(2)));
    vertx
        .eventBus()
        .<JsonObject>consumer(Topics.ORDER_EVENTS, message -> published.add(message.body()))
        .completion()
        .await();
    buyer =
        insert(
            "INSERT INTO users (name, email, role, password_hash)"
                + " VALUES ('Bea', 'bea@example.com', 'buyer', 'x') RETURNING id");
    seller =
        insert(
            "INSERT INTO users (name, email, role, password_hash)"
                + " VALUES ('Sal', 'sal@example.com', 'seller', 'x') RETURNING id");
    product =
        insert(
            "WITH p AS (INSERT INTO products (seller_id, name, category, price) VALUES ("
                + seller
                + ", 'Lamp', 'Home', 24.50) RETURNING id),"
                + " s AS (INSERT INTO product_stock (product_id, inventory) SELECT id, 10 FROM p)"
                + " SELECT id FROM p");
  }

  @AfterAll
  static void closeTheDatabase() throws SQLException {
    vertx.close().await();
    database.close();
  }

  /** A pending order with a payment of its whole total just started, as the buyer starts one. */
  @BeforeEach
  void startAPayment() throws SQLException {
    gateway = new RecordingGateway();
    OrderPayments orders = new OrderPayments(vertx);
    settlement =
        new PaymentSettlement(
            pool, payments, orders, gateway, PaymentMeters.of(new SimpleMeterRegistry()));
    order =
        insert(
            "INSERT INTO orders (buyer_id, seller_id, product_id, quantity, unit_price,"
                + " total_price) VALUES ("
                + buyer
                + ", "
                + seller
                + ", "
                + product
                + ", 1, 24.50, 24.50) RETURNING id");
    payment =
        pool.withTransaction(
                tx ->
                    payments
                        .start(tx, order, buyer, TOTAL, "card", "sandbox", null, null)
                        .compose(started -> orders.paymentStarted(tx, order).map(started)))
            .await();
  }

  @Test
  void aCaptureMovesTheOrderToProcessingAndIsPublished() throws Exception {

    Payment settled = settlement.observe(payment, seen("captured"), Source.WEBHOOK).await();

    assertThat(settled.status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(settled.transactionId()).isEqualTo("pay_" + order);
    assertThat(orderColumn("status")).isEqualTo("processing");
    assertThat(orderColumn("payment_status")).isEqualTo("captured");
    assertThat(orderColumn("paid_at IS NOT NULL")).isEqualTo("t");
    waitFor(() -> orderEvents().contains("processing"));
    assertThat(gateway.calls).isEmpty();
  }

  @Test
  void theSameNewsTwiceChangesNothingTheSecondTime() throws Exception {

    settlement.observe(payment, seen("captured"), Source.WEBHOOK).await();
    Payment again = settlement.observe(payment, seen("captured"), Source.RECONCILER).await();

    assertThat(again.status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(
            count(
                "payment_events WHERE payment_status = 'captured' AND payment_id = "
                    + payment.id()))
        .isEqualTo(1);
    assertThat(count("order_tracking WHERE status = 'processing' AND order_id = " + order))
        .isEqualTo(1);
  }

  @Test
  void anEarlierStepArrivingLateDoesNotUndoALaterOne() throws Exception {
    settlement.observe(payment, seen("captured"), Source.WEBHOOK).await();

    Payment late = settlement.observe(payment, seen("authorized"), Source.WEBHOOK).await();

    assertThat(late.status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(orderColumn("payment_status")).isEqualTo("captured");
    assertThat(gateway.calls).as("nothing to capture: it is captured").isEmpty();
  }

  @Test
  void anAuthorizationIsCapturedAtTheGateway() throws Exception {

    Payment settled = settlement.observe(payment, seen("authorized"), Source.API).await();

    assertThat(gateway.calls).containsExactly("capture " + payment.gatewayKey());
    assertThat(settled.status()).isEqualTo(PaymentStatus.CAPTURED);
    assertThat(orderColumn("status")).isEqualTo("processing");
    assertThat(count("payment_events WHERE payment_id = " + payment.id() + " AND source = 'api'"))
        .as("started, authorized, captured")
        .isEqualTo(3);
  }

  @Test
  void aDeclineFailsThePaymentAndTellsTheBuyerWhyOnTheOrder() throws Exception {

    Payment declined =
        settlement
            .observe(
                payment,
                new GatewayPayment(
                    "pay_x", GatewayPayment.Status.DECLINED, TOTAL, "card_declined", "No."),
                Source.API)
            .await();

    assertThat(declined.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(declined.failureCode()).isEqualTo("card_declined");
    assertThat(orderColumn("status")).isEqualTo("pending");
    assertThat(orderColumn("payment_status")).isEqualTo("failed");
    assertThat(orderColumn("payment_failure")).isEqualTo("No.");
  }

  @Test
  void aPaymentGivenUpOnChargesNothingAndLetsTheBuyerPayAgain() throws Exception {

    Payment failed =
        settlement.fail(payment, "not_received", "Never got there.", Source.RECONCILER).await();

    assertThat(failed.status()).isEqualTo(PaymentStatus.FAILED);
    assertThat(orderColumn("payment_status")).isEqualTo("failed");
    assertThat(settlement.observe(failed, seen("captured"), Source.WEBHOOK).await().status())
        .as("a failed payment stays failed")
        .isEqualTo(PaymentStatus.FAILED);
  }

  @Test
  void moneyCapturedForAnOrderCancelledMeanwhileGoesBack() throws Exception {
    database.execute("UPDATE orders SET status = 'cancelled' WHERE id = " + order);

    settlement.observe(payment, seen("captured"), Source.WEBHOOK).await();

    assertThat(orderColumn("status")).isEqualTo("cancelled");
    waitFor(() -> "refunded".equals(orderColumn("payment_status")));
    assertThat(gateway.calls).containsExactly("refund " + payment.gatewayKey() + " " + TOTAL);
    assertThat(payments.byId(pool, payment.id()).await().orElseThrow().status())
        .isEqualTo(PaymentStatus.REFUNDED);
  }

  /** The gateway's news of the payment, known there as {@code pay_<order id>}. */
  private GatewayPayment seen(String status) {
    return new GatewayPayment(
        "pay_" + order, GatewayPayment.Status.fromWire(status), TOTAL, null, null);
  }

  private List<String> orderEvents() {
    return published.stream()
        .filter(event -> event.getLong("order_id") == order)
        .map(event -> event.getString("status"))
        .toList();
  }

  private static long insert(String sql) throws SQLException {
    return database.queryLong(sql);
  }

  private static long count(String from) throws SQLException {
    return database.queryLong("SELECT count(*) FROM " + from);
  }

  private String orderColumn(String column) {
    try {
      return database.queryString("SELECT " + column + " FROM orders WHERE id = " + order);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishing and refunds follow the commit: poll, with a generous bound. */
  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** Answers captures and refunds as a gateway that agrees, and records them. */
  private static final class RecordingGateway implements PaymentGateway {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Override
    public Future<GatewayPayment> authorize(
        UUID key, BigDecimal amount, String cardToken, long orderId) {
      return Future.failedFuture(new UnsupportedOperationException("the tests start payments"));
    }

    @Override
    public Future<GatewayPayment> capture(UUID key, String reference) {
      calls.add("capture " + key);
      return Future.succeededFuture(
          new GatewayPayment(reference, GatewayPayment.Status.CAPTURED, TOTAL, null, null));
    }

    @Override
    public Future<GatewayPayment> refund(UUID key, String reference, BigDecimal amount) {
      calls.add("refund " + key + " " + amount);
      return Future.succeededFuture(
          new GatewayPayment(reference, GatewayPayment.Status.REFUNDED, amount, null, null));
    }

    @Override
    public Future<Optional<GatewayPayment>> lookup(UUID key) {
      return Future.succeededFuture(Optional.empty());
    }
  }
}
