package dev.marketplace.bench;

import dev.marketplace.catalog.ProductQuery;
import dev.marketplace.catalog.ProductRepository;
import dev.marketplace.catalog.ReviewRepository;
import dev.marketplace.catalog.image.ProductImageRepository;
import dev.marketplace.order.OrderRepository;
import dev.marketplace.order.analytics.ReportPeriod;
import dev.marketplace.order.analytics.SalesReportRepository;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the pgbench script of each scenario from the SQL the service itself runs, so the two sides
 * of the comparison cannot drift apart; the build compiles it against the service's modules, so
 * that a change to their SQL constants that would break it fails the build, not a bench run. {@code
 * bench/run.sh} runs it: {@code java -cp app/target/marketplace.jar:bench/target/classes
 * dev.marketplace.bench.ScenarioSql <folder> <products> <first buyer> <last buyer> <analytics
 * seller> <analytics query>}.
 */
public final class ScenarioSql {

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    String products = args[1];
    String firstBuyer = args[2];
    String lastBuyer = args[3];
    long analyticsSeller = Long.parseLong(args[4]);
    String analyticsQuery = args[5];
    Files.createDirectories(folder);
    write(
        folder.resolve("detail.sql"),
        "\\set pid random(1, "
            + products
            + ")\n"
            + pg(ProductRepository.FIND_ACTIVE, ":pid")
            + pg(ReviewRepository.HISTOGRAM, ":pid")
            + pg(ProductImageRepository.OF_PRODUCT, ":pid"));
    write(
        folder.resolve("browse.sql"),
        "\\set c random(0, 39)\n"
            + pg(
                ProductQuery.of(
                        null, new JsonObject().put("category", "category 0").put("limit", 20))
                    .sql(),
                "'category ' || :c",
                "20"));
    write(
        folder.resolve("search.sql"),
        pg(
            ProductQuery.of("wireless headphones", new JsonObject().put("limit", 20)).sql(),
            "'wireless headphones'",
            "'%wireless headphones%'",
            "20"));
    write(
        folder.resolve("order.sql"),
        "\\set pid random(1, "
            + products
            + ")\n\\set bid random("
            + firstBuyer
            + ", "
            + lastBuyer
            + ")\n"
            + pg(OrderRepository.PLACE_ORDER, ":bid", ":pid", "1"));
    write(folder.resolve("analytics.sql"), analytics(analyticsSeller, analyticsQuery));
  }

  /** The statement with $n replaced by pgbench expressions, on one line. */
  private static String pg(String sql, String... parameters) {
    String text = sql;
    for (int n = parameters.length; n >= 1; n--) {
      text = text.replace("$" + n, "(" + parameters[n - 1] + ")");
    }
    return text.replace('\n', ' ') + ";\n";
  }

  /**
   * A seller's report as one pgbench transaction: the service's statements, with the parameters it
   * would send for {@code query} (a query string such as {@code from=...&to=...&tz=...}), in the
   * same read-only snapshot.
   */
  private static String analytics(long seller, String query) {
    JsonObject parameters = new JsonObject();
    for (String pair : query.split("&")) {
      String[] nameValue = pair.split("=", 2);
      parameters.put(
          nameValue[0],
          nameValue[0].equals("low_stock_below")
              ? (Object) Integer.valueOf(nameValue[1])
              : nameValue[1]);
    }
    Clock clock = Clock.systemUTC();
    ReportPeriod period = ReportPeriod.of(parameters, clock);
    StringBuilder script = new StringBuilder("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n");
    for (SalesReportRepository.Statement statement :
        SalesReportRepository.statements(
            seller, period, clock.instant().minus(Duration.ofHours(48)))) {
      script.append(pg(statement.sql(), literals(statement.parameters())));
    }
    return script.append("COMMIT;\n").toString();
  }

  /** The values of a statement's parameters as SQL literals. */
  private static String[] literals(Tuple values) {
    List<String> literals = new ArrayList<>();
    for (int k = 0; k < values.size(); k++) {
      literals.add(literal(values.getValue(k)));
    }
    return literals.toArray(String[]::new);
  }

  private static String literal(Object value) {
    if (value instanceof OffsetDateTime time) {
      return "'" + time + "'::timestamptz";
    }
    if (value instanceof OffsetDateTime[] times) {
      List<String> items = new ArrayList<>();
      for (OffsetDateTime time : times) {
        items.add(literal(time));
      }
      return "ARRAY[" + String.join(", ", items) + "]";
    }
    if (value instanceof LocalDate date) {
      return "'" + date + "'::date";
    }
    return value.toString();
  }

  private static void write(Path file, String text) throws Exception {
    Files.writeString(file, text);
  }
}
