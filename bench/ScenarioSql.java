import dev.marketplace.catalog.ProductQuery;
import dev.marketplace.catalog.ProductRepository;
import dev.marketplace.catalog.ReviewRepository;
import dev.marketplace.catalog.image.ProductImageRepository;
import dev.marketplace.order.OrderRepository;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the pgbench script of each scenario from the SQL the service itself runs, so the two
 * sides of the comparison cannot drift apart. Run with the server jar on the class path:
 * {@code java -cp app/target/marketplace.jar bench/ScenarioSql.java <folder> <products> <buyers>}.
 */
public class ScenarioSql {

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    String products = args[1];
    String firstBuyer = args[2];
    String lastBuyer = args[3];
    Files.createDirectories(folder);
    write(
        folder.resolve("detail.sql"),
        "\\set pid random(1, " + products + ")\n"
            + pg(ProductRepository.FIND_ACTIVE, ":pid")
            + pg(ReviewRepository.HISTOGRAM, ":pid")
            + pg(ProductImageRepository.OF_PRODUCT, ":pid"));
    write(
        folder.resolve("browse.sql"),
        "\\set c random(0, 39)\n"
            + pg(
                ProductQuery.of(null, new JsonObject().put("category", "category 0").put("limit", 20))
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
  }

  /** The statement with $n replaced by pgbench expressions, on one line. */
  private static String pg(String sql, String... parameters) {
    String text = sql;
    for (int n = parameters.length; n >= 1; n--) {
      text = text.replace("$" + n, "(" + parameters[n - 1] + ")");
    }
    return text.replace('\n', ' ') + ";\n";
  }

  private static void write(Path file, String text) throws Exception {
    Files.writeString(file, text);
  }
}
