package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The role x operation x owner matrix, kept as one table: every protected operation, called by
 * nobody, by the owner of what it names, by another account of the same role and by the other role.
 * Ids in paths and bodies that name someone else are refused (403) even when the role is right: a
 * token never reaches another user's data.
 */
class AuthorizationMatrixTest extends ApiTest {

  private enum Who {
    NOBODY,
    BUYER,
    OTHER_BUYER,
    SELLER,
    OTHER_SELLER
  }

  private record Cell(String operation, HttpMethod method, String path, JsonObject body, Who who) {}

  private static final Map<Who, Account> accounts = new LinkedHashMap<>();
  private static long productId;

  @BeforeAll
  static void accounts() {
    accounts.put(Who.BUYER, fixtures.buyer("Matrix Buyer"));
    accounts.put(Who.OTHER_BUYER, fixtures.buyer("Matrix Other Buyer"));
    accounts.put(Who.SELLER, fixtures.seller("Matrix Seller"));
    accounts.put(Who.OTHER_SELLER, fixtures.seller("Matrix Other Seller"));
    productId =
        fixtures
            .product(accounts.get(Who.SELLER), "Matrix Lamp", "Home", "10.00", 1000)
            .getLong("id");
  }

  @Test
  void everyCellOfTheMatrix() {
    long buyer = accounts.get(Who.BUYER).id();
    long seller = accounts.get(Who.SELLER).id();
    JsonObject order = new JsonObject().put("product_id", productId).put("quantity", 1);
    JsonObject product =
        new JsonObject()
            .put("name", "Matrix Mug")
            .put("category", "Home")
            .put("price", 3)
            .put("inventory", 1);
    JsonObject price = new JsonObject().put("price", 11);
    JsonObject checkout =
        new JsonObject()
            .put(
                "items",
                new io.vertx.core.json.JsonArray()
                    .add(new JsonObject().put("product_id", productId).put("quantity", 1)));
    long paidOrder = fixtures.order(accounts.get(Who.BUYER), productId, 1).getLong("id");
    fixtures.pay(accounts.get(Who.BUYER), paidOrder);
    long pendingOrder = fixtures.order(accounts.get(Who.BUYER), productId, 1).getLong("id");
    JsonObject whereabouts = new JsonObject().put("location", "Depot");

    List<Object[]> table = new ArrayList<>();
    // operation, method, path, body, then the expected status for NOBODY, BUYER, OTHER_BUYER,
    // SELLER, OTHER_SELLER
    table.add(
        row("placeOrder", HttpMethod.POST, "/api/buyers/orders", order, 401, 201, 201, 403, 403));
    table.add(
        row(
            "placeOrder naming the buyer",
            HttpMethod.POST,
            "/api/buyers/orders",
            order.copy().put("buyer_id", buyer),
            401,
            201,
            403,
            403,
            403));
    table.add(
        row(
            "listBuyerOrders",
            HttpMethod.GET,
            "/api/buyers/" + buyer + "/orders",
            null,
            401,
            200,
            403,
            403,
            403));
    table.add(
        row(
            "createProduct",
            HttpMethod.POST,
            "/api/sellers/products",
            product,
            401,
            403,
            403,
            201,
            201));
    table.add(
        row(
            "createProduct naming the seller",
            HttpMethod.POST,
            "/api/sellers/products",
            product.copy().put("seller_id", seller),
            401,
            403,
            403,
            201,
            403));
    table.add(
        row(
            "updateProduct",
            HttpMethod.PUT,
            "/api/sellers/products/" + productId,
            price,
            401,
            403,
            403,
            200,
            403));
    table.add(
        row(
            "updateProduct naming the seller",
            HttpMethod.PUT,
            "/api/sellers/products/" + productId,
            price.copy().put("seller_id", seller),
            401,
            403,
            403,
            200,
            403));
    table.add(
        row(
            "listSellerProducts",
            HttpMethod.GET,
            "/api/sellers/" + seller + "/products",
            null,
            401,
            403,
            403,
            200,
            403));
    table.add(
        row(
            "listSellerOrders",
            HttpMethod.GET,
            "/api/sellers/" + seller + "/orders",
            null,
            401,
            403,
            403,
            200,
            403));

    table.add(
        row(
            "checkout",
            HttpMethod.POST,
            "/api/buyers/checkout",
            checkout,
            401,
            201,
            201,
            403,
            403));
    table.add(
        row(
            "buyerOrderDetail",
            HttpMethod.GET,
            "/api/buyers/" + buyer + "/orders/" + paidOrder,
            null,
            401,
            200,
            403,
            403,
            403));
    table.add(
        row(
            "sellerOrderDetail",
            HttpMethod.GET,
            "/api/sellers/" + seller + "/orders/" + paidOrder,
            null,
            401,
            403,
            403,
            200,
            403));
    table.add(
        row(
            "addShippingEvent",
            HttpMethod.POST,
            "/api/sellers/orders/" + paidOrder + "/events",
            whereabouts,
            401,
            403,
            403,
            201,
            403));
    table.add(
        row(
            "listOrderPayments",
            HttpMethod.GET,
            "/api/buyers/orders/" + paidOrder + "/payments",
            null,
            401,
            200,
            403,
            403,
            403));
    table.add(
        row(
            "payOrder",
            HttpMethod.POST,
            "/api/buyers/orders/" + pendingOrder + "/payments",
            new JsonObject().put("payment_method", "card").put("card_token", "tok_success"),
            401,
            201,
            403,
            403,
            403));
    table.add(
        row(
            "sellerProductDetail",
            HttpMethod.GET,
            "/api/sellers/products/" + productId,
            null,
            401,
            403,
            403,
            200,
            403));
    table.add(
        row(
            "adjustStock",
            HttpMethod.POST,
            "/api/sellers/products/" + productId + "/stock",
            new JsonObject().put("change", 1),
            401,
            403,
            403,
            200,
            403));
    table.add(
        row(
            "upsertProductBySku",
            HttpMethod.PUT,
            "/api/sellers/products/by-sku/MATRIX-1",
            product,
            401,
            403,
            403,
            201,
            201));
    for (Object[] row : table) {
      for (Who who : Who.values()) {
        Cell cell =
            new Cell(
                (String) row[0], (HttpMethod) row[1], (String) row[2], (JsonObject) row[3], who);
        int expected = (Integer) row[4 + who.ordinal()];
        assertThat(call(cell).status()).as("%s by %s", cell.operation(), who).isEqualTo(expected);
      }
    }
  }

  @Test
  void onlyTheOwningSellerMovesAnOrder() {
    long orderId = fixtures.order(accounts.get(Who.BUYER), productId, 1).getLong("id");
    String path = "/api/sellers/orders/" + orderId + "/status";
    JsonObject cancel = new JsonObject().put("status", "cancelled").put("reason", "Out of stock");
    Map<Who, Integer> expected = new LinkedHashMap<>();
    expected.put(Who.NOBODY, 401);
    expected.put(Who.BUYER, 403);
    expected.put(Who.OTHER_BUYER, 403);
    expected.put(Who.OTHER_SELLER, 403);
    expected.put(Who.SELLER, 200);

    expected.forEach(
        (who, status) ->
            assertThat(
                    call(new Cell("updateOrderStatus", HttpMethod.PUT, path, cancel, who)).status())
                .as("updateOrderStatus by %s", who)
                .isEqualTo(status));
    assertThat(
            call(new Cell(
                    "updateOrderStatus naming another seller",
                    HttpMethod.PUT,
                    path,
                    cancel.copy().put("seller_id", accounts.get(Who.OTHER_SELLER).id()),
                    Who.SELLER))
                .status())
        .isEqualTo(403);
  }

  @Test
  void publicOperationsNeedNoToken() {
    assertThat(api.get("/api/buyers/products").status()).isEqualTo(200);
    assertThat(api.get("/api/buyers/products/search?q=lamp").status()).isEqualTo(200);
    assertThat(api.get("/health/live").status()).isEqualTo(200);
    assertThat(api.get("/health/ready").status()).isEqualTo(200);
    assertThat(api.getOutsideContract("/openapi.yaml").status()).isEqualTo(200);
  }

  private static Object[] row(
      String operation, HttpMethod method, String path, JsonObject body, int... statuses) {
    Object[] row = new Object[4 + statuses.length];
    row[0] = operation;
    row[1] = method;
    row[2] = path;
    row[3] = body;
    for (int i = 0; i < statuses.length; i++) {
      row[4 + i] = statuses[i];
    }
    return row;
  }

  private static ApiResponse call(Cell cell) {
    ApiClient client = cell.who() == Who.NOBODY ? api : accounts.get(cell.who()).api();
    return client.send(
        cell.method(),
        cell.path(),
        cell.body() == null ? null : "application/json",
        cell.body() == null ? null : Buffer.buffer(cell.body().encode()));
  }
}
