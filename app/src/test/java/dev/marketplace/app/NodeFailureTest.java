package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A node that dies rather than stops: node 3 (order, payment, sandbox) runs as a process of its
 * own, started by the real launcher, and is killed with SIGKILL while buyers place orders through
 * the api on node 1.
 */
class NodeFailureTest {

  private static final int STOCK = 100_000;
  private static final int RETRIES_AT_ONCE = 8;

  @Test
  void ordersAcknowledgedBeforeANodeDiesAreKeptAndANewNodeTakesOver() throws Exception {
    try (TestCluster cluster = TestCluster.create()) {
      cluster.start("account,catalog");
      MarketplaceNode apiNode = cluster.start("api");
      Path log = Files.createDirectories(Path.of("target")).resolve("killed-order-node.log");
      Process orderNode = cluster.startProcess("order,payment,sandbox", log);
      ApiClient api = ApiClient.connect(cluster.clients, cluster.httpPort);
      Fixtures fixtures = new Fixtures(apiNode.vertx(), api);
      Eventually.until(() -> api.get("/health/ready").status() == 200, Duration.ofSeconds(30));
      Account seller = fixtures.seller("Doomed Node Shop");
      long productId = fixtures.product(seller, "Sturdy Mug", "Home", "7.00", STOCK).getLong("id");
      Account buyer = fixtures.buyer("Persistent Buyer");
      String path = "/api/buyers/orders";
      JsonObject mug = new JsonObject().put("product_id", productId).put("quantity", 1);

      List<SteadyLoad.Sent> sent;
      long killed;
      try (SteadyLoad load =
          new SteadyLoad(cluster.clients, 20, key -> buyer.api().postLater(path, mug, key))) {
        Eventually.until(() -> count(load.answered(), 201) >= 20, Duration.ofSeconds(30));
        orderNode.destroyForcibly().waitFor();
        killed = System.nanoTime();
        Eventually.until(
            () -> load.answered().stream().anyMatch(s -> s.sentAfter(killed) && refusedAtOnce(s)),
            Duration.ofSeconds(30));

        cluster.start("order,payment,sandbox");
        long replaced = System.nanoTime();
        Eventually.until(
            () ->
                load.answered().stream()
                        .filter(s -> s.sentAfter(replaced) && s.status() == 201)
                        .count()
                    >= 10,
            Duration.ofSeconds(30));
        sent = load.stop();
      }

      Map<Integer, Long> byStatus =
          sent.stream()
              .collect(Collectors.groupingBy(SteadyLoad.Sent::status, Collectors.counting()));
      long noticed =
          sent.stream()
              .filter(s -> s.sentAfter(killed) && refusedAtOnce(s))
              .mapToLong(SteadyLoad.Sent::sentAt)
              .min()
              .orElseThrow();
      System.out.printf(
          "order node killed: orders sent from %d ms after the kill were refused with 503 at once;"
              + " answers %s%n",
          Duration.ofNanos(noticed - killed).toMillis(), byStatus);
      assertThat(byStatus.keySet()).isSubsetOf(201, 503, 504);
      assertThat(Duration.ofNanos(noticed - killed))
          .as("a dead node's consumers are forgotten")
          .isLessThan(Duration.ofSeconds(ClusteredVertx.DEAD_AFTER_SECONDS));

      List<Long> acknowledged =
          sent.stream()
              .filter(s -> s.status() == 201)
              .map(s -> s.response().json().getLong("id"))
              .toList();
      assertThat(
              cluster.database.queryLong(
                  "SELECT count(*) FROM orders WHERE product_id = "
                      + productId
                      + " AND id IN ("
                      + acknowledged.stream().map(String::valueOf).collect(Collectors.joining(","))
                      + ")"))
          .as("every acknowledged order is in the database")
          .isEqualTo(acknowledged.size());

      // A buyer who got no answer retries with the same key: each key ends as exactly one order.
      // Hundreds of keys, eight at a time: each is a request of its own, none waits on another.
      List<SteadyLoad.Sent> failed = sent.stream().filter(s -> s.status() != 201).toList();
      for (int from = 0; from < failed.size(); from += RETRIES_AT_ONCE) {
        List<Future<ApiResponse>> retries =
            failed.subList(from, Math.min(from + RETRIES_AT_ONCE, failed.size())).stream()
                .map(again -> buyer.api().postLater(path, mug, again.key()))
                .toList();
        for (Future<ApiResponse> retry : retries) {
          assertThat(retry.await().status()).isEqualTo(201);
        }
      }
      assertThat(
              cluster.database.queryLong(
                  "SELECT count(*) FROM orders WHERE product_id = " + productId))
          .isEqualTo(sent.size());
      assertThat(
              cluster.database.queryLong(
                  "SELECT inventory FROM product_stock WHERE product_id = " + productId))
          .isEqualTo(STOCK - sent.size());
    }
  }

  /** Refused because no node takes orders, said at once rather than after the timeout. */
  private static boolean refusedAtOnce(SteadyLoad.Sent sent) {
    return sent.status() == 503 && sent.quick();
  }

  private static long count(List<SteadyLoad.Sent> sent, int status) {
    return sent.stream().filter(s -> s.status() == status).count();
  }
}
