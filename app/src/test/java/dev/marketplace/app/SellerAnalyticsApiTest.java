package dev.marketplace.app;

import static dev.marketplace.app.SellerAnalyticsFiguresTest.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report as a seller gets it while the shop trades: sales, refunds and cancellations made
 * through the API show at once, nobody but the owner reads it, and every parameter is checked at
 * its edges.
 */
class SellerAnalyticsApiTest extends PaymentApiTest {

  @Test
  void aSaleARefundAndACancellationShowAtOnce() {
    Account shop = fixtures.seller("Live Shop");
    Account ada = fixtures.buyer("Ada");
    Account bob = fixtures.buyer("Bob");
    long lamp = fixtures.product(shop, "Lamp", "Home", "12.34", 20).getLong("id");
    long bulb = fixtures.product(shop, "Bulb", "Home", "5.00", 3).getLong("id");

    fixtures.pay(ada, fixtures.order(ada, lamp, 2).getLong("id"));
    long unpaid = fixtures.order(ada, bulb, 1).getLong("id");
    assertThat(
            ada.api().post("/api/buyers/orders/" + unpaid + "/cancel", new JsonObject()).status())
        .isEqualTo(200);
    long refunded = fixtures.order(bob, lamp, 1).getLong("id");
    fixtures.pay(bob, refunded);
    fixtures.move(
        shop, refunded, new JsonObject().put("status", "cancelled").put("reason", "Broken"));
    fixtures.order(bob, bulb, 1);

    JsonObject report = report(shop, around(today()));

    // Sold 2 lamps (24.68) and 1 (12.34, refunded); placed 4, cancelled 2; Ada and Bob bought.
    JsonObject totals = report.getJsonObject("totals");
    assertThat(number(totals, "gross_sales")).isEqualByComparingTo("37.02");
    assertThat(number(totals, "refunds")).isEqualByComparingTo("12.34");
    assertThat(number(totals, "net_sales")).isEqualByComparingTo("24.68");
    assertThat(totals.getInteger("orders")).isEqualTo(2);
    assertThat(totals.getInteger("units")).isEqualTo(3);
    assertThat(number(totals, "average_order_value")).isEqualByComparingTo("18.51");
    assertThat(number(totals, "cancellation_rate")).isEqualByComparingTo("0.5");
    assertThat(totals.getInteger("buyers")).isEqualTo(2);
    assertThat(number(totals, "repeat_buyer_share")).isEqualByComparingTo("0");
    assertSeriesAddsUpTo(report, "37.02", "24.68", 2, 3);

    JsonArray top = report.getJsonArray("top_products");
    assertThat(top).hasSize(1);
    assertThat(top.getJsonObject(0).getLong("product_id")).isEqualTo(lamp);
    assertThat(number(top.getJsonObject(0), "net_sales")).isEqualByComparingTo("24.68");
    assertThat(top.getJsonObject(0).getInteger("units")).isEqualTo(3);
    // The bulb's stock: 3, less the pending order's 1 (the cancelled one came back); none sold.
    JsonArray low = report.getJsonArray("low_stock");
    assertThat(low).hasSize(1);
    assertThat(low.getJsonObject(0).getLong("product_id")).isEqualTo(bulb);
    assertThat(low.getJsonObject(0).getInteger("inventory")).isEqualTo(2);
    assertThat(low.getJsonObject(0).getValue("days_of_cover")).isNull();
    assertThat(report.getJsonObject("pipeline"))
        .isEqualTo(
            new JsonObject()
                .put("pending", 1)
                .put("processing", 1)
                .put("shipped", 0)
                .put("delivered", 0)
                .put("completed", 0)
                .put("cancelled", 2)
                .put("awaiting_shipment_over_48h", 0));
  }

  @Test
  void moneyCapturedAfterTheOrderWasCancelledIsNeitherASaleNorARefund() throws Exception {
    Account shop = fixtures.seller("Late Shop");
    Account cleo = fixtures.buyer("Cleo");
    long lute = fixtures.product(shop, "Lute", "Music", "120.00", 2).getLong("id");
    long orderId = fixtures.order(cleo, lute, 1).getLong("id");
    assertThat(pay(cleo, orderId, "tok_slow").status()).isEqualTo(202);
    assertThat(
            cleo.api().post("/api/buyers/orders/" + orderId + "/cancel", new JsonObject()).status())
        .isEqualTo(200);
    fixtures.reconcilePayments();
    waitFor(() -> "refunded".equals(orderOf(cleo, orderId).getString("payment_status")));

    JsonObject totals = report(shop, around(today())).getJsonObject("totals");

    assertThat(number(totals, "gross_sales")).isEqualByComparingTo("0");
    assertThat(number(totals, "refunds")).isEqualByComparingTo("0");
    assertThat(totals.getInteger("orders")).isZero();
    assertThat(number(totals, "cancellation_rate")).isEqualByComparingTo("1");
    assertThat(totals.getInteger("buyers")).isZero();
    assertThat(totals.getValue("average_order_value")).isNull();
    assertThat(totals.getValue("repeat_buyer_share")).isNull();
  }

  @Test
  void withoutParametersTheLast30DaysByDayInUtc() {
    Account shop = fixtures.seller("Quiet Shop");
    LocalDate today = today();

    JsonObject report = report(shop, "");

    assertThat(report.getString("to")).isEqualTo(today.toString());
    assertThat(report.getString("from")).isEqualTo(today.minusDays(29).toString());
    assertThat(report.getString("granularity")).isEqualTo("day");
    assertThat(report.getString("tz")).isEqualTo("UTC");
    assertThat(report.getInteger("low_stock_below")).isEqualTo(5);
    assertThat(report.getJsonObject("previous").getString("to"))
        .isEqualTo(today.minusDays(30).toString());
    JsonArray series = report.getJsonArray("series");
    assertThat(series).hasSize(30);
    assertThat(series.getJsonObject(0).getString("period_start"))
        .isEqualTo(today.minusDays(29).toString());
    // Nothing sold: every bucket is there, with zeros; no ratio has anything to divide.
    series.forEach(bucket -> assertThat(((JsonObject) bucket).getInteger("orders")).isZero());
    JsonObject totals = report.getJsonObject("totals");
    assertThat(totals.getValue("cancellation_rate")).isNull();
    assertThat(report.getJsonObject("previous").getJsonObject("change_pct").getValue("gross_sales"))
        .isNull();
    assertThat(report.getJsonArray("top_products")).isEmpty();
  }

  @Test
  void onlyTheOwnerReadsTheirAnalytics() {
    Account shop = fixtures.seller("Private Shop");
    Account rival = fixtures.seller("Rival Shop");
    Account buyer = fixtures.buyer("Nosy");
    String path = "/api/sellers/" + shop.id() + "/analytics";

    assertThat(rival.api().get(path).status()).isEqualTo(403);
    assertThat(rival.api().get(path).errorCode()).isEqualTo("forbidden");
    assertThat(buyer.api().get(path).status()).isEqualTo(403);
    assertThat(api.get(path).status()).isEqualTo(401);
    assertThat(api.get("/api/sellers/0/analytics").status()).isIn(400, 401);
    assertThat(shop.api().get(path).status()).isEqualTo(200);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "from=2026-02-30",
        "from=2026-13-01",
        "from=2026-1-1",
        "from=26-01-01",
        "from=yesterday",
        "from=",
        "from=%00",
        "from=2026-01-01%00",
        "to=2026-02-29",
        "from=1969-12-31&to=1970-01-01",
        "from=0001-01-01&to=0001-01-02",
        "to=10000-01-01",
        "from=99999-01-01",
        "from=2026-03-02&to=2026-03-01",
        "from=2024-01-01&to=2026-01-01",
        "from=2024-02-29&to=2026-02-28",
        "from=1970-01-01&to=9999-12-31",
        "tz=Mars/Olympus",
        "tz=europe/berlin",
        "tz=%2B05:30",
        "tz=Europe/Berlin%00",
        "tz=",
        "tz=Etc/../../etc/passwd",
        "tz=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "granularity=year",
        "granularity=DAY",
        "granularity=",
        "low_stock_below=-1",
        "low_stock_below=1000000001",
        "low_stock_below=99999999999999999999",
        "low_stock_below=1e400",
        "low_stock_below=1.5",
        "low_stock_below=abc"
      })
  void badParametersAre400(String query) {
    Account shop = fixtures.seller("Strict Shop");

    ApiResponse answer = shop.api().get("/api/sellers/" + shop.id() + "/analytics?" + query);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    assertThat(answer.errorCode()).isEqualTo("validation_failed");
  }

  @Test
  void parametersAtTheirEdgesAreAnswered() {
    Account shop = fixtures.seller("Edge Shop");

    JsonArray leap = report(shop, "from=2024-02-28&to=2024-03-01").getJsonArray("series");
    assertThat(leap)
        .extracting(bucket -> ((JsonObject) bucket).getString("period_start"))
        .containsExactly("2024-02-28", "2024-02-29", "2024-03-01");
    // Two years less a day is the longest period; from 29 February it ends on the 27th.
    assertThat(report(shop, "from=2024-01-01&to=2025-12-31").getJsonArray("series")).hasSize(731);
    assertThat(
            report(shop, "from=2024-02-29&to=2026-02-27&granularity=month").getJsonArray("series"))
        .hasSize(25);
    JsonObject epoch = report(shop, "from=1970-01-01&to=1970-01-07&granularity=week");
    assertThat(epoch.getJsonArray("series"))
        .extracting(bucket -> ((JsonObject) bucket).getString("period_start"))
        .containsExactly("1969-12-29", "1970-01-05");
    assertThat(epoch.getJsonObject("previous").getString("from")).isEqualTo("1969-12-25");
    JsonObject farFuture =
        report(shop, "from=9998-12-01&to=9999-12-31&granularity=month&tz=Pacific/Kiritimati");
    assertThat(farFuture.getJsonArray("series")).hasSize(13);
    assertThat(
            report(shop, "from=9999-12-31&to=9999-12-31&granularity=week").getJsonArray("series"))
        .extracting(bucket -> ((JsonObject) bucket).getString("period_start"))
        .containsExactly("9999-12-27");
    assertThat(report(shop, "low_stock_below=0").getInteger("low_stock_below")).isZero();
    assertThat(report(shop, "low_stock_below=1000000000").getInteger("low_stock_below"))
        .isEqualTo(1_000_000_000);
    assertThat(report(shop, "tz=Pacific/Chatham&granularity=week").getString("tz"))
        .isEqualTo("Pacific/Chatham");
    // A day in Santiago whose midnight does not exist: it starts at 01:00.
    assertThat(
            report(shop, "from=2026-09-06&to=2026-09-06&tz=America/Santiago")
                .getJsonArray("series"))
        .hasSize(1);
  }

  private static LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** Yesterday to tomorrow: orders placed now fall inside even if the date turns meanwhile. */
  private static String around(LocalDate day) {
    return "from=" + day.minusDays(1) + "&to=" + day.plusDays(1);
  }

  private static JsonObject report(Account seller, String query) {
    ApiResponse answer = seller.api().get("/api/sellers/" + seller.id() + "/analytics?" + query);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  private static void assertSeriesAddsUpTo(
      JsonObject report, String gross, String net, int orders, int units) {
    java.math.BigDecimal grossSum = java.math.BigDecimal.ZERO;
    java.math.BigDecimal netSum = java.math.BigDecimal.ZERO;
    int orderSum = 0;
    int unitSum = 0;
    for (Object item : report.getJsonArray("series")) {
      JsonObject bucket = (JsonObject) item;
      grossSum = grossSum.add(number(bucket, "gross_sales"));
      netSum = netSum.add(number(bucket, "net_sales"));
      orderSum += bucket.getInteger("orders");
      unitSum += bucket.getInteger("units");
    }
    assertThat(grossSum).isEqualByComparingTo(gross);
    assertThat(netSum).isEqualByComparingTo(net);
    assertThat(orderSum).isEqualTo(orders);
    assertThat(unitSum).isEqualTo(units);
  }
}
