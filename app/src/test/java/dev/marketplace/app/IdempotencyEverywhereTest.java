package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.ApiOperation;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.multipart.MultipartForm;
import io.vertx.openapi.contract.Operation;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation that changes state honours {@code Idempotency-Key}: a retry with the same key and
 * request gets the first answer and changes nothing more, even when the retries race; the same key
 * with another request is 409 {@code duplicate}. {@link IdempotencyTest} goes deeper into orders
 * (expiry, scope per buyer, refusals not kept), {@code PayOrderTest} into payments.
 *
 * <p>The unpaid-order sweep waits an hour, so that it cannot cancel the orders a scenario sets up.
 */
@ServerSettings("MARKETPLACE_ORDER_SWEEP_SECONDS=3600")
class IdempotencyEverywhereTest extends ApiTest {

  /** Retries sent at once in the race of each scenario. */
  private static final int RACERS = 6;

  /**
   * One write, ready to be sent: who sends it where, its body and another body, and how many times
   * its effect is found in the database (which must not grow on a retry).
   */
  private record Write(
      String operation,
      Account caller,
      HttpMethod method,
      String path,
      JsonObject body,
      JsonObject otherBody,
      Callable<Long> effects) {

    @Override
    public String toString() {
      return operation;
    }
  }

  static Stream<String> writes() {
    return Stream.of(
        "registerBuyer",
        "registerSeller",
        "createProduct",
        "importProductsBySku",
        "adjustStock",
        "writeReview",
        "placeOrder",
        "checkout",
        "cancelOrder",
        "updateOrderStatus",
        "addShippingEvent");
  }

  @Test
  void everyPostThatCreatesOrChangesStateDeclaresTheKey() {
    // Login and refresh hand out fresh credentials, which must never be stored to be replayed;
    // logout ends a session, which a repeat cannot end twice; a webhook is deduplicated by the
    // gateway's own event id.
    Set<String> exempt =
        Set.of("loginBuyer", "loginSeller", "refreshSession", "logout", "receivePaymentWebhook");
    Set<String> undeclared = new TreeSet<>();
    for (Operation operation : api.contract().operations()) {
      if (operation.getHttpMethod() == HttpMethod.POST
          && !exempt.contains(operation.getOperationId())
          && !takesIdempotencyKey(operation)) {
        undeclared.add(operation.getOperationId());
      }
    }
    assertThat(undeclared).isEmpty();
    Set<String> tested = writes().collect(Collectors.toCollection(TreeSet::new));
    tested.addAll(Set.of("uploadProductImage", "payOrder"));
    Set<String> keyed =
        api.contract().operations().stream()
            .filter(IdempotencyEverywhereTest::takesIdempotencyKey)
            .map(Operation::getOperationId)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(tested).as("every keyed operation is retried by a test").isEqualTo(keyed);
  }

  /** Whether the contract declares the key on it, as the build's operation catalogue records. */
  private static boolean takesIdempotencyKey(Operation operation) {
    return ApiOperation.byId(operation.getOperationId()).orElseThrow().takesIdempotencyKey();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void aRetryWithTheSameKeyGetsTheFirstAnswerAndChangesNothingMore(String operation)
      throws Exception {
    Write write = prepare(operation);
    String key = UUID.randomUUID().toString();
    long before = write.effects().call();

    ApiResponse first = send(write, key, write.body());
    ApiResponse retry = send(write, key, write.body());

    assertThat(first.status()).as(first.toString()).isBetween(200, 201);
    assertThat(retry.status()).isEqualTo(first.status());
    assertThat(retry.json()).isEqualTo(first.json());
    assertThat(write.effects().call()).isEqualTo(before + 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void theSameKeyWithAnotherRequestIsRefusedAndChangesNothing(String operation) throws Exception {
    Write write = prepare(operation);
    String key = UUID.randomUUID().toString();
    ApiResponse first = send(write, key, write.body());
    long after = write.effects().call();

    ApiResponse other = send(write, key, write.otherBody());

    assertThat(first.status()).as(first.toString()).isBetween(200, 201);
    assertThat(other.status()).as(other.toString()).isEqualTo(409);
    assertThat(other.errorCode()).isEqualTo("duplicate");
    assertThat(other.json().getString("message"))
        .isEqualTo(
            "This Idempotency-Key was already used with a different request; send a new key for"
                + " a new request.");
    assertThat(write.effects().call()).isEqualTo(after);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void racingRetriesApplyOnceAndAllGetTheSameAnswer(String operation) throws Exception {
    Write write = prepare(operation);
    String key = UUID.randomUUID().toString();
    long before = write.effects().call();

    List<Future<HttpResponse<Buffer>>> racing = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      racing.add(
          clientOf(write.caller()).sendAsync(write.method(), write.path(), write.body(), key));
    }
    Future.join(racing).await();

    List<ApiResponse> answers = new ArrayList<>();
    for (Future<HttpResponse<Buffer>> answer : racing) {
      answers.add(api.check(write.method(), write.path(), answer.result()));
    }
    assertThat(answers.get(0).status()).as(answers.get(0).toString()).isBetween(200, 201);
    assertThat(answers).allSatisfy(a -> assertThat(a.status()).isEqualTo(answers.get(0).status()));
    assertThat(answers).allSatisfy(a -> assertThat(a.json()).isEqualTo(answers.get(0).json()));
    assertThat(write.effects().call()).isEqualTo(before + 1);
  }

  @Test
  void aStockChangeRetriedOnAnotherProductWithTheSameKeyIsRefused() throws Exception {
    Account seller = fixtures.seller("Two Shelves");
    long first = fixtures.product(seller, "Shelf A", "Home", "10.00", 3).getLong("id");
    long second = fixtures.product(seller, "Shelf B", "Home", "10.00", 3).getLong("id");
    String key = UUID.randomUUID().toString();
    JsonObject five = new JsonObject().put("change", 5);

    ApiResponse added = sendKeyed(seller, HttpMethod.POST, stockPath(first), five, key);
    ApiResponse elsewhere = sendKeyed(seller, HttpMethod.POST, stockPath(second), five, key);

    assertThat(added.status()).isEqualTo(200);
    assertThat(elsewhere.status()).isEqualTo(409);
    assertThat(inventoryOf(first)).isEqualTo(8);
    assertThat(inventoryOf(second)).isEqualTo(3);
  }

  @Test
  void aRegistrationRetriedWithItsFieldsInAnotherOrderIsTheSameRequest() throws Exception {
    String email = Fixtures.uniqueEmail("reordered");
    String key = UUID.randomUUID().toString();
    Buffer inOrder =
        Buffer.buffer(
            "{\"name\":\"Ada\",\"email\":\"" + email + "\",\"password\":\"correct-horse\"}");
    Buffer reordered =
        Buffer.buffer(
            "{\"password\":\"correct-horse\",\"email\":\"" + email + "\",\"name\":\"Ada\"}");

    ApiResponse first = sendRaw("/api/buyers/register", inOrder, key);
    ApiResponse retry = sendRaw("/api/buyers/register", reordered, key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json()).isEqualTo(first.json());
  }

  @Test
  void anotherPasswordUnderARegistrationsKeyIsRefusedAndTheStoredFingerprintIsKeyed()
      throws Exception {
    String email = Fixtures.uniqueEmail("fingerprint");
    String key = UUID.randomUUID().toString();
    JsonObject body =
        new JsonObject().put("name", "Ada").put("email", email).put("password", "first-password");

    assertThat(sendKeyed(null, HttpMethod.POST, "/api/buyers/register", body, key).status())
        .isEqualTo(201);
    ApiResponse other =
        sendKeyed(
            null,
            HttpMethod.POST,
            "/api/buyers/register",
            body.copy().put("password", "second-password"),
            key);

    assertThat(other.status()).isEqualTo(409);
    // The stored fingerprint is no plain SHA-256 of the request: whoever reads the table cannot
    // test passwords against it without the server's key.
    String plain =
        java.util.HexFormat.of()
            .formatHex(
                dev.marketplace.common.idempotency.RequestFingerprint.plain()
                    .of(new JsonObject(), new JsonObject(), body));
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM idempotency_keys WHERE key = '"
                    + key
                    + "' AND account_id = 0 AND encode(request_hash, 'hex') <> '"
                    + plain
                    + "'"))
        .isEqualTo(1);
  }

  @Test
  void anImageUploadRetriedWithItsKeyIsListedOnce() throws Exception {
    Account seller = fixtures.seller("Retry Gallery");
    long productId = fixtures.product(seller, "Framed Print", "Home", "30.00", 2).getLong("id");
    byte[] png = png(Color.ORANGE);
    byte[] otherPng = png(Color.BLUE);
    String key = UUID.randomUUID().toString();
    WebClient http =
        WebClient.create(
            vertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(config.httpPort()));

    List<Future<HttpResponse<Buffer>>> racing = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      racing.add(upload(http, seller, productId, png, key));
    }
    Future.join(racing).await();
    HttpResponse<Buffer> later = upload(http, seller, productId, png, key).await();
    HttpResponse<Buffer> otherImage = upload(http, seller, productId, otherPng, key).await();

    for (Future<HttpResponse<Buffer>> answer : racing) {
      assertThat(answer.result().statusCode()).isEqualTo(201);
      assertThat(answer.result().bodyAsJsonObject()).isEqualTo(later.bodyAsJsonObject());
    }
    assertThat(later.statusCode()).isEqualTo(201);
    assertThat(otherImage.statusCode()).isEqualTo(409);
    assertThat(
            database.queryLong(
                "SELECT count(*) FROM product_images WHERE product_id = " + productId))
        .isEqualTo(1);
    http.close();
  }

  private static Future<HttpResponse<Buffer>> upload(
      WebClient http, Account seller, long productId, byte[] image, String key) {
    return http.post("/api/sellers/products/" + productId + "/images")
        .putHeader("Authorization", "Bearer " + seller.accessToken())
        .putHeader("Idempotency-Key", key)
        .sendMultipartForm(
            MultipartForm.create()
                .binaryFileUpload("file", "print.png", Buffer.buffer(image), "image/png"));
  }

  private static byte[] png(Color color) throws Exception {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(color);
    graphics.fillRect(0, 0, 40, 30);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A fresh write of {@code operation}, with what it needs (accounts, products, orders). */
  private static Write prepare(String operation) throws Exception {
    return switch (operation) {
      case "registerBuyer", "registerSeller" -> {
        String role = operation.equals("registerBuyer") ? "buyers" : "sellers";
        String email = Fixtures.uniqueEmail("retry-" + role);
        JsonObject body =
            new JsonObject()
                .put("name", "Grace")
                .put("email", email)
                .put("password", "long-enough");
        yield new Write(
            operation,
            null,
            HttpMethod.POST,
            "/api/" + role + "/register",
            body,
            body.copy().put("name", "Someone Else"),
            () -> database.queryLong("SELECT count(*) FROM users WHERE email = '" + email + "'"));
      }
      case "createProduct" -> {
        Account seller = fixtures.seller("Retry Lister");
        JsonObject body =
            new JsonObject()
                .put("name", "Retried Lamp")
                .put("category", "Home")
                .put("price", 12.5)
                .put("inventory", 4);
        yield new Write(
            operation,
            seller,
            HttpMethod.POST,
            "/api/sellers/products",
            body,
            body.copy().put("price", 13),
            () ->
                database.queryLong(
                    "SELECT count(*) FROM products WHERE seller_id = " + seller.id()));
      }
      case "importProductsBySku" -> {
        Account seller = fixtures.seller("Retry Importer");
        JsonObject line =
            new JsonObject()
                .put("sku", "RETRY-1")
                .put("name", "Retried Lamp")
                .put("category", "Home")
                .put("price", 12.5)
                .put("inventory", 4);
        JsonObject body =
            new JsonObject().put("lines", new io.vertx.core.json.JsonArray().add(line));
        yield new Write(
            operation,
            seller,
            HttpMethod.POST,
            "/api/sellers/product-imports",
            body,
            new JsonObject()
                .put("lines", new io.vertx.core.json.JsonArray().add(line.copy().put("price", 13))),
            () ->
                database.queryLong(
                    "SELECT count(*) FROM products WHERE seller_id = " + seller.id()));
      }
      case "adjustStock" -> {
        Account seller = fixtures.seller("Retry Stocker");
        long productId = fixtures.product(seller, "Crate", "Home", "5.00", 10).getLong("id");
        yield new Write(
            operation,
            seller,
            HttpMethod.POST,
            stockPath(productId),
            new JsonObject().put("change", 1),
            new JsonObject().put("change", -1),
            () -> inventoryOf(productId) - 10);
      }
      case "writeReview" -> {
        Account seller = fixtures.seller("Retry Reviewed");
        Account buyer = fixtures.buyer("Retry Reviewer");
        long productId = fixtures.product(seller, "Kettle", "Home", "25.00", 5).getLong("id");
        fixtures.deliver(seller, buyer, productId);
        yield new Write(
            operation,
            buyer,
            HttpMethod.POST,
            "/api/buyers/products/" + productId + "/reviews",
            new JsonObject().put("rating", 4).put("comment", "Boils fast."),
            new JsonObject().put("rating", 2),
            // A review written counts one, and each later edit one more.
            () ->
                database.queryLong(
                    "SELECT count(*) + count(*) FILTER (WHERE updated_at > created_at)"
                        + " FROM product_reviews WHERE product_id = "
                        + productId));
      }
      case "placeOrder" -> {
        Account seller = fixtures.seller("Retry Orders Shop");
        Account buyer = fixtures.buyer("Retry Orderer");
        long productId = fixtures.product(seller, "Mug", "Home", "8.00", 50).getLong("id");
        yield new Write(
            operation,
            buyer,
            HttpMethod.POST,
            "/api/buyers/orders",
            new JsonObject().put("product_id", productId).put("quantity", 2),
            new JsonObject().put("product_id", productId).put("quantity", 3),
            () -> ordersOf(productId));
      }
      case "checkout" -> {
        Account seller = fixtures.seller("Retry Cart Shop");
        Account buyer = fixtures.buyer("Retry Cart");
        long productId = fixtures.product(seller, "Plate", "Home", "4.00", 50).getLong("id");
        yield new Write(
            operation,
            buyer,
            HttpMethod.POST,
            "/api/buyers/checkout",
            Fixtures.cart(Fixtures.line(productId, 1)),
            Fixtures.cart(Fixtures.line(productId, 2)),
            () -> ordersOf(productId));
      }
      case "cancelOrder" -> {
        Account seller = fixtures.seller("Retry Cancel Shop");
        Account buyer = fixtures.buyer("Retry Canceller");
        long productId = fixtures.product(seller, "Bowl", "Home", "6.00", 5).getLong("id");
        long orderId = fixtures.order(buyer, productId, 1).getLong("id");
        yield new Write(
            operation,
            buyer,
            HttpMethod.POST,
            "/api/buyers/orders/" + orderId + "/cancel",
            new JsonObject().put("reason", "Changed my mind"),
            new JsonObject().put("reason", "Found it cheaper"),
            () -> historyOf(orderId, "cancelled"));
      }
      case "updateOrderStatus" -> {
        Account seller = fixtures.seller("Retry Status Shop");
        Account buyer = fixtures.buyer("Retry Status Buyer");
        long productId = fixtures.product(seller, "Jug", "Home", "9.00", 5).getLong("id");
        long orderId = fixtures.order(buyer, productId, 1).getLong("id");
        yield new Write(
            operation,
            seller,
            HttpMethod.PUT,
            "/api/sellers/orders/" + orderId + "/status",
            new JsonObject().put("status", "cancelled").put("reason", "Out of stock"),
            new JsonObject().put("status", "cancelled").put("reason", "Damaged"),
            () -> historyOf(orderId, "cancelled"));
      }
      case "addShippingEvent" -> {
        Account seller = fixtures.seller("Retry Shipper");
        Account buyer = fixtures.buyer("Retry Recipient");
        long productId = fixtures.product(seller, "Lamp", "Home", "19.00", 5).getLong("id");
        long orderId = fixtures.order(buyer, productId, 1).getLong("id");
        fixtures.pay(buyer, orderId);
        yield new Write(
            operation,
            seller,
            HttpMethod.POST,
            "/api/sellers/orders/" + orderId + "/events",
            new JsonObject().put("location", "Leipzig hub"),
            new JsonObject().put("location", "Berlin hub"),
            () ->
                database.queryLong(
                    "SELECT count(*) FROM order_tracking WHERE kind = 'shipping' AND order_id = "
                        + orderId));
      }
      default -> throw new IllegalArgumentException(operation);
    };
  }

  private static ApiResponse send(Write write, String key, JsonObject body) {
    return sendKeyed(write.caller(), write.method(), write.path(), body, key);
  }

  private static ApiResponse sendKeyed(
      Account caller, HttpMethod method, String path, JsonObject body, String key) {
    return api.check(method, path, clientOf(caller).sendAsync(method, path, body, key).await());
  }

  /** The caller's client, or an anonymous one. */
  private static ApiClient clientOf(Account caller) {
    return caller == null ? api : caller.api();
  }

  private static ApiResponse sendRaw(String path, Buffer body, String key) {
    return api.sendWithHeaders(
        HttpMethod.POST, path, "application/json", body, Map.of("Idempotency-Key", key));
  }

  private static String stockPath(long productId) {
    return "/api/sellers/products/" + productId + "/stock";
  }

  private static long inventoryOf(long productId) throws Exception {
    return database.queryLong(
        "SELECT inventory FROM product_stock WHERE product_id = " + productId);
  }

  private static long ordersOf(long productId) throws Exception {
    return database.queryLong("SELECT count(*) FROM order_items WHERE product_id = " + productId);
  }

  private static long historyOf(long orderId, String status) throws Exception {
    return database.queryLong(
        "SELECT count(*) FROM order_tracking WHERE order_id = "
            + orderId
            + " AND status = '"
            + status
            + "'");
  }
}
