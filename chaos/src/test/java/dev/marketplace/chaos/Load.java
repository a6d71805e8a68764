package dev.marketplace.chaos;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A steady, open-loop mix of what buyers and sellers do: orders, checkouts, payments (some slow,
 * some declined), cancellations of paid orders (refunds), stock changes and reads, started at a
 * fixed rate whatever the answers, as real clients would keep coming. Every write carries an
 * Idempotency-Key and is sent again with it after a 503, a 504 or no answer, until it gets a
 * definitive answer, so that what the clients were told is known for every write; the ledger keeps
 * what was acknowledged. Every single answer is recorded under the phase it was sent in.
 */
final class Load implements AutoCloseable {

  /** One answer, as a client saw it; {@code error} is the error body's code, if any. */
  record Sent(
      String phase, String action, int status, long millis, long sentAtMillis, String error) {}

  /** A buyer, a seller: an account id and its token. */
  record Account(long id, String token) {}

  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(90);

  private final Api api;
  private final List<Account> buyers;
  private final Account seller;
  private final List<Long> products;
  private final int perSecond;
  private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
  private final java.util.concurrent.ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor();

  final Queue<Sent> answers = new ConcurrentLinkedQueue<>();
  final Set<Long> ackedOrders = ConcurrentHashMap.newKeySet();
  final Set<Long> ackedPayments = ConcurrentHashMap.newKeySet();
  final Set<Long> ackedRefundsDue = ConcurrentHashMap.newKeySet();
  final Map<Long, AtomicLong> ackedStock = new ConcurrentHashMap<>();
  final Set<String> unresolved = ConcurrentHashMap.newKeySet();
  private final Queue<long[]> unpaid = new ConcurrentLinkedQueue<>();
  private final Queue<long[]> paid = new ConcurrentLinkedQueue<>();
  private final AtomicLong inFlight = new AtomicLong();

  /**
   * Held (shared) by each stock change from its first send to its definitive answer, and
   * (exclusively) by a stock check: while it checks, no stock change is under way.
   */
  private final ReentrantReadWriteLock stockChanges = new ReentrantReadWriteLock();

  private volatile String phase = "warm-up";

  Load(Api api, List<Account> buyers, Account seller, List<Long> products, int perSecond) {
    this.api = api;
    this.buyers = buyers;
    this.seller = seller;
    this.products = products;
    this.perSecond = perSecond;
    products.forEach(product -> ackedStock.put(product, new AtomicLong()));
  }

  void phase(String name) {
    phase = name;
  }

  void start() {
    clock.scheduleAtFixedRate(
        () -> workers.execute(this::oneAction), 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
  }

  /** Stops starting actions and waits for those under way to be resolved. */
  void stopAndSettle(Duration limit) throws InterruptedException {
    clock.shutdownNow();
    long deadline = System.nanoTime() + limit.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
  }

  private void oneAction() {
    inFlight.incrementAndGet();
    try {
      int dice = ThreadLocalRandom.current().nextInt(100);
      if (dice < 35) {
        order();
      } else if (dice < 45) {
        checkout();
      } else if (dice < 70) {
        pay();
      } else if (dice < 80) {
        cancelPaid();
      } else if (dice < 90) {
        stock();
      } else {
        read();
      }
    } catch (RuntimeException bug) {
      answers.add(new Sent(phase, "bug: " + bug, 0, 0, System.currentTimeMillis(), ""));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private Account anyBuyer() {
    return buyers.get(ThreadLocalRandom.current().nextInt(buyers.size()));
  }

  private long anyProduct() {
    return products.get(ThreadLocalRandom.current().nextInt(products.size()));
  }

  private void order() {
    Account buyer = anyBuyer();
    JsonObject body = new JsonObject().put("product_id", anyProduct()).put("quantity", 1);
    Api.Answer answer =
        write("order", key -> api.post("/api/buyers/orders", buyer.token(), body, key));
    if (answer != null && answer.status() == 201) {
      ackedOrders.add(answer.id());
      unpaid.add(new long[] {buyer.id(), answer.id()});
    }
  }

  private void checkout() {
    Account buyer = anyBuyer();
    JsonArray items = new JsonArray();
    long first = anyProduct();
    items.add(new JsonObject().put("product_id", first).put("quantity", 1));
    long second = anyProduct();
    if (second != first) {
      items.add(new JsonObject().put("product_id", second).put("quantity", 2));
    }
    Api.Answer answer =
        write(
            "checkout",
            key ->
                api.post(
                    "/api/buyers/checkout",
                    buyer.token(),
                    new JsonObject().put("items", items),
                    key));
    if (answer != null && answer.status() == 201) {
      for (Object order : answer.body().getJsonArray("orders")) {
        long id = ((JsonObject) order).getLong("id");
        ackedOrders.add(id);
        unpaid.add(new long[] {buyer.id(), id});
      }
    }
  }

  private void pay() {
    long[] order = unpaid.poll();
    if (order == null) {
      order();
      return;
    }
    Account buyer = buyers.stream().filter(b -> b.id() == order[0]).findFirst().orElseThrow();
    int dice = ThreadLocalRandom.current().nextInt(100);
    String card = dice < 70 ? "tok_success" : dice < 85 ? "tok_slow" : "tok_declined";
    JsonObject body = new JsonObject().put("payment_method", "card").put("card_token", card);
    Api.Answer answer =
        write(
            "pay",
            key ->
                api.post("/api/buyers/orders/" + order[1] + "/payments", buyer.token(), body, key));
    if (answer != null && (answer.status() == 201 || answer.status() == 202)) {
      ackedPayments.add(answer.id());
      if (answer.status() == 201 && "captured".equals(answer.body().getString("payment_status"))) {
        paid.add(order);
      }
    }
  }

  private void cancelPaid() {
    long[] order = paid.poll();
    if (order == null) {
      stock();
      return;
    }
    Account buyer = buyers.stream().filter(b -> b.id() == order[0]).findFirst().orElseThrow();
    Api.Answer answer =
        write(
            "cancel",
            key ->
                api.post(
                    "/api/buyers/orders/" + order[1] + "/cancel",
                    buyer.token(),
                    new JsonObject().put("reason", "chaos"),
                    key));
    if (answer != null && answer.status() == 200) {
      ackedRefundsDue.add(order[1]);
    }
  }

  private void stock() {
    long product = anyProduct();
    int change = ThreadLocalRandom.current().nextInt(1, 6);
    stockChanges.readLock().lock();
    try {
      Api.Answer answer =
          write(
              "stock",
              key ->
                  api.post(
                      "/api/sellers/products/" + product + "/stock",
                      seller.token(),
                      new JsonObject().put("change", change),
                      key));
      if (answer != null && answer.status() == 200) {
        ackedStock.get(product).addAndGet(change);
      }
    } finally {
      stockChanges.readLock().unlock();
    }
  }

  /** A check of the stock, given the acknowledged change of every product. */
  @FunctionalInterface
  interface StockCheck<T> {
    T check(Map<Long, Long> ackedChanges) throws Exception;
  }

  /**
   * Runs {@code check} once every stock change under way has its definitive answer, holding back
   * new ones meanwhile (the other actions go on): every stock change the database has is then in
   * the ledger.
   */
  <T> T withStockSettled(Duration limit, StockCheck<T> check) throws Exception {
    if (!stockChanges.writeLock().tryLock(limit.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("stock changes still unanswered after " + limit);
    }
    try {
      Map<Long, Long> acked = new HashMap<>();
      ackedStock.forEach((product, change) -> acked.put(product, change.get()));
      return check.check(acked);
    } finally {
      stockChanges.writeLock().unlock();
    }
  }

  private void read() {
    Account buyer = anyBuyer();
    record("read", () -> api.get("/api/buyers/" + buyer.id() + "/orders?limit=5", buyer.token()));
  }

  /**
   * Sends a write until it gets a definitive answer, with the same key every time; null if it never
   * did (counted as unresolved, which the suite fails on).
   */
  private Api.Answer write(String action, java.util.function.Function<String, Api.Answer> send) {
    String key = Api.newKey();
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      Api.Answer answer = record(action, () -> send.apply(key));
      if (answer.definitive()) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        unresolved.add(action + " " + key);
        return null;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        unresolved.add(action + " " + key);
        return null;
      }
    }
  }

  private Api.Answer record(String action, Supplier<Api.Answer> send) {
    String sentIn = phase;
    long sentAt = System.currentTimeMillis();
    Api.Answer answer = send.get();
    answers.add(
        new Sent(
            sentIn,
            action,
            answer.status(),
            answer.millis(),
            sentAt,
            answer.body().getString("error", "")));
    return answer;
  }

  @Override
  public void close() {
    clock.shutdownNow();
    workers.shutdownNow();
  }
}
