package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role x operation x owner matrix, kept as one table: every protected operation, called by
 * nobody, by the owner of what it names, by another account of the same role and by the other role.
 * Ids in paths and bodies that name someone else are refused (403) even when the role is right: a
 * token never reaches another user's data. Each cell is a test of its own; they run in table order,
 * as some cells change what later ones find (an order paid, an order cancelled).
 */
class AuthorizationMatrixTest extends ApiTest {

  /**
   * Operation, method, path (ids of the {@link World} in braces), body (named in {@link #BODIES},
   * or {@code -}), then the status for each caller in {@link Who} order.
   */
  private static final String TABLE =
      """
      placeOrder                              | POST | /api/buyers/orders                     | order             | 401 201 201 403 403
      placeOrder naming the buyer             | POST | /api/buyers/orders                     | order as buyer    | 401 201 403 403 403
      listBuyerOrders                         | GET  | /api/buyers/{buyer}/orders             | -                 | 401 200 403 403 403
      accountDetail                           | GET  | /api/accounts/{buyer}                  | -                 | 401 200 403 403 403
      createProduct                           | POST | /api/sellers/products                  | product           | 401 403 403 201 201
      createProduct naming the seller         | POST | /api/sellers/products                  | product as seller | 401 403 403 201 403
      updateProduct                           | PUT  | /api/sellers/products/{product}        | price             | 401 403 403 200 403
      updateProduct naming the seller         | PUT  | /api/sellers/products/{product}        | price as seller   | 401 403 403 200 403
      listSellerProducts                      | GET  | /api/sellers/{seller}/products         | -                 | 401 403 403 200 403
      listSellerOrders                        | GET  | /api/sellers/{seller}/orders           | -                 | 401 403 403 200 403
      sellerProductDetail                     | GET  | /api/sellers/products/{product}        | -                 | 401 403 403 200 403
      adjustStock                             | POST | /api/sellers/products/{product}/stock  | stock change      | 401 403 403 200 403
      upsertProductBySku                      | PUT  | /api/sellers/products/by-sku/MATRIX-1  | product           | 401 403 403 201 201
      importProductsBySku                     | POST | /api/sellers/product-imports           | import            | 401 403 403 200 200
      checkout                                | POST | /api/buyers/checkout                   | cart              | 401 201 201 403 403
      buyerOrderDetail                        | GET  | /api/buyers/{buyer}/orders/{paid}      | -                 | 401 200 403 403 403
      sellerOrderDetail                       | GET  | /api/sellers/{seller}/orders/{paid}    | -                 | 401 403 403 200 403
      sellerAnalytics                         | GET  | /api/sellers/{seller}/analytics        | -                 | 401 403 403 200 403
      addShippingEvent                        | POST | /api/sellers/orders/{paid}/events      | whereabouts       | 401 403 403 201 403
      listOrderPayments                       | GET  | /api/buyers/orders/{paid}/payments     | -                 | 401 200 403 403 403
      payOrder                                | POST | /api/buyers/orders/{pending}/payments  | card              | 401 201 403 403 403
      updateOrderStatus naming another seller | PUT  | /api/sellers/orders/{doomed}/status    | cancel as other   | 401 403 403 403 403
      updateOrderStatus                       | PUT  | /api/sellers/orders/{doomed}/status    | cancel            | 401 403 403 200 403
      """;

  private static final Map<String, Function<World, JsonObject>> BODIES =
      Map.ofEntries(
          Map.entry("order", AuthorizationMatrixTest::order),
          Map.entry("order as buyer", world -> order(world).put("buyer_id", world.buyer())),
          Map.entry("product", world -> product()),
          Map.entry(
              "import",
              world ->
                  new JsonObject()
                      .put("lines", new JsonArray().add(product().put("sku", "MATRIX-2")))),
          Map.entry("product as seller", world -> product().put("seller_id", world.seller())),
          Map.entry("price", world -> new JsonObject().put("price", 11)),
          Map.entry(
              "price as seller",
              world -> new JsonObject().put("price", 11).put("seller_id", world.seller())),
          Map.entry(
              "cart", world -> new JsonObject().put("items", new JsonArray().add(order(world)))),
          Map.entry("whereabouts", world -> new JsonObject().put("location", "Depot")),
          Map.entry("stock change", world -> new JsonObject().put("change", 1)),
          Map.entry(
              "card",
              world ->
                  new JsonObject().put("payment_method", "card").put("card_token", "tok_success")),
          Map.entry("cancel", world -> cancel()),
          Map.entry("cancel as other", world -> cancel().put("seller_id", world.otherSeller())));

  private enum Who {
    NOBODY,
    BUYER,
    OTHER_BUYER,
    SELLER,
    OTHER_SELLER
  }

  /** The ids the table's paths and bodies name, made once the accounts exist. */
  private record World(
      long buyer,
      long seller,
      long otherSeller,
      long product,
      long paid,
      long pending,
      long doomed) {

    String fill(String path) {
      return path.replace("{buyer}", Long.toString(buyer))
          .replace("{seller}", Long.toString(seller))
          .replace("{product}", Long.toString(product))
          .replace("{paid}", Long.toString(paid))
          .replace("{pending}", Long.toString(pending))
          .replace("{doomed}", Long.toString(doomed));
    }
  }

  /** One line of the table. */
  private record Row(
      String operation, HttpMethod method, String path, String body, Map<Who, Integer> expected) {

    static Row parse(String line) {
      String[] columns = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
      String[] statuses = columns[4].split(" +");
      Map<Who, Integer> expected = new EnumMap<>(Who.class);
      for (Who who : Who.values()) {
        expected.put(who, Integer.parseInt(statuses[who.ordinal()]));
      }
      return new Row(columns[0], HttpMethod.valueOf(columns[1]), columns[2], columns[3], expected);
    }

    Stream<Cell> cells(World world) {
      JsonObject json = body.equals("-") ? null : BODIES.get(body).apply(world);
      return Stream.of(Who.values())
          .map(who -> new Cell(operation, method, world.fill(path), json, who, expected.get(who)));
    }
  }

  /** One call of the matrix and the status it must get. */
  private record Cell(
      String operation, HttpMethod method, String path, JsonObject body, Who who, int expected) {

    @Override
    public String toString() {
      return operation + " by " + who + ": " + expected;
    }
  }

  private static final Map<Who, Account> accounts = new EnumMap<>(Who.class);
  private static World world;

  @BeforeAll
  static void accounts() {
    accounts.put(Who.BUYER, fixtures.buyer("Matrix Buyer"));
    accounts.put(Who.OTHER_BUYER, fixtures.buyer("Matrix Other Buyer"));
    accounts.put(Who.SELLER, fixtures.seller("Matrix Seller"));
    accounts.put(Who.OTHER_SELLER, fixtures.seller("Matrix Other Seller"));
    Account buyer = accounts.get(Who.BUYER);
    long product =
        fixtures
            .product(accounts.get(Who.SELLER), "Matrix Lamp", "Home", "10.00", 1000)
            .getLong("id");
    long paid = fixtures.order(buyer, product, 1).getLong("id");
    fixtures.pay(buyer, paid);
    world =
        new World(
            buyer.id(),
            accounts.get(Who.SELLER).id(),
            accounts.get(Who.OTHER_SELLER).id(),
            product,
            paid,
            fixtures.order(buyer, product, 1).getLong("id"),
            fixtures.order(buyer, product, 1).getLong("id"));
  }

  static Stream<Cell> cells() {
    return TABLE.lines().map(Row::parse).flatMap(row -> row.cells(world));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void everyCellOfTheMatrix(Cell cell) {
    ApiClient client = cell.who() == Who.NOBODY ? api : accounts.get(cell.who()).api();
    ApiResponse response =
        client.send(
            cell.method(),
            cell.path(),
            cell.body() == null ? null : "application/json",
            cell.body() == null ? null : Buffer.buffer(cell.body().encode()));
    assertThat(response.status()).as(response.toString()).isEqualTo(cell.expected());
  }

  @Test
  void publicOperationsNeedNoToken() {
    assertThat(api.get("/api/buyers/products").status()).isEqualTo(200);
    assertThat(api.get("/api/buyers/products/search?q=lamp").status()).isEqualTo(200);
    assertThat(api.get("/health/live").status()).isEqualTo(200);
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
    assertThat(api.getOutsideContract("/openapi.yaml").status()).isEqualTo(200);
  }

  private static JsonObject order(World world) {
    return new JsonObject().put("product_id", world.product()).put("quantity", 1);
  }

  private static JsonObject product() {
    return new JsonObject()
        .put("name", "Matrix Mug")
        .put("category", "Home")
        .put("price", 3)
        .put("inventory", 1);
  }

  private static JsonObject cancel() {
    return new JsonObject().put("status", "cancelled").put("reason", "Out of stock");
  }
}
