package dev.marketplace.chaos;

import dev.marketplace.common.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database's invariants over what the clients were told so far: every acknowledged order,
 * payment, cancellation with its refund and stock change is there, every product's stock is exact,
 * and {@code payment_events} holds no order captured or refunded twice. Checked after every fault
 * while the load goes on, and once more at the end when it has stopped. A breach is counted once,
 * against the first check that saw it, so that each fault's row holds what went wrong in it.
 */
final class Invariants {

  /** One breach: what it is about (an order, a product), and what was seen. */
  record Breach(String subject, String seen) {
    @Override
    public String toString() {
      return subject + ": " + seen;
    }
  }

  /** The breaches one check saw that no check before it had. */
  record Breaches(List<Breach> lost, List<Breach> duplicated) {
    boolean none() {
      return lost.isEmpty() && duplicated.isEmpty();
    }

    /** The first few of each kind, for a problem line. */
    String summary() {
      return String.format(
          "%d acknowledged write(s) lost %s, %d duplicate(s) %s",
          lost.size(),
          lost.stream().limit(5).toList(),
          duplicated.size(),
          duplicated.stream().limit(5).toList());
    }
  }

  /** How long a check waits for the stock changes under way to get their answers. */
  private static final Duration STOCK_SETTLE_LIMIT = Duration.ofSeconds(30);

  private final TestDatabase db;
  private final Load load;
  private final List<Long> products;
  private final long initialStock;
  private final Set<String> seen = new HashSet<>();
  private long lost;
  private long duplicated;

  /**
   * When the sandbox gateway was killed, if it was: it keeps its ledger in memory, as a sandbox may
   * ({@code SandboxLedger}), so it no longer knows a payment made before then, and refunds of those
   * can never be made (it answers {@code no_such_payment}). A real gateway forgets nothing; those
   * payments are left out of the refund checks and counted apart ({@link #forgottenByTheGateway}).
   */
  private volatile Instant gatewayForgotBefore;

  Invariants(TestDatabase db, Load load, List<Long> products, long initialStock) {
    this.db = db;
    this.load = load;
    this.products = List.copyOf(products);
    this.initialStock = initialStock;
  }

  /**
   * Checks every invariant over what was acknowledged until now. With {@code settled} (the load has
   * stopped and the periodic jobs have finished) a cancelled paid order must be refunded; before,
   * its refund must at least be due, as the cancellation's answer promised.
   */
  Breaches check(boolean settled) throws Exception {
    List<Breach> lostNow = new ArrayList<>();
    List<Breach> duplicatedNow = new ArrayList<>();
    for (String id : missing("orders", load.ackedOrders)) {
      lostNow.add(new Breach("order " + id, "acknowledged, not in orders"));
    }
    for (String id : missing("payments", load.ackedPayments)) {
      lostNow.add(new Breach("payment " + id, "acknowledged, not in payments"));
    }
    for (String id : unrefunded(List.copyOf(load.ackedRefundsDue), settled)) {
      lostNow.add(
          new Breach(
              "refund of order " + id,
              settled ? "cancellation acknowledged, still captured" : "no refund due or made"));
    }
    lostNow.addAll(load.withStockSettled(STOCK_SETTLE_LIMIT, this::wrongStock));
    for (String status : List.of("captured", "refunded")) {
      for (String order :
          db.queryStrings(
              "SELECT p.order_id FROM payment_events e JOIN payments p ON p.id = e.payment_id"
                  + " WHERE e.payment_status = '"
                  + status
                  + "' GROUP BY p.order_id HAVING count(*) > 1")) {
        duplicatedNow.add(new Breach("order " + order, status + " twice"));
      }
    }
    Breaches fresh =
        new Breaches(
            lostNow.stream().filter(b -> seen.add("lost " + b.subject())).toList(),
            duplicatedNow.stream().filter(b -> seen.add("twice " + b.subject())).toList());
    lost += fresh.lost().size();
    duplicated += fresh.duplicated().size();
    return fresh;
  }

  /** The sandbox gateway is being killed now, and will come back knowing no earlier payment. */
  void gatewayLosesItsLedger() {
    gatewayForgotBefore = Instant.now();
  }

  /**
   * SQL that is true for a payment {@code p} the restarted gateway does not know (false when the
   * gateway was never killed).
   */
  String forgotten(String p) {
    Instant before = gatewayForgotBefore;
    return before == null ? "false" : "(" + p + ".created_at < '" + before + "')";
  }

  /** Cancelled orders whose capture the gateway forgot, so that no refund can be made. */
  long forgottenByTheGateway() throws Exception {
    return db.queryLong(
        "SELECT count(*) FROM payments p JOIN orders o ON o.id = p.order_id"
            + " WHERE o.status = 'cancelled' AND p.payment_status = 'captured' AND "
            + forgotten("p"));
  }

  /** Every breach any check saw. */
  long lost() {
    return lost;
  }

  long duplicated() {
    return duplicated;
  }

  private List<String> missing(String table, Collection<Long> ids) throws Exception {
    if (ids.isEmpty()) {
      return List.of();
    }
    return db.queryStrings(
        "SELECT a.id FROM unnest(ARRAY["
            + join(List.copyOf(ids))
            + "]::bigint[]) a(id) WHERE NOT EXISTS (SELECT 1 FROM "
            + table
            + " t WHERE t.id = a.id) ORDER BY a.id");
  }

  private List<String> unrefunded(List<Long> orders, boolean settled) throws Exception {
    if (orders.isEmpty()) {
      return List.of();
    }
    return db.queryStrings(
        "SELECT a.id FROM unnest(ARRAY["
            + join(orders)
            + "]::bigint[]) a(id) WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = a.id"
            + " AND o.status = 'cancelled' AND o.payment_status IN ('refund_pending', 'refunded'))"
            + (settled
                ? " OR EXISTS (SELECT 1 FROM payments p WHERE p.order_id = a.id"
                    + " AND p.payment_status = 'captured' AND NOT "
                    + forgotten("p")
                    + ")"
                : "")
            + " ORDER BY a.id");
  }

  /**
   * Each product's stock against its initial stock, plus the acknowledged stock changes, minus the
   * units of every order not cancelled. Run while no stock change is under way, so that every
   * change the database has is one a client was told of; orders go on, and one statement reads the
   * stock and the orders at one moment (a placement, a cancellation and an expiry change both
   * together).
   */
  private List<Breach> wrongStock(Map<Long, Long> ackedChanges) throws Exception {
    List<Breach> wrong = new ArrayList<>();
    for (String row :
        db.queryStrings(
            "SELECT s.product_id || ' ' || s.inventory || ' ' || coalesce((SELECT sum(i.quantity)"
                + " FROM order_items i JOIN orders o ON o.id = i.order_id"
                + " WHERE o.status <> 'cancelled' AND i.product_id = s.product_id), 0)"
                + " FROM product_stock s WHERE s.product_id IN ("
                + join(products)
                + ") ORDER BY s.product_id")) {
      String[] fields = row.split(" ");
      long product = Long.parseLong(fields[0]);
      long inventory = Long.parseLong(fields[1]);
      long expected = initialStock + ackedChanges.get(product) - Long.parseLong(fields[2]);
      if (inventory != expected) {
        wrong.add(new Breach("stock of product " + product, inventory + ", expected " + expected));
      }
    }
    return wrong;
  }

  private static String join(Collection<Long> ids) {
    return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
