package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.catalog.Product;
import dev.marketplace.catalog.ProductQuery;
import dev.marketplace.catalog.ProductRepository;
import dev.marketplace.common.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The main catalog queries, exactly as the service builds them, must use their indexes at a
 * realistic size: a missing or unusable index fails the build here instead of slowing production.
 */
@ExtendWith(VertxExtension.class)
class QueryPlanTest {

  private static final int PRODUCTS = 200_000;

  private static TestDatabase database;
  private static Pool pool;

  @BeforeAll
  static void loadCatalog(Vertx vertx) throws Exception {
    database = TestDatabase.create();
    database.execute(
        "INSERT INTO users (name, email, role, password_hash)"
            + " SELECT 'Seller ' || s, 'seller' || s || '@example.com', 'seller', 'x'"
            + " FROM generate_series(1, 200) s");
    // The indexes are built after the load, each from its own definition as the migrations left
    // it: building one over 200,000 rows at once takes a fraction of the time of keeping it up to
    // date row by row (the search indexes' small pending lists flush every few rows).
    List<String> indexes =
        database.queryStrings(
            "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " WHERE i.indrelid = 'products'::regclass"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)");
    database.execute(
        "DROP INDEX "
            + String.join(
                ", ",
                database.queryStrings(
                    "SELECT i.indexrelid::regclass::text FROM pg_index i"
                        + " WHERE i.indrelid = 'products'::regclass AND NOT EXISTS"
                        + " (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)")));
    // Names are mostly unique tokens, as in a real catalogue; one product in 500 has a common
    // phrase, so that searches for real words match a realistic share of the products.
    database.execute(
        "INSERT INTO products (seller_id, name, category, description, price, is_active,"
            + " rating_avg)"
            + " SELECT 1 + i % 200,"
            + " CASE WHEN i % 500 = 0"
            + " THEN (ARRAY['Wireless','Leather','Ceramic','Cotton','Steel'])[1 + i / 500 % 5] || ' '"
            + " || (ARRAY['Headphones','Lamp','Kettle','Shirt','Chair','Speaker'])[1 + i / 2500 % 6]"
            + " ELSE initcap(substr(md5(i::text), 1, 7)) || ' ' || substr(md5((i * 3)::text), 1, 9)"
            + " END,"
            + " 'Category ' || (i % 40),"
            + " 'Model ' || substr(md5((i * 7)::text), 1, 12) || ' in ' || substr(md5((i * 11)::text), 1, 6),"
            + " round((1 + (i * 7919) % 50000 / 100.0)::numeric, 2), i % 10 <> 0,"
            + " round(((i * 31) % 500 / 100.0)::numeric, 2)"
            + " FROM generate_series(1, "
            + PRODUCTS
            + ") i");
    // One product in five is sold out.
    database.execute(
        "INSERT INTO product_stock (product_id, inventory, units_sold)"
            + " SELECT id, (id % 5) * 10, (id * 17) % 1000 FROM products");
    for (String index : indexes) {
      database.execute(index);
    }
    database.execute("ANALYZE");
    pool = PgBuilder.pool().connectingTo(database.settings().connectOptions()).using(vertx).build();
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    pool.close().await();
    database.close();
  }

  @Test
  void browsingACategoryNewestFirstUsesTheCategoryIndex() {
    assertIndexed(
        browse(new JsonObject().put("category", "Category 7")), "products_active_category_idx");
  }

  @Test
  void aPriceRangeByPriceUsesThePriceIndex() {
    assertIndexed(
        browse(new JsonObject().put("min_price", 10).put("max_price", 20).put("sort", "price_asc")),
        "products_active_price_idx");
  }

  @Test
  void everySortOfTheWholeCatalogUsesItsIndex() {
    assertIndexed(browse(new JsonObject()), "products_pkey");
    assertIndexed(browse(new JsonObject().put("sort", "price_desc")), "products_active_price_idx");
    assertIndexed(browse(new JsonObject().put("sort", "rating")), "products_active_rating_idx");
    assertIndexed(browse(new JsonObject().put("sort", "best_selling")), "product_stock_sold_idx");
  }

  @Test
  void onlyInStockKeepsEverySortOnItsIndex() {
    JsonObject inStock = new JsonObject().put("in_stock", true);
    assertIndexed(browse(inStock.copy()), "products_pkey");
    assertIndexed(browse(inStock.copy().put("sort", "price_asc")), "products_active_price_idx");
    assertIndexed(browse(inStock.copy().put("sort", "rating")), "products_active_rating_idx");
    assertIndexed(browse(inStock.copy().put("sort", "best_selling")), "product_stock_sold_idx");
    assertIndexed(
        browse(inStock.copy().put("category", "Category 7")), "products_active_category_idx");
    assertIndexed(search("ceramic kettle", inStock.copy()), "products_search_idx");
  }

  @Test
  void theNextPageOfBestSellingStartsWithinItsIndex() {
    ProductQuery first = ProductQuery.of(null, new JsonObject().put("sort", "best_selling"));
    Product last =
        new Product(
            123_456,
            1,
            "Seller 1",
            null,
            "Lamp",
            "Category 1",
            "",
            BigDecimal.ONE,
            3,
            true,
            BigDecimal.ZERO,
            0,
            500,
            OffsetDateTime.now(),
            OffsetDateTime.now());
    JsonObject next =
        new JsonObject().put("sort", "best_selling").put("cursor", first.cursorAfter(last, 0));

    JsonObject plan = browse(next);

    assertIndexed(plan, "product_stock_sold_idx");
    List<JsonObject> nodes = new ArrayList<>();
    collect(plan, nodes);
    assertThat(nodes)
        .as("the cursor bounds the index scan in %s", plan.encodePrettily())
        .anyMatch(
            node ->
                "product_stock_sold_idx".equals(node.getString("Index Name"))
                    && node.getString("Index Cond", "").contains("units_sold"));
  }

  @Test
  void fullTextSearchUsesTheSearchIndex() {
    assertIndexed(search("ceramic kettle"), "products_search_idx");
  }

  @Test
  void typoTolerantNameSearchUsesTheTrigramIndex() {
    assertIndexed(search("hedphones"), "products_name_trgm_idx");
  }

  @Test
  void aSearchMatchingMostOfTheCatalogRanksABoundedSet() {
    ProductQuery everywhere = ProductQuery.of("model", new JsonObject()); // in every description
    JsonObject plan = explain("EXPLAIN (ANALYZE, FORMAT JSON) ", everywhere).getJsonObject("Plan");
    List<JsonObject> nodes = new ArrayList<>();
    collect(plan, nodes);

    JsonObject ranking =
        nodes.stream()
            .filter(node -> "Sort".equals(node.getString("Node Type")))
            .findFirst()
            .orElseThrow();
    assertThat(ranking.getJsonArray("Plans").getJsonObject(0).getLong("Actual Rows"))
        .as("rows ranked in %s", plan.encodePrettily())
        .isPositive()
        .isLessThanOrEqualTo(2L * ProductQuery.CANDIDATES);
  }

  @Test
  void aSellersListingUsesTheSellerIndex() {
    assertIndexed(browse(new JsonObject().put("seller_id", 42)), "products_seller_idx");
  }

  private static JsonObject browse(JsonObject query) {
    return plan(ProductQuery.of(null, query));
  }

  private static JsonObject search(String text) {
    return search(text, new JsonObject());
  }

  /**
   * A search's plan as the service runs it: the connection's generic plan (ProductRepository), so
   * the indexes must serve it without knowing the text.
   */
  private static JsonObject search(String text, JsonObject query) {
    ProductQuery search = ProductQuery.of(text, query);
    Object plan =
        pool.withConnection(
                connection ->
                    connection
                        .query(ProductRepository.GENERIC_PLAN)
                        .execute()
                        .compose(
                            begun ->
                                connection.query("PREPARE search AS " + search.sql()).execute())
                        .compose(
                            prepared ->
                                connection
                                    .query(
                                        "EXPLAIN (FORMAT JSON) EXECUTE search("
                                            + literals(search.parameters())
                                            + ")")
                                    .execute())
                        .eventually(() -> connection.query("DEALLOCATE ALL; ROLLBACK").execute()))
            .await()
            .iterator()
            .next()
            .getValue(0);
    JsonArray document = plan instanceof JsonArray array ? array : new JsonArray(plan.toString());
    return document.getJsonObject(0).getJsonObject("Plan");
  }

  /** A statement's parameters written out as SQL, for EXECUTE. */
  private static String literals(Tuple parameters) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < parameters.size(); i++) {
      Object value = parameters.getValue(i);
      values.add(
          switch (value) {
            case String text -> "'" + text.replace("'", "''") + "'";
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            default -> throw new IllegalArgumentException("no literal for " + value);
          });
    }
    return String.join(", ", values);
  }

  private static JsonObject plan(ProductQuery query) {
    return explain("EXPLAIN (FORMAT JSON) ", query).getJsonObject("Plan");
  }

  private static JsonObject explain(String explain, ProductQuery query) {
    Object plan =
        pool.preparedQuery(explain + query.sql())
            .execute(query.parameters())
            .await()
            .iterator()
            .next()
            .getValue(0);
    JsonArray document = plan instanceof JsonArray array ? array : new JsonArray(plan.toString());
    return document.getJsonObject(0);
  }

  private static void assertIndexed(JsonObject plan, String index) {
    List<JsonObject> nodes = new ArrayList<>();
    collect(plan, nodes);
    assertThat(nodes)
        .as("no sequential scan of products or their stock in %s", plan.encodePrettily())
        .noneMatch(
            node ->
                "Seq Scan".equals(node.getString("Node Type"))
                    && List.of("products", "product_stock")
                        .contains(node.getString("Relation Name")));
    assertThat(nodes)
        .as("%s used in %s", index, plan.encodePrettily())
        .anyMatch(node -> index.equals(node.getString("Index Name")));
  }

  private static void collect(JsonObject node, List<JsonObject> nodes) {
    nodes.add(node);
    JsonArray children = node.getJsonArray("Plans");
    if (children != null) {
      children.forEach(child -> collect((JsonObject) child, nodes));
    }
  }
}
