package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/sellers/product-imports}: many products by SKU at once, an outcome per line, a
 * dry run that writes nothing, and no product id taken by a line that creates nothing.
 */
class ProductImportTest extends ApiTest {

  private static final String PATH = "/api/sellers/product-imports";

  @Test
  void eachLineGetsItsOutcomeAndABadLineFailsAlone() throws Exception {
    Account seller = fixtures.seller("Bulk Shop");
    seller.api().post(PATH, lines(line("KEEP", "9.00", 1), line("CHANGE", "5.00", 2)));

    ApiResponse answer =
        seller
            .api()
            .post(
                PATH,
                lines(
                    line("NEW-1", "3.50", 7),
                    line("KEEP", "9.00", 1),
                    line("CHANGE", "4.00", 2),
                    line("BAD", "0", 1).put("name", " "),
                    line("NEW-1", "3.50", 7)));

    assertThat(answer.status()).isEqualTo(200);
    JsonArray results = answer.json().getJsonArray("results");
    assertThat(outcomes(results))
        .containsExactly("created", "unchanged", "updated", "failed", "failed");
    JsonObject bad = results.getJsonObject(3);
    assertThat(bad.getInteger("line")).isEqualTo(4);
    assertThat(bad.getJsonArray("fields").stream().map(f -> ((JsonObject) f).getString("field")))
        .containsExactlyInAnyOrder("name", "price");
    assertThat(results.getJsonObject(4).getString("message"))
        .isEqualTo("sku NEW-1 is already on line 1");
    assertThat(answer.json().getJsonObject("summary").getMap())
        .containsEntry("created", 1)
        .containsEntry("updated", 1)
        .containsEntry("unchanged", 1)
        .containsEntry("failed", 2);
    assertThat(price(seller, "CHANGE")).isEqualTo("4.00");
    assertThat(count(seller)).isEqualTo(3);
    long created = results.getJsonObject(0).getLong("product_id");
    assertThat(seller.api().get("/api/sellers/products/" + created).json().getString("sku"))
        .isEqualTo("NEW-1");
  }

  @Test
  void numbersPastWhatAProductHoldsFailTheirLineInsteadOfWrappingRound() throws Exception {
    Account seller = fixtures.seller("Edge Shop");
    ApiResponse answer =
        seller
            .api()
            .post(
                PATH,
                lines(
                    line("WRAP", "1.00", 1).put("inventory", 4_294_967_297L),
                    line("HUGE", "1.00", 1).put("price", new BigDecimal("1E+400")),
                    line("FINE", "1.00", 1)));

    assertThat(answer.status()).isEqualTo(200);
    JsonArray results = answer.json().getJsonArray("results");
    assertThat(outcomes(results)).containsExactly("failed", "failed", "created");
    assertThat(results.getJsonObject(0).getString("message"))
        .contains("inventory must be between 0");
    assertThat(results.getJsonObject(1).getString("message"))
        .contains("price must be a number like 12.50");
    assertThat(count(seller)).isEqualTo(1);
  }

  @Test
  void fiveHundredLinesWithLongDescriptionsFitInOneRequest() throws Exception {
    Account seller = fixtures.seller("Wordy Shop");
    String description = "Solid oak, hand finished. ".repeat(16);
    JsonObject file =
        new JsonObject()
            .put(
                "lines",
                new JsonArray(
                    IntStream.rangeClosed(1, 500)
                        .mapToObj(
                            i -> (Object) line("W-" + i, "2.50", 3).put("description", description))
                        .toList()));
    assertThat(file.encode().length())
        .as("well past the 64 KB of other operations")
        .isGreaterThan(200_000);

    ApiResponse answer = seller.api().post(PATH, file);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().getJsonObject("summary").getInteger("created")).isEqualTo(500);
  }

  @Test
  void aDryRunSaysTheSameAndWritesNothing() throws Exception {
    Account seller = fixtures.seller("Careful Shop");
    seller.api().post(PATH, lines(line("OLD", "2.00", 1)));
    long sequence = lastId();
    JsonObject file = lines(line("OLD", "2.50", 1), line("FRESH", "1.00", 1));

    ApiResponse preview = seller.api().post(PATH, file.copy().put("dry_run", true));

    assertThat(outcomes(preview.json().getJsonArray("results")))
        .containsExactly("updated", "created");
    assertThat(preview.json().getBoolean("dry_run")).isTrue();
    assertThat(price(seller, "OLD")).isEqualTo("2.00");
    assertThat(count(seller)).isEqualTo(1);
    assertThat(lastId()).isEqualTo(sequence);
    assertThat(outcomes(seller.api().post(PATH, file).json().getJsonArray("results")))
        .containsExactly("updated", "created");
  }

  @Test
  void anUnchangedImportUsesNoSequenceValueAndNeitherDoesAnUnchangedPut() throws Exception {
    Account seller = fixtures.seller("Steady Shop");
    JsonObject file =
        new JsonObject()
            .put(
                "lines",
                new JsonArray(
                    IntStream.rangeClosed(1, 300)
                        .mapToObj(i -> (Object) line("S-" + i, i + ".99", i))
                        .toList()));
    assertThat(seller.api().post(PATH, file).json().getJsonObject("summary").getInteger("created"))
        .isEqualTo(300);
    long before = lastId();

    ApiResponse again = seller.api().post(PATH, file);
    JsonObject sameFields = line("S-1", "1.99", 1);
    sameFields.remove("sku");
    ApiResponse put = seller.api().put("/api/sellers/products/by-sku/S-1", sameFields);

    assertThat(again.json().getJsonObject("summary").getInteger("unchanged")).isEqualTo(300);
    assertThat(put.json().getString("outcome")).isEqualTo("unchanged");
    assertThat(lastId()).isEqualTo(before);
    ApiResponse next = seller.api().post(PATH, lines(line("S-301", "1.00", 1)));
    assertThat(next.json().getJsonArray("results").getJsonObject(0).getLong("product_id"))
        .isEqualTo(before + 1);
  }

  @Test
  void aSellersImportTouchesOnlyTheirOwnProductsAndBuyersMayNotImport() throws Exception {
    Account owner = fixtures.seller("Owner Shop");
    Account other = fixtures.seller("Other Shop");
    Account buyer = fixtures.buyer("Curious Buyer");
    owner.api().post(PATH, lines(line("SHARED", "10.00", 5)));

    ApiResponse theirs = other.api().post(PATH, lines(line("SHARED", "1.00", 1)));

    assertThat(outcomes(theirs.json().getJsonArray("results"))).containsExactly("created");
    assertThat(price(owner, "SHARED")).isEqualTo("10.00");
    assertThat(price(other, "SHARED")).isEqualTo("1.00");
    assertThat(buyer.api().post(PATH, lines(line("B-1", "1.00", 1))).status()).isEqualTo(403);
    assertThat(api.post(PATH, lines(line("B-1", "1.00", 1))).status()).isEqualTo(401);
    assertThat(owner.api().post(PATH, new JsonObject().put("lines", new JsonArray())).status())
        .isEqualTo(400);
  }

  @Test
  void aRetryWithItsKeyGetsTheFirstAnswerAndCreatesNothingMore() throws Exception {
    Account seller = fixtures.seller("Retrying Shop");
    JsonObject file = lines(line("R-1", "1.00", 1), line("R-2", "2.00", 2));

    ApiResponse first =
        seller
            .api()
            .check(
                HttpMethod.POST,
                PATH,
                seller.api().sendAsync(HttpMethod.POST, PATH, file, "import-1").await());
    ApiResponse retry =
        seller
            .api()
            .check(
                HttpMethod.POST,
                PATH,
                seller.api().sendAsync(HttpMethod.POST, PATH, file, "import-1").await());

    assertThat(retry.json()).isEqualTo(first.json());
    assertThat(outcomes(retry.json().getJsonArray("results")))
        .containsExactly("created", "created");
    assertThat(count(seller)).isEqualTo(2);
  }

  private static JsonObject line(String sku, String price, int inventory) {
    return new JsonObject()
        .put("sku", sku)
        .put("name", "Item " + sku)
        .put("category", "Tools")
        .put("price", new java.math.BigDecimal(price))
        .put("inventory", inventory);
  }

  private static JsonObject lines(JsonObject... lines) {
    return new JsonObject().put("lines", new JsonArray(List.of((Object[]) lines)));
  }

  private static List<String> outcomes(JsonArray results) {
    return results.stream().map(r -> ((JsonObject) r).getString("outcome")).toList();
  }

  private static String price(Account seller, String sku) throws Exception {
    return database.queryString(
        "SELECT price::text FROM products WHERE seller_id = "
            + seller.id()
            + " AND sku = '"
            + sku
            + "'");
  }

  private static long count(Account seller) throws Exception {
    return database.queryLong("SELECT count(*) FROM products WHERE seller_id = " + seller.id());
  }

  /** The products' id sequence's last value, read from the sequence itself. */
  private static long lastId() throws Exception {
    return database.queryLong(
        "SELECT coalesce(last_value, 0) FROM pg_sequences WHERE sequencename = 'products_id_seq'");
  }
}
