package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rollup that captures, cancellations and expiries keep as they happen is exactly what the
 * operator's rebuild computes from the orders afterwards, after a random (seeded, so repeatable)
 * life of a marketplace: orders and carts, payments that pass or are declined, bursts of concurrent
 * payments on one shop, cancellations by buyers and sellers before and after payment, shipments,
 * and unpaid orders expiring.
 */
class SalesRollupRebuildTest extends PaymentApiTest {

  private static final long SEED = 20_261_202L;
  private static final int STEPS = 160;

  /** An order as the test last saw it. */
  private record Placed(long id, Account buyer, Account seller, String status) {

    Placed now(String newStatus) {
      return new Placed(id, buyer, seller, newStatus);
    }
  }

  private final Random random = new Random(SEED);
  private final List<Account> sellers = new ArrayList<>();
  private final List<Account> buyers = new ArrayList<>();
  private final Map<Long, Account> sellerOfProduct = new LinkedHashMap<>();
  private final Map<Long, Placed> orders = new LinkedHashMap<>();

  @Test
  void theLiveRollupIsWhatTheRebuildComputes() throws Exception {
    openShops();
    for (int step = 0; step < STEPS; step++) {
      int dice = random.nextInt(100);
      if (dice < 30) {
        placeOrder();
      } else if (dice < 38) {
        checkout();
      } else if (dice < 60) {
        pay();
      } else if (dice < 64) {
        payManyAtOnce();
      } else if (dice < 76) {
        cancel();
      } else if (dice < 94) {
        moveOn();
      } else {
        expireUnpaid();
      }
    }
    // The history must hold every kind of event, or the comparison proves little.
    assertThat(orders.values())
        .extracting(Placed::status)
        .contains("pending", "processing", "shipped", "delivered", "completed", "cancelled");
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM orders WHERE status = 'cancelled'"
                    + " AND paid_at IS NOT NULL"))
        .as("refunded orders")
        .isPositive();
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM orders WHERE status = 'cancelled'" + " AND paid_at IS NULL"))
        .as("orders cancelled unpaid")
        .isPositive();

    Map<String, String> live = SalesRollupTables.snapshot(database);
    List<JsonObject> liveReports = reports();
    SalesRollupTables.rebuild(database);

    assertThat(SalesRollupTables.snapshot(database)).isEqualTo(live);
    assertThat(reports()).isEqualTo(liveReports);
    assertThat(live.get("sales_quarter_hours")).isNotEmpty();
  }

  private void openShops() {
    for (int s = 0; s < 3; s++) {
      Account shop = fixtures.seller("Random Shop " + s);
      sellers.add(shop);
      for (int p = 0; p < 3; p++) {
        String price = (1 + random.nextInt(99)) + "." + String.format("%02d", random.nextInt(100));
        long id = fixtures.product(shop, "Thing " + s + p, "Random", price, 60).getLong("id");
        sellerOfProduct.put(id, shop);
      }
    }
    for (int b = 0; b < 5; b++) {
      buyers.add(fixtures.buyer("Random Buyer " + b));
    }
  }

  private void placeOrder() {
    Account buyer = pick(buyers);
    long product = pick(new ArrayList<>(sellerOfProduct.keySet()));
    ApiResponse placed = fixtures.tryOrder(buyer, product, 1 + random.nextInt(3));
    if (placed.status() == 201) {
      remember(placed.json(), buyer);
    }
  }

  private void checkout() {
    Account buyer = pick(buyers);
    JsonArray items = new JsonArray();
    List<Long> products = new ArrayList<>(sellerOfProduct.keySet());
    for (int line = 0; line < 2 + random.nextInt(3); line++) {
      long product = products.remove(random.nextInt(products.size()));
      items.add(new JsonObject().put("product_id", product).put("quantity", 1 + random.nextInt(2)));
    }
    ApiResponse cart =
        buyer.api().post("/api/buyers/checkout", new JsonObject().put("items", items));
    if (cart.status() == 201) {
      cart.json().getJsonArray("orders").forEach(order -> remember((JsonObject) order, buyer));
    }
  }

  private void pay() {
    Placed order = pickIn("pending");
    if (order == null) {
      return;
    }
    String card = random.nextInt(5) == 0 ? "tok_declined" : "tok_success";
    ApiResponse paid = pay(order.buyer(), order.id(), card);
    assertThat(paid.status()).as(paid.toString()).isIn(201, 402);
    if (paid.status() == 201) {
      orders.put(order.id(), order.now("processing"));
    }
  }

  /** Pays every pending order of one shop at once: their figures meet on the same rows. */
  private void payManyAtOnce() {
    Account shop = pick(sellers);
    List<Placed> pending =
        orders.values().stream()
            .filter(order -> order.seller() == shop && order.status().equals("pending"))
            .toList();
    List<Future<HttpResponse<Buffer>>> payments = new ArrayList<>();
    for (Placed order : pending) {
      payments.add(
          order
              .buyer()
              .api()
              .sendAsync(
                  HttpMethod.POST,
                  "/api/buyers/orders/" + order.id() + "/payments",
                  new JsonObject().put("payment_method", "card").put("card_token", "tok_success")));
    }
    Future.all(payments).await();
    for (int k = 0; k < pending.size(); k++) {
      assertThat(payments.get(k).result().statusCode()).isEqualTo(201);
      orders.put(pending.get(k).id(), pending.get(k).now("processing"));
    }
  }

  private void cancel() {
    Placed order = pickIn(random.nextBoolean() ? "pending" : "processing");
    if (order == null) {
      return;
    }
    if (random.nextBoolean()) {
      ApiResponse cancelled =
          order
              .buyer()
              .api()
              .post("/api/buyers/orders/" + order.id() + "/cancel", new JsonObject());
      assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
    } else {
      fixtures.move(
          order.seller(),
          order.id(),
          new JsonObject().put("status", "cancelled").put("reason", "Cannot deliver"));
    }
    orders.put(order.id(), order.now("cancelled"));
  }

  private void moveOn() {
    Placed order = pickIn(pick(List.of("processing", "shipped", "delivered")));
    if (order == null) {
      return;
    }
    String next =
        switch (order.status()) {
          case "processing" -> "shipped";
          case "shipped" -> "delivered";
          default -> "completed";
        };
    JsonObject change = new JsonObject().put("status", next);
    if (next.equals("shipped")) {
      change.put("carrier", "DHL").put("tracking_number", "JD" + order.id());
    }
    fixtures.move(order.seller(), order.id(), change);
    orders.put(order.id(), order.now(next));
  }

  /**
   * Ages the unpaid orders past their hold and sweeps them. (Moving the clock instead would let the
   * sweep's own timer expire every later order too, behind the test's back.)
   */
  private void expireUnpaid() throws Exception {
    database.execute(
        "UPDATE orders SET created_at = created_at - interval '1 hour' WHERE status = 'pending'");
    fixtures.expireUnpaidOrders();
    orders.replaceAll(
        (id, order) -> order.status().equals("pending") ? order.now("cancelled") : order);
  }

  private void remember(JsonObject order, Account buyer) {
    long id = order.getLong("id");
    Account seller =
        sellers.stream()
            .filter(s -> s.id() == order.getLong("seller_id"))
            .findFirst()
            .orElseThrow();
    orders.put(id, new Placed(id, buyer, seller, "pending"));
  }

  private Placed pickIn(String status) {
    List<Placed> candidates =
        orders.values().stream().filter(order -> order.status().equals(status)).toList();
    return candidates.isEmpty() ? null : pick(candidates);
  }

  private <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /** Each shop's report for today and yesterday, in a few zones and by day and by week. */
  private List<JsonObject> reports() {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    String period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    List<JsonObject> reports = new ArrayList<>();
    for (Account shop : sellers) {
      for (String view :
          List.of("", "&tz=Asia/Kathmandu", "&tz=America/St_Johns&granularity=week")) {
        ApiResponse answer =
            shop.api().get("/api/sellers/" + shop.id() + "/analytics?" + period + view);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        reports.add(answer.json());
      }
    }
    return reports;
  }
}
