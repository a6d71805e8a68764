// Over 300 lines: one walk over the whole contract, each kind of request next to the others.
package dev.marketplace.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.impl.Utils;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every operation of the contract: malformed and boundary values in each parameter and each
 * body field, broken and mismatched bodies, wrong credentials, and (over raw sockets) requests no
 * client library would send. Whatever comes in, the answer must come within {@link #TIMEOUT}, must
 * not be a 5xx, and every error must be exactly {@code {"error","message"}} (with {@code
 * request_id}, and {@code fields} for a validation failure) in a person's words: no message may
 * hold the validator's, Java's or a library's wording ({@link MachineWording}). The baseline of
 * each operation (its valid body, its required parameters) must pass validation, so that what is
 * fuzzed is the one value changed in it.
 *
 * <p>Deterministic (fixed value lists, a fixed order) and bounded: a few thousand requests, which
 * take well under two minutes. A new operation, parameter or body field in the contract is fuzzed
 * without any change here.
 */
// The fuzz looks for bugs and hangs, not slowness: on a loaded machine a legitimate request (an
// Argon2 hash, say) can take seconds, so load alone must not turn into a 504. A request that
// nothing answers still ends in a 504 (the edge's deadline), which fails the test.
@ServerSettings("MARKETPLACE_REQUEST_TIMEOUT_MS=20000")
class ContractFuzzTest extends ApiTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String BOUNDARY = "fuzz-boundary-7MA4YWxkTrZu0gW";
  private static final String BASELINE = "baseline";

  private static JsonObject contract;
  private static Account buyer;
  private static Account seller;
  private static long productId;
  private static long orderId;
  private static long imageId;
  private static byte[] png;

  /** Requests in flight at once: each stands alone, so the order they finish in does not matter. */
  private static final int PARALLEL = 4;

  private static final AtomicInteger sent = new AtomicInteger();
  private static final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private static final List<Runnable> planned = new ArrayList<>();

  @BeforeAll
  static void fixtures() throws Exception {
    contract = Utils.readYamlOrJson(vertx, "openapi/marketplace.yaml").await();
    buyer = fixtures.buyer("Fuzz Buyer");
    seller = fixtures.seller("Fuzz Seller");
    productId = fixtures.product(seller, "Fuzz lamp", "Home", "19.99", 1_000_000).getLong("id");
    orderId = fixtures.order(buyer, productId, 1).getLong("id");
    png = png();
    Answer uploaded =
        send(
            HttpMethod.POST,
            "/api/sellers/products/" + productId + "/images",
            seller,
            multipart(png));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    imageId = new JsonObject(uploaded.body()).getLong("id");
  }

  @Test
  void noInputToAnyOperationAnswers5xxHangsOrBreaksTheErrorFormat() {
    List<Operation> operations =
        api.contract().operations().stream()
            .sorted(Comparator.comparing(Operation::getOperationId))
            .toList();
    for (Operation operation : operations) {
      fuzz(operation);
    }
    long started = System.nanoTime();
    ExecutorService senders = Executors.newFixedThreadPool(PARALLEL);
    try {
      senders.invokeAll(planned.stream().map(Executors::callable).toList());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      senders.shutdownNow();
    }
    System.out.printf(
        "Contract fuzz: %d requests over %d operations in %d s%n",
        sent.get(), operations.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
    assertThat(failures).as("%d requests sent", sent.get()).isEmpty();
  }

  @Test
  void malformedHttpIsAnsweredInTheErrorFormat() {
    int port = config.httpPort();
    String token = "Authorization: Bearer " + seller.accessToken() + "\r\n";
    String upload = "/api/sellers/products/" + productId + "/images";
    List<String> requests = new ArrayList<>();
    requests.add("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n");
    requests.add("GET /health/live?" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.add("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Nul: a\0b\r\n\r\n");
    requests.add("GET /health/live HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
    requests.add("GET /health/live HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n");
    requests.add("BREW /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.add("GET health HTTP/1.1\r\nHost: x\r\n\r\n");
    requests.add("GET /health/live HTTP/1.1\r\n\r\n");
    for (String path : contractPaths()) {
      for (String bad : List.of("%zz", "%", "%0", "%c3%28", "%00")) {
        requests.add("GET " + path.replaceAll("\\{[^}]+}", bad) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.add("GET " + path + "?" + bad + "=1&a=" + bad + " HTTP/1.1\r\nHost: x\r\n\r\n");
        requests.add(
            "POST "
                + fill(path)
                + "?"
                + bad
                + "=1 HTTP/1.1\r\nHost: x\r\n"
                + token
                + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
      }
    }
    String part =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
            + "Content-Type: image/png\r\n\r\n";
    for (String auth : List.of("", token)) {
      for (String body :
          List.of(
              part + "abc",
              part + "abc\r\n--" + BOUNDARY,
              part,
              "--" + BOUNDARY,
              "",
              "--other\r\n\r\nabc\r\n--other--\r\n",
              "--"
                  + BOUNDARY
                  + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n--"
                  + BOUNDARY
                  + "--",
              "--" + BOUNDARY + "\r\n" + "X".repeat(9000) + "\r\n\r\n")) {
        for (String contentType :
            List.of("multipart/form-data; boundary=" + BOUNDARY, "multipart/form-data")) {
          requests.add(
              "POST "
                  + upload
                  + " HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Type: "
                  + contentType
                  + "\r\nContent-Length: "
                  + body.length()
                  + "\r\n\r\n"
                  + body);
          requests.add(
              "POST "
                  + upload
                  + "?%zz=1 HTTP/1.1\r\nHost: x\r\n"
                  + auth
                  + "Content-Type: "
                  + contentType
                  + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                  + Integer.toHexString(body.length())
                  + "\r\n"
                  + body
                  + "\r\n0\r\n\r\n");
        }
      }
    }
    for (String request : requests) {
      sent.incrementAndGet();
      RawHttp.Answer answer = RawHttp.send(port, request, TIMEOUT);
      String what = abbreviate(request.replace("\r\n", " ").replace("\0", "\\0"));
      if (!answer.answered()) {
        failures.add(what + " -> " + answer.problem());
      } else {
        check(what, answer.status(), answer.contentType(), answer.body());
      }
    }
    assertThat(failures).as("%d raw requests sent", requests.size()).isEmpty();
  }

  private static void fuzz(Operation operation) {
    HttpMethod method = operation.getHttpMethod();
    String path = operation.getOpenAPIPath();
    Account caller = callerOf(operation);
    JsonObject schema = bodySchema(operation);
    boolean json = schema != null;
    boolean upload = operation.getExtensions().containsKey("x-upload");
    JsonObject body = json ? FuzzBodies.valid(contract, schema, ids()) : null;
    Buffer baseline = upload ? multipart(png) : body == null ? null : body.toBuffer();
    String contentType = upload ? "multipart/form-data; boundary=" + BOUNDARY : "application/json";

    String uri = fill(path) + requiredQuery(operation, null);
    attempt(operation, method, uri, caller, baseline, contentType, BASELINE);
    for (Parameter parameter : operation.getParameters()) {
      List<String> values =
          parameter.getName().equals("cursor")
              ? Stream.concat(FuzzValues.parameterValues().stream(), FuzzValues.cursors().stream())
                  .toList()
              : FuzzValues.parameterValues();
      for (String value : values) {
        String mutated = uri;
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        switch (parameter.getIn()) {
          case PATH ->
              mutated =
                  fill(path.replace("{" + parameter.getName() + "}", value))
                      + requiredQuery(operation, null);
          case QUERY -> {
            String others = requiredQuery(operation, parameter.getName());
            mutated =
                fill(path)
                    + (others.isEmpty() ? "?" : others + "&")
                    + parameter.getName()
                    + "="
                    + value;
          }
          case HEADER -> headers.add(parameter.getName(), value);
          case COOKIE -> {}
        }
        attempt(
            operation,
            method,
            mutated,
            caller,
            headers,
            baseline,
            contentType,
            parameter.getName() + "=" + abbreviate(value));
      }
    }
    if (json) {
      for (FuzzBodies.Variant variant : FuzzBodies.mutations(contract, schema, body)) {
        attempt(operation, method, uri, caller, variant.body(), contentType, variant.what());
      }
      for (String whole : FuzzValues.wholeBodies()) {
        attempt(
            operation,
            method,
            uri,
            caller,
            Buffer.buffer(whole),
            contentType,
            "body " + abbreviate(whole));
      }
    }
    // Bodies of the wrong kind, including on operations that take none (a GET with a form).
    for (String otherType :
        List.of(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=" + BOUNDARY,
            "application/json")) {
      Buffer other =
          otherType.startsWith("multipart") ? multipart(png) : Buffer.buffer("a=b&c=%zz");
      attempt(operation, method, uri, caller, other, otherType, "content-type " + otherType);
    }
    attempt(operation, method, uri, null, baseline, contentType, "no token");
    attempt(
        operation,
        method,
        uri,
        caller == buyer ? seller : buyer,
        baseline,
        contentType,
        "other role");
  }

  private static void attempt(
      Operation operation,
      HttpMethod method,
      String uri,
      Account caller,
      Buffer body,
      String contentType,
      String what) {
    attempt(
        operation,
        method,
        uri,
        caller,
        MultiMap.caseInsensitiveMultiMap(),
        body,
        contentType,
        what);
  }

  private static void attempt(
      Operation operation,
      HttpMethod method,
      String uri,
      Account caller,
      MultiMap headers,
      Buffer body,
      String contentType,
      String what) {
    if (body != null) {
      headers.set("content-type", contentType);
    }
    planned.add(
        () -> {
          Answer answer = send(method, uri, caller, headers, body);
          if (what.equals(BASELINE) && answer.status() == 400) {
            failures.add(
                operation.getOperationId()
                    + " baseline, a valid request, is refused as invalid: "
                    + abbreviate(answer.body()));
          }
          check(
              operation.getOperationId() + " " + what,
              answer.status(),
              answer.contentType(),
              answer.body());
        });
  }

  private static Answer send(HttpMethod method, String uri, Account caller, Buffer multipartBody) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    headers.set("content-type", "multipart/form-data; boundary=" + BOUNDARY);
    return send(method, uri, caller, headers, multipartBody);
  }

  /**
   * Sends one request on a connection of its own, over a plain socket: no client library between
   * the test and the server, to refuse or repair what is sent, or to keep state between requests.
   */
  private static Answer send(
      HttpMethod method, String uri, Account caller, MultiMap headers, Buffer body) {
    sent.incrementAndGet();
    if (caller != null) {
      headers.set("authorization", "Bearer " + caller.accessToken());
    }
    StringBuilder head =
        new StringBuilder(method.name())
            .append(' ')
            .append(uri)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    headers.forEach(
        header ->
            head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n"));
    if (body != null) {
      head.append("Content-Length: ").append(body.length()).append("\r\n");
    }
    Buffer request = Buffer.buffer(head.append("\r\n").toString());
    if (body != null) {
      request.appendBuffer(body);
    }
    RawHttp.Answer answer = RawHttp.send(config.httpPort(), request.getBytes(), TIMEOUT);
    return answer.answered()
        ? new Answer(answer.status(), answer.contentType(), answer.body())
        : new Answer(0, null, answer.problem());
  }

  private static final Set<String> ERROR_CODES =
      Set.copyOf(
          Stream.of(dev.marketplace.common.error.ErrorCode.values())
              .map(dev.marketplace.common.error.ErrorCode::wireName)
              .toList());

  private static void check(String what, int status, String contentType, String body) {
    if (status == 0) {
      failures.add(what + " -> no answer: " + body);
      return;
    }
    if (status >= 500) {
      failures.add(what + " -> " + status + " " + abbreviate(body));
      return;
    }
    if (status < 400) {
      return;
    }
    try {
      JsonObject error = new JsonObject(body);
      Set<String> expected =
          "validation_failed".equals(error.getString("error"))
              ? Set.of("error", "message", "request_id", "fields")
              : Set.of("error", "message", "request_id");
      if (!error.fieldNames().equals(expected)
          || !ERROR_CODES.contains(error.getString("error"))
          || error.getString("message").isBlank()
          || contentType == null
          || !contentType.startsWith("application/json")) {
        failures.add(what + " -> " + status + " not the error format: " + abbreviate(body));
      }
      List<String> messages = new ArrayList<>(List.of(error.getString("message", "")));
      error
          .getJsonArray("fields", new JsonArray())
          .forEach(field -> messages.add(((JsonObject) field).getString("message", "")));
      for (String message : messages) {
        String machine = MachineWording.in(message);
        if (machine != null) {
          failures.add(
              what + " -> " + status + " not a person's words (\"" + machine + "\"): " + message);
        }
      }
    } catch (RuntimeException notJson) {
      failures.add(what + " -> " + status + " not JSON: " + abbreviate(body));
    }
  }

  record Answer(int status, String contentType, String body) {}

  private static Account callerOf(Operation operation) {
    Object roles = operation.getExtensions().get("x-roles");
    if (roles instanceof JsonArray allowed) {
      return allowed.contains("seller") ? seller : buyer;
    }
    return null;
  }

  /** The JSON schema of the operation's request body, or null if it takes no JSON. */
  private static JsonObject bodySchema(Operation operation) {
    JsonObject item = contract.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath());
    JsonObject requestBody =
        item.getJsonObject(operation.getHttpMethod().name().toLowerCase())
            .getJsonObject("requestBody");
    if (requestBody == null) {
      return null;
    }
    JsonObject media = requestBody.getJsonObject("content").getJsonObject("application/json");
    return media == null ? null : FuzzBodies.resolve(contract, media.getJsonObject("schema"));
  }

  /**
   * The operation's required query parameters but {@code except}, each with a value its schema
   * accepts, as a query string ("" when there are none).
   */
  private static String requiredQuery(Operation operation, String except) {
    List<String> pairs = new ArrayList<>();
    for (Parameter parameter : operation.getParameters()) {
      if (parameter.getIn() == Location.QUERY
          && parameter.isRequired()
          && !parameter.getName().equals(except)) {
        Object value =
            FuzzBodies.validValue(
                contract,
                parameter.getOpenAPIModel().getJsonObject("schema"),
                parameter.getName(),
                ids());
        pairs.add(parameter.getName() + "=" + URLEncoder.encode(value.toString(), UTF_8));
      }
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private static FuzzBodies.Ids ids() {
    return new FuzzBodies.Ids(productId, orderId);
  }

  private static List<String> contractPaths() {
    return contract.getJsonObject("paths").fieldNames().stream().sorted().toList();
  }

  /** The path with every parameter set to the fixtures' own ids. */
  private static String fill(String path) {
    return path.replace("{buyer_id}", Long.toString(buyer.id()))
        .replace("{seller_id}", Long.toString(seller.id()))
        .replace("{product_id}", Long.toString(productId))
        .replace("{order_id}", Long.toString(orderId))
        .replace("{image_id}", Long.toString(imageId))
        .replace("{sku}", "FUZZ-SKU-1")
        .replace("{provider}", "sandbox");
  }

  private static Buffer multipart(byte[] file) {
    return Buffer.buffer(
            "--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n")
        .appendBytes(file)
        .appendString("\r\n--" + BOUNDARY + "--\r\n");
  }

  private static byte[] png() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  private static String abbreviate(String text) {
    return text == null || text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
