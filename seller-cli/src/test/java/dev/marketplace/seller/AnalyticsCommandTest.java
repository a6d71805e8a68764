package dev.marketplace.seller;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.auth.Session;
import dev.marketplace.client.model.Order;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code marketplace-seller analytics}: the shop's report in the terminal, drawn from what really
 * happened on the server: two sales, one refunded, and a cancellation before payment.
 */
class AnalyticsCommandTest extends CliTest {

  private static User seller;
  private static String today;
  private static String period;

  @BeforeAll
  static void aDayOfTrading() throws Exception {
    seller = seller("Chart Shop");
    long lamp = seller.addProduct("Desk Lamp", "Home", "24.50", "10");
    long bulb = seller.addProduct("LED Bulb", "Home", "3.99", "4");
    MarketplaceClient buyer = buyer("Ada Chart");
    pay(buyer, buyer.buyerOrders().place(lamp, 2, null));
    pay(buyer, buyer.buyerOrders().place(bulb, 2, null));
    Order refunded = buyer.buyerOrders().place(lamp, 1, null);
    pay(buyer, refunded);
    buyer.buyerOrders().cancel(refunded.id(), "Wrong colour");
    Order unpaid = buyer.buyerOrders().place(bulb, 1, null);
    buyer.buyerOrders().cancel(unpaid.id(), null);
    LocalDate day = LocalDate.now(ZoneOffset.UTC);
    today = day.toString();
    // Two days, so that one bar is empty; the orders fall on today whichever side of midnight.
    period = day.minusDays(1).toString();
  }

  @Test
  void totalsAgainstThePreviousPeriodAChartTopProductsLowStockAndPipeline() {
    Run run = seller.run("analytics", "--from", period, "--to", today, "--tz", "UTC");

    assertThat(run.exit()).as(run.toString()).isZero();
    String out = run.out();
    assertThat(out)
        .startsWith("Sales " + period + " to " + today + " (UTC), against ")
        .containsPattern("Gross sales +81\\.48 +0\\.00 +-\n")
        .containsPattern("Refunds +24\\.50 +0\\.00 +-\n")
        .containsPattern("Net sales +56\\.98 +0\\.00 +-\n")
        .containsPattern("Orders +3 +0 +-\n")
        .containsPattern("Units +5 +0 +-\n")
        .containsPattern("Average order +27\\.16 +- +-\n")
        .containsPattern("Cancellation rate +50\\.0% +- +-\n")
        .containsPattern("Repeat buyers +100\\.0% +- +-\n")
        .contains("Net sales by day\n" + period + "  " + " ".repeat(40) + "   0.00\n")
        .contains(today + "  " + "█".repeat(40) + "  56.98\n")
        .containsPattern("Desk Lamp +49\\.00 +3 +-\n")
        .containsPattern("LED Bulb +7\\.98 +2 +-\n")
        .containsPattern("LED Bulb +2 +2\\.00\n")
        .contains("0 pending, 2 to ship, 0 shipped, 0 delivered, 0 completed, 2 cancelled");
  }

  @Test
  void asciiDrawsTheChartWithoutUnicode() {
    Run run = seller.run("analytics", "--from", period, "--to", today, "--tz", "UTC", "--ascii");

    assertThat(run.out()).contains(today + "  " + "#".repeat(40) + "  56.98\n");
    assertThat(run.out().chars()).allMatch(c -> c < 128);
  }

  @Test
  void weeksAndMonthsAreLabelledByTheirFirstDay() {
    LocalDate day = LocalDate.parse(today);
    String monday = day.with(java.time.DayOfWeek.MONDAY).toString();

    Run weeks = seller.run("analytics", "--from", today, "--to", today, "--by", "week");
    Run months = seller.run("analytics", "--from", today, "--to", today, "--by", "MONTH");

    assertThat(weeks.out()).contains("Net sales by week\n" + monday + "  ");
    assertThat(months.out())
        .contains("Net sales by month\n" + today.substring(0, 7) + "  " + "█".repeat(40));
  }

  @Test
  void jsonIsTheApisJson() throws Exception {
    String query = "from=" + period + "&to=" + today + "&tz=UTC&low_stock_below=3";

    Run run =
        seller.run(
            "analytics",
            "--from",
            period,
            "--to",
            today,
            "--tz",
            "UTC",
            "--low-stock",
            "3",
            "-o",
            "json");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(new JsonObject(run.out())).isEqualTo(new JsonObject(fromTheApi(query)));
    assertThat(run.out()).contains("\"gross_sales\" : 81.48").contains("\"refunds\" : 24.50");
  }

  @Test
  void refusedPeriodsAndWrongUsage() throws Exception {
    Run tooLong = seller.run("analytics", "--from", "2024-01-01", "--to", "2026-01-01");
    Run backwards = seller.run("analytics", "--from", "2026-03-02", "--to", "2026-03-01");
    Run badDate = seller.run("analytics", "--from", "2026-02-30");
    Run badBy = seller.run("analytics", "--by", "year");
    Run badZone = seller.run("analytics", "--tz", "Mars/Olympus");
    Run negative = seller.run("analytics", "--low-stock", "-1");
    Run csv = seller.run("analytics", "-o", "csv");
    Run signedOut = newUser().run("analytics");

    assertThat(tooLong.exit()).isEqualTo(1);
    assertThat(tooLong.err())
        .isEqualTo(
            "marketplace-seller: The period from 2024-01-01 to 2026-01-01 is too long: to must"
                + " come before 2026-01-01, two years after from.\n");
    assertThat(backwards.exit()).isEqualTo(1);
    // A time zone is local input: wrong here is a usage error, before the server is asked.
    assertThat(badZone.exit()).isEqualTo(2);
    assertThat(badZone.err()).contains("there is no time zone \"Mars/Olympus\"");
    assertThat(badDate.exit()).isEqualTo(2);
    assertThat(badBy.exit()).isEqualTo(2);
    assertThat(negative.exit()).isEqualTo(2);
    assertThat(csv.exit()).isEqualTo(2);
    assertThat(signedOut.exit()).isEqualTo(3);
  }

  private static void pay(MarketplaceClient buyer, Order order) {
    buyer.payments().pay(order.id(), "tok_success", UUID.randomUUID().toString());
  }

  /** The report's JSON straight from the API, with the seller's own token. */
  private static String fromTheApi(String query) throws Exception {
    URI server = ServerUrl.normalize(marketplace.baseUrl());
    Session session = seller.store().load(server, Role.SELLER).orElseThrow();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        server.resolve("/api/sellers/" + session.userId() + "/analytics?" + query))
                    .header("Authorization", "Bearer " + session.accessToken())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
