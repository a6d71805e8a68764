package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Failures a person and a program can use: a sentence naming each field and its rule, the same
 * under {@code fields}, and the request's id in the body and the {@code X-Request-Id} header.
 */
class ErrorBodyTest extends ApiTest {

  @Test
  void aRegistrationRefusedForTwoFieldsSaysWhatIsWrongWithEach() {
    ApiResponse refused =
        api.post(
            "/api/buyers/register",
            new JsonObject().put("name", "Ada").put("email", "ada").put("password", "short"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.errorCode()).isEqualTo("validation_failed");
    assertThat(refused.json().getString("message"))
        .isEqualTo(
            "email must be an address like ada@example.com; password must be at least 8"
                + " characters");
    assertThat(refused.json().getJsonArray("fields"))
        .isEqualTo(
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("field", "email")
                        .put("message", "email must be an address like ada@example.com"))
                .add(
                    new JsonObject()
                        .put("field", "password")
                        .put("message", "password must be at least 8 characters")));
  }

  @Test
  void theIssuesExamplesReadAsSentences() throws Exception {
    Account seller = fixtures.seller("Wording Shop");
    Account buyer = fixtures.buyer("Wording Buyer");
    long productId = fixtures.product(seller, "Pen", "Office", "1.00", 5).getLong("id");

    assertThat(
            api.post(
                    "/api/buyers/register",
                    new JsonObject().put("name", "Ada").put("email", "ada@example.com"))
                .json()
                .getString("message"))
        .isEqualTo("password is required");
    assertThat(
            buyer
                .api()
                .post(
                    "/api/buyers/orders",
                    new JsonObject().put("product_id", productId).put("quantity", 10001))
                .json()
                .getString("message"))
        .isEqualTo("quantity must be at most 10000");
    assertThat(api.get("/api/buyers/products?sort=cheapest").json().getString("message"))
        .isEqualTo("sort must be one of newest, price_asc, price_desc, rating, best_selling");
    assertThat(api.get("/api/buyers/products?limit=0&min_price=x").json().getJsonArray("fields"))
        .hasSize(2);
  }

  @Test
  void aNumberBeyondItsFieldsBoundAndItsFormatsRangeIsToldTheBoundOnce() throws Exception {
    Account seller = fixtures.seller("Range Shop");
    JsonObject huge =
        new JsonObject()
            .put("name", "Mug")
            .put("description", "A mug")
            .put("price", 12.5)
            .put("inventory", 99_999_999_999L)
            .put("category", "Home");

    JsonObject refused = seller.api().post("/api/sellers/products", huge).json();
    JsonObject unknownProduct = api.get("/api/buyers/products/99999999999999999999").json();

    assertThat(refused.getString("message")).isEqualTo("inventory must be at most 1000000000");
    assertThat(refused.getJsonArray("fields")).hasSize(1);
    assertThat(unknownProduct.getString("message"))
        .isEqualTo("product_id must be at most 9007199254740991");
    assertThat(unknownProduct.getJsonArray("fields")).hasSize(1);
  }

  @Test
  void theBodyAsAWholeAndUnknownFields() {
    ApiResponse notJson =
        api.send(
            HttpMethod.POST,
            "/api/buyers/register",
            "application/json",
            Buffer.buffer("{\"name\":"));
    ApiResponse unknown =
        api.post(
            "/api/buyers/register",
            new JsonObject()
                .put("name", "Ada")
                .put("email", "ada@example.com")
                .put("password", "long-enough")
                .put("is_admin", true));

    assertThat(notJson.json().getString("message")).isEqualTo("the body is not valid JSON");
    assertThat(unknown.json().getString("message")).isEqualTo("is_admin is not a known field");
  }

  @Test
  void everyAnswerCarriesItsOwnRequestIdAndErrorsRepeatItInTheBody() {
    ApiResponse ok = api.get("/api/categories");
    ApiResponse missing = api.get("/api/buyers/products/999999999");
    ApiResponse unauthorized = api.get("/api/sellers/1/products");
    ApiResponse again = api.get("/api/buyers/products/999999999");

    Set<String> ids = new HashSet<>();
    for (ApiResponse answer : new ApiResponse[] {ok, missing, unauthorized, again}) {
      String id = answer.headers().get("X-Request-Id");
      assertThat(id).matches("[0-9a-f]{32}");
      ids.add(id);
      if (answer.status() >= 400) {
        assertThat(answer.json().getString("request_id")).isEqualTo(id);
      }
    }
    assertThat(ids).hasSize(4);
    assertThat(missing.json().containsKey("fields")).isFalse();
  }

  @Test
  void aNulCharacterNamesItsField() throws Exception {
    Account seller = fixtures.seller("Nul Shop");
    ApiResponse refused =
        seller
            .api()
            .post(
                "/api/sellers/products",
                new JsonObject()
                    .put("name", "Bad\u0000Name")
                    .put("category", "Home")
                    .put("price", 1)
                    .put("inventory", 1));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getJsonArray("fields").getJsonObject(0).getString("message"))
        .isEqualTo("name must not contain the NUL character (U+0000)");
  }

  @Test
  void aNulCharacterInAListNamesTheFieldAsTheValidatorDoes() throws Exception {
    Account seller = fixtures.seller("Nul Import Shop");
    ApiResponse refused =
        seller
            .api()
            .post(
                "/api/sellers/product-imports",
                new JsonObject()
                    .put(
                        "lines",
                        new JsonArray()
                            .add(
                                new JsonObject()
                                    .put("sku", "NUL-1")
                                    .put("name", "Lamp")
                                    .put("category", "Ho\u0000me")
                                    .put("price", 1)
                                    .put("inventory", 1))));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().getString("message"))
        .isEqualTo("lines[0].category must not contain the NUL character (U+0000)");
  }

  @Test
  void aQueryStringThatIsNotUrlEncodingIsRefusedInWords() {
    ApiResponse search = api.get("/api/buyers/products/search?q=%zz");
    ApiResponse noQueryParameters = api.get("/api/categories?x=%2");

    for (ApiResponse refused : List.of(search, noQueryParameters)) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.json().getString("message"))
          .isEqualTo(
              "the query string is not valid URL encoding (a % must be followed by two hex"
                  + " digits)");
      assertThat(refused.json().getJsonArray("fields").getJsonObject(0).getString("field"))
          .isEqualTo("query");
    }
  }

  @Test
  void aBodyOfAnotherMediaTypeIsToldWhatItMustBe() throws Exception {
    Account seller = fixtures.seller("Media Type Shop");
    long productId = fixtures.product(seller, "Mug", "Home", "3.00", 5).getLong("id");
    ApiResponse text =
        api.send(HttpMethod.POST, "/api/buyers/register", "text/plain", Buffer.buffer("name=Ada"));
    ApiResponse upload =
        seller
            .api()
            .send(
                HttpMethod.POST,
                "/api/sellers/products/" + productId + "/images",
                "application/json",
                Buffer.buffer("{}"));

    assertThat(text.status()).isEqualTo(415);
    assertThat(text.json().getString("message"))
        .isEqualTo("the body must be JSON (Content-Type: application/json)");
    assertThat(upload.status()).isEqualTo(415);
    assertThat(upload.json().getString("message"))
        .isEqualTo("the body must be a multipart form (Content-Type: multipart/form-data)");
  }

  @Test
  void aMethodAPathDoesNotTakeIs405AndSaysWhichItTakes() {
    ApiResponse register = api.send(HttpMethod.DELETE, "/api/buyers/register", null, null);
    ApiResponse reviews = api.send(HttpMethod.PUT, "/api/buyers/products/1/reviews", null, null);

    assertThat(register.status()).isEqualTo(405);
    assertThat(register.errorCode()).isEqualTo("method_not_allowed");
    assertThat(register.headers().get("Allow")).isEqualTo("POST");
    assertThat(register.json().getString("message"))
        .isEqualTo("This resource takes POST, not DELETE.");
    assertThat(reviews.status()).isEqualTo(405);
    assertThat(reviews.headers().get("Allow")).isEqualTo("GET, POST");
    assertThat(reviews.json().getString("message"))
        .isEqualTo("This resource takes GET or POST, not PUT.");
  }

  @Test
  void everyCreationSaysWhereToReadWhatItCreated() throws Exception {
    String email = Fixtures.uniqueEmail("located");
    ApiResponse registered =
        api.post(
            "/api/buyers/register",
            new JsonObject().put("name", "Lou").put("email", email).put("password", "long-enough"));
    Account buyer = fixtures.logIn("buyers", email, "long-enough");
    Account seller = fixtures.seller("Location Shop");
    ApiResponse product =
        seller
            .api()
            .post(
                "/api/sellers/products",
                new JsonObject()
                    .put("name", "Stool")
                    .put("category", "Home")
                    .put("price", 20)
                    .put("inventory", 3));
    long productId = product.json().getLong("id");
    ApiResponse order =
        buyer
            .api()
            .post(
                "/api/buyers/orders",
                new JsonObject().put("product_id", productId).put("quantity", 1));

    String account = registered.headers().get("Location");
    assertThat(account).isEqualTo("/api/accounts/" + buyer.id());
    assertThat(buyer.api().get(account).json().getString("email")).isEqualTo(email);
    assertThat(product.headers().get("Location")).isEqualTo("/api/sellers/products/" + productId);
    assertThat(seller.api().get(product.headers().get("Location")).json().getLong("id"))
        .isEqualTo(productId);
    String placed = order.headers().get("Location");
    assertThat(placed)
        .isEqualTo("/api/buyers/" + buyer.id() + "/orders/" + order.json().getLong("id"));
    assertThat(buyer.api().get(placed).status()).isEqualTo(200);
  }
}
