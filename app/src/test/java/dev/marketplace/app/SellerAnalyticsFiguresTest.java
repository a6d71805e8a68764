package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every figure of the report against values worked out by hand (in the comments) on a small fixed
 * history: orders placed and paid at chosen instants around Berlin's spring-forward day (29 March
 * 2026, 23 hours long), the end of March, local midnight, New York's fall-back day (1 November
 * 2026, 25 hours) and Kathmandu's +05:45 midnight. The orders are written with their timestamps,
 * then the rollup is rebuilt with the operator's command, which applies the same SQL as the live
 * updates (SalesRollupRebuildTest checks that the two agree).
 */
class SellerAnalyticsFiguresTest extends ApiTest {

  private static Account shop;
  private static Account zones;
  private static long p1;
  private static long p2;
  private static long p4;

  @BeforeAll
  static void writeTheHistory() throws Exception {
    shop = fixtures.seller("Figures Shop");
    Account other = fixtures.seller("Other Shop");
    Account b1 = fixtures.buyer("Bea");
    Account b2 = fixtures.buyer("Ben");
    Account b3 = fixtures.buyer("Bo");
    p1 = product(shop, "Mug", "10.00", 3);
    p2 = product(shop, "Teapot", "25.50", 50);
    long p3 = product(shop, "Retired Cup", "4.00", 0);
    fixtures.change(shop, p3, new JsonObject().put("is_active", false));
    p4 = product(shop, "Saucer", "6.00", 5);
    long p5 = product(other, "Other Mug", "99.00", 0);

    // Before the period (Berlin 20-26 March): O0 and O8 sold; O9 placed but paid at midnight.
    order(b1, shop, "completed", "2026-03-25T10:00:00Z", "2026-03-25T10:01:00Z", null, line(p1, 1));
    order(b2, shop, "completed", "2026-03-26T22:50:00Z", "2026-03-26T22:59:00Z", null, line(p2, 1));
    // O9: placed 23:55 on the 26th, paid at 00:00 on the 27th, Berlin time (CET, +01:00).
    order(b2, shop, "completed", "2026-03-26T22:55:00Z", "2026-03-26T23:00:00Z", null, line(p1, 1));
    // O1: 27 March, 23:50 in Berlin.
    order(b1, shop, "completed", "2026-03-27T22:30:00Z", "2026-03-27T22:50:00Z", null, line(p1, 2));
    // O2: paid 00:20 on the 29th in Berlin, still the 28th in UTC.
    order(b1, shop, "shipped", "2026-03-28T23:10:00Z", "2026-03-28T23:20:00Z", null, line(p2, 1));
    // O3: paid 23:55 on the 29th (CEST, +02:00), refunded 00:30 on 1 April in Berlin.
    order(
        b2,
        shop,
        "cancelled",
        "2026-03-29T21:50:00Z",
        "2026-03-29T21:55:00Z",
        "2026-03-31T22:30:00Z",
        line(p1, 1));
    // O4: placed 23:59 on 31 March, cancelled unpaid: no sale, no refund.
    order(b3, shop, "cancelled", "2026-03-31T21:59:00Z", null, "2026-03-31T22:29:00Z", line(p2, 2));
    // O7: 30 March.
    order(b1, shop, "completed", "2026-03-30T12:00:00Z", "2026-03-30T12:01:00Z", null, line(p1, 1));
    // O5: two lines, paid 1 April, not shipped since: overdue.
    order(
        b3,
        shop,
        "processing",
        "2026-04-01T07:00:00Z",
        "2026-04-01T07:05:00Z",
        null,
        line(p1, 3),
        line(p2, 1));
    // Another seller's sale in the same days.
    order(
        b1, other, "completed", "2026-03-30T09:00:00Z", "2026-03-30T09:01:00Z", null, line(p5, 1));

    zones = fixtures.seller("Zones Shop");
    long q1 = product(zones, "Clock", "10.00", 100);
    // Kathmandu is +05:45: 18:14Z is 23:59 on 10 June, 18:15Z is midnight of the 11th.
    order(
        b1, zones, "completed", "2026-06-10T18:00:00Z", "2026-06-10T18:14:59Z", null, line(q1, 1));
    order(
        b2, zones, "completed", "2026-06-10T18:01:00Z", "2026-06-10T18:15:00Z", null, line(q1, 1));
    // New York falls back on 1 November: that day runs from 04:00Z to 05:00Z the next day.
    order(
        b1, zones, "completed", "2026-11-01T03:59:00Z", "2026-11-01T04:00:00Z", null, line(q1, 1));
    order(
        b2, zones, "completed", "2026-11-02T04:50:00Z", "2026-11-02T04:59:59Z", null, line(q1, 2));
    order(
        b3, zones, "completed", "2026-11-02T04:55:00Z", "2026-11-02T05:00:00Z", null, line(q1, 3));

    assertThat(SalesRollupTables.rebuild(database))
        .contains("Rebuilt the sales rollup from the orders of 3 sellers");
  }

  @Test
  void dailyInBerlinAcrossTheSpringForwardDayAndTheEndOfMarch() {
    JsonObject report = report(shop, "from=2026-03-27&to=2026-04-02&tz=Europe/Berlin");

    // Paid in the period: O9 10.00 (1), O1 20.00 (2), O2 25.50 (1), O3 10.00 (1), O7 10.00 (1),
    // O5 55.50 (4). Refunded: O3 10.00. Placed: O1 O2 O3 O4 O5 O7 (O9 was placed the 26th), of
    // which O3 and O4 are cancelled. Buyers: Bea (O1 O2 O7), Ben (O9 O3), Bo (O5).
    assertFigures(
        report.getJsonObject("totals"),
        "131.00",
        "10.00",
        "121.00",
        6,
        10,
        "21.83",
        "0.3333",
        3,
        "0.6667");
    assertSeries(
        report,
        bucket("2026-03-27", "30.00", "30.00", 2, 3),
        bucket("2026-03-28", "0.00", "0.00", 0, 0),
        bucket("2026-03-29", "35.50", "35.50", 2, 2),
        bucket("2026-03-30", "10.00", "10.00", 1, 1),
        bucket("2026-03-31", "0.00", "0.00", 0, 0),
        bucket("2026-04-01", "55.50", "45.50", 1, 4),
        bucket("2026-04-02", "0.00", "0.00", 0, 0));

    // 20-26 March: O0 10.00 and O8 25.50 (at 23:59), by Bea and Ben; placed O0, O8, O9.
    JsonObject previous = report.getJsonObject("previous");
    assertThat(previous.getString("from")).isEqualTo("2026-03-20");
    assertThat(previous.getString("to")).isEqualTo("2026-03-26");
    assertFigures(previous, "35.50", "0.00", "35.50", 2, 2, "17.75", "0.0000", 2, "0.0000");
    JsonObject change = previous.getJsonObject("change_pct");
    // 95.50 / 35.50 = 269.01%; 85.50 / 35.50 = 240.85%; (131/6 - 17.75) / 17.75 = 23.00%.
    assertThat(number(change, "gross_sales")).isEqualByComparingTo("269.01");
    assertThat(change.getValue("refunds")).isNull();
    assertThat(number(change, "net_sales")).isEqualByComparingTo("240.85");
    assertThat(number(change, "orders")).isEqualByComparingTo("200.00");
    assertThat(number(change, "units")).isEqualByComparingTo("400.00");
    assertThat(number(change, "average_order_value")).isEqualByComparingTo("23.00");
    assertThat(change.getValue("cancellation_rate")).isNull();
    assertThat(number(change, "buyers")).isEqualByComparingTo("50.00");
    assertThat(change.getValue("repeat_buyer_share")).isNull();
  }

  @Test
  void theSameDaysInUtcMoveTheEdgeOrdersAcross() {
    JsonObject report = report(shop, "from=2026-03-27&to=2026-04-02");

    // O9 (23:00Z on the 26th) falls before; O2 on the 28th; O3's refund on the 31st. Placed as in
    // Berlin; buyers Bea (O1 O2 O7), Ben (O3), Bo (O5).
    assertThat(report.getString("tz")).isEqualTo("UTC");
    assertFigures(
        report.getJsonObject("totals"),
        "121.00",
        "10.00",
        "111.00",
        5,
        9,
        "24.20",
        "0.3333",
        3,
        "0.3333");
    assertSeries(
        report,
        bucket("2026-03-27", "20.00", "20.00", 1, 2),
        bucket("2026-03-28", "25.50", "25.50", 1, 1),
        bucket("2026-03-29", "10.00", "10.00", 1, 1),
        bucket("2026-03-30", "10.00", "10.00", 1, 1),
        bucket("2026-03-31", "0.00", "-10.00", 0, 0),
        bucket("2026-04-01", "55.50", "55.50", 1, 4),
        bucket("2026-04-02", "0.00", "0.00", 0, 0));
  }

  @Test
  void weeksStartOnMondayAndMonthsOnTheFirst() {
    JsonObject weeks =
        report(shop, "from=2026-03-27&to=2026-04-02&tz=Europe/Berlin&granularity=week");
    assertSeries(
        weeks,
        bucket("2026-03-23", "65.50", "65.50", 4, 5),
        bucket("2026-03-30", "65.50", "55.50", 2, 5));
    JsonObject months =
        report(shop, "from=2026-03-27&to=2026-04-02&tz=Europe/Berlin&granularity=month");
    assertSeries(
        months,
        bucket("2026-03-01", "75.50", "75.50", 5, 6),
        bucket("2026-04-01", "55.50", "45.50", 1, 4));
    assertThat(months.getJsonObject("totals")).isEqualTo(weeks.getJsonObject("totals"));
  }

  @Test
  void topProductsLowStockAndPipeline() {
    JsonObject report = report(shop, "from=2026-03-27&to=2026-04-02&tz=Europe/Berlin");

    // Mug: 2 + 1 + 1 + 1 + 3 = 8 units, 80.00 less O3's 10.00. Teapot: O2 and O5, 51.00.
    JsonArray top = report.getJsonArray("top_products");
    assertThat(top).hasSize(2);
    assertProduct(top.getJsonObject(0), p1, "Mug", "70.00", 8);
    assertProduct(top.getJsonObject(1), p2, "Teapot", "51.00", 2);
    assertThat(top.getJsonObject(0).getInteger("rating_count")).isZero();

    // Mug: 3 in stock at 8 units in 7 days: 2.625 days. Saucer: 5 (the threshold), none sold.
    // The inactive cup and the other shop's empty mug are not listed.
    JsonArray low = report.getJsonArray("low_stock");
    assertThat(low).hasSize(2);
    assertThat(low.getJsonObject(0).getLong("product_id")).isEqualTo(p1);
    assertThat(low.getJsonObject(0).getInteger("inventory")).isEqualTo(3);
    assertThat(number(low.getJsonObject(0), "days_of_cover")).isEqualByComparingTo("2.63");
    assertThat(low.getJsonObject(1).getLong("product_id")).isEqualTo(p4);
    assertThat(low.getJsonObject(1).getValue("days_of_cover")).isNull();
    assertThat(
            report(shop, "from=2026-03-27&to=2026-04-02&low_stock_below=4")
                .getJsonArray("low_stock"))
        .extracting(item -> ((JsonObject) item).getLong("product_id"))
        .containsExactly(p1);
    assertThat(
            report(shop, "from=2026-03-27&to=2026-04-02&low_stock_below=0")
                .getJsonArray("low_stock"))
        .isEmpty();

    // O0 O1 O7 O8 O9 completed, O2 shipped, O5 processing since 1 April, O3 O4 cancelled.
    assertThat(report.getJsonObject("pipeline"))
        .isEqualTo(
            new JsonObject()
                .put("pending", 0)
                .put("processing", 1)
                .put("shipped", 1)
                .put("delivered", 0)
                .put("completed", 5)
                .put("cancelled", 2)
                .put("awaiting_shipment_over_48h", 1));
  }

  @Test
  void kathmanduAtFiveFortyFiveAndNewYorksTwentyFiveHourDay() {
    assertSeries(
        report(zones, "from=2026-06-10&to=2026-06-11&tz=Asia/Kathmandu"),
        bucket("2026-06-10", "10.00", "10.00", 1, 1),
        bucket("2026-06-11", "10.00", "10.00", 1, 1));
    // +05:30: both before midnight of the 11th.
    assertSeries(
        report(zones, "from=2026-06-10&to=2026-06-11&tz=Asia/Kolkata"),
        bucket("2026-06-10", "20.00", "20.00", 2, 2),
        bucket("2026-06-11", "0.00", "0.00", 0, 0));
    assertSeries(
        report(zones, "from=2026-11-01&to=2026-11-02&tz=America/New_York"),
        bucket("2026-11-01", "30.00", "30.00", 2, 3),
        bucket("2026-11-02", "30.00", "30.00", 1, 3));
    assertSeries(
        report(zones, "from=2026-11-01&to=2026-11-02"),
        bucket("2026-11-01", "10.00", "10.00", 1, 1),
        bucket("2026-11-02", "50.00", "50.00", 2, 5));
  }

  @Test
  void amountsCarryExactlyTwoDecimalsOnTheWire() {
    String body =
        shop.api()
            .get(
                "/api/sellers/"
                    + shop.id()
                    + "/analytics?from=2026-03-27&to=2026-04-02&tz=Europe/Berlin")
            .body()
            .toString();
    assertThat(body)
        .contains("\"gross_sales\":131.00,", "\"refunds\":10.00,", "\"average_order_value\":21.83")
        .contains("{\"period_start\":\"2026-03-28\",\"gross_sales\":0.00,\"net_sales\":0.00,");
  }

  private record Line(long productId, int quantity) {}

  private record Bucket(String periodStart, String gross, String net, int orders, int units) {}

  private static Line line(long productId, int quantity) {
    return new Line(productId, quantity);
  }

  private static Bucket bucket(
      String periodStart, String gross, String net, int orders, int units) {
    return new Bucket(periodStart, gross, net, orders, units);
  }

  private static long product(Account seller, String name, String price, int inventory) {
    return fixtures.product(seller, name, "Kitchen", price, inventory).getLong("id");
  }

  /** Writes an order as the service would have left it, with the given timestamps (UTC). */
  private static void order(
      Account buyer,
      Account seller,
      String status,
      String createdAt,
      String paidAt,
      String cancelledAt,
      Line... lines)
      throws Exception {
    List<String> values = new ArrayList<>();
    for (Line line : lines) {
      values.add("(" + line.productId() + ", " + line.quantity() + ")");
    }
    String paymentStatus =
        paidAt == null ? "unpaid" : "cancelled".equals(status) ? "refunded" : "captured";
    boolean single = lines.length == 1;
    long orderId =
        database.queryLong(
            "WITH l AS (SELECT l.product_id, l.quantity, p.price FROM (VALUES "
                + String.join(", ", values)
                + ") AS l(product_id, quantity) JOIN products p ON p.id = l.product_id)"
                + " INSERT INTO orders (buyer_id, seller_id, product_id, quantity, unit_price,"
                + " total_price, status, payment_status, paid_at, cancelled_at, created_at,"
                + " updated_at) SELECT "
                + buyer.id()
                + ", "
                + seller.id()
                + (single
                    ? ", min(product_id), min(quantity), min(price)"
                    : ", NULL::bigint, NULL::int, NULL::numeric")
                + ", sum(price * quantity), '"
                + status
                + "', '"
                + paymentStatus
                + "', "
                + timestamp(paidAt)
                + ", "
                + timestamp(cancelledAt)
                + ", "
                + timestamp(createdAt)
                + ", "
                + timestamp(createdAt)
                + " FROM l RETURNING id");
    database.execute(
        "INSERT INTO order_items (order_id, product_id, quantity, unit_price, line_total)"
            + " SELECT "
            + orderId
            + ", l.product_id, l.quantity, p.price, p.price * l.quantity FROM (VALUES "
            + String.join(", ", values)
            + ") AS l(product_id, quantity) JOIN products p ON p.id = l.product_id");
  }

  private static String timestamp(String instant) {
    return instant == null ? "NULL" : "TIMESTAMPTZ '" + instant + "'";
  }

  private static JsonObject report(Account seller, String query) {
    ApiResponse answer = seller.api().get("/api/sellers/" + seller.id() + "/analytics?" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private static void assertFigures(
      JsonObject figures,
      String gross,
      String refunds,
      String net,
      int orders,
      int units,
      String averageOrderValue,
      String cancellationRate,
      int buyers,
      String repeatBuyerShare) {
    assertThat(number(figures, "gross_sales")).as("gross_sales").isEqualByComparingTo(gross);
    assertThat(number(figures, "refunds")).as("refunds").isEqualByComparingTo(refunds);
    assertThat(number(figures, "net_sales")).as("net_sales").isEqualByComparingTo(net);
    assertThat(figures.getInteger("orders")).as("orders").isEqualTo(orders);
    assertThat(figures.getInteger("units")).as("units").isEqualTo(units);
    assertThat(number(figures, "average_order_value"))
        .as("average_order_value")
        .isEqualByComparingTo(averageOrderValue);
    assertThat(number(figures, "cancellation_rate"))
        .as("cancellation_rate")
        .isEqualByComparingTo(cancellationRate);
    assertThat(figures.getInteger("buyers")).as("buyers").isEqualTo(buyers);
    assertThat(number(figures, "repeat_buyer_share"))
        .as("repeat_buyer_share")
        .isEqualByComparingTo(repeatBuyerShare);
  }

  private static void assertSeries(JsonObject report, Bucket... expected) {
    JsonArray series = report.getJsonArray("series");
    assertThat(series).hasSize(expected.length);
    for (int k = 0; k < expected.length; k++) {
      JsonObject bucket = series.getJsonObject(k);
      Bucket want = expected[k];
      String at = want.periodStart();
      assertThat(bucket.getString("period_start")).isEqualTo(at);
      assertThat(number(bucket, "gross_sales")).as(at).isEqualByComparingTo(want.gross());
      assertThat(number(bucket, "net_sales")).as(at).isEqualByComparingTo(want.net());
      assertThat(bucket.getInteger("orders")).as(at).isEqualTo(want.orders());
      assertThat(bucket.getInteger("units")).as(at).isEqualTo(want.units());
    }
  }

  private static void assertProduct(
      JsonObject product, long id, String name, String netSales, int units) {
    assertThat(product.getLong("product_id")).isEqualTo(id);
    assertThat(product.getString("name")).isEqualTo(name);
    assertThat(number(product, "net_sales")).isEqualByComparingTo(netSales);
    assertThat(product.getInteger("units")).isEqualTo(units);
  }

  static BigDecimal number(JsonObject json, String field) {
    Object value = json.getValue(field);
    assertThat(value).as(field).isInstanceOf(Number.class);
    return new BigDecimal(value.toString());
  }
}
