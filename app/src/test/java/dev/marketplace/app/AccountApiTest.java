package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AccountApiTest extends ApiTest {

  @Test
  void registersABuyerAndNeverShowsThePassword() {
    String email = Fixtures.uniqueEmail("ada");
    ApiResponse response =
        api.post(
            "/api/buyers/register",
            new JsonObject().put("name", "Ada").put("email", email).put("password", "s3cret-pass"));

    assertThat(response.status()).isEqualTo(201);
    JsonObject buyer = response.json();
    assertThat(buyer.getLong("id")).isPositive();
    assertThat(buyer.getString("name")).isEqualTo("Ada");
    assertThat(buyer.getString("email")).isEqualTo(email);
    assertThat(buyer.getString("role")).isEqualTo("buyer");
    assertThat(response.body().toString()).doesNotContain("s3cret-pass", "password", "argon2");
  }

  @Test
  void storesThePasswordAsAnArgon2idHash() throws Exception {
    String email = Fixtures.uniqueEmail("hash");
    api.post(
        "/api/sellers/register",
        new JsonObject().put("name", "Shop").put("email", email).put("password", "s3cret-pass"));

    assertThat(
            database.queryLong(
                "SELECT count(*) FROM users WHERE email = '"
                    + email
                    + "' AND password_hash LIKE '$argon2id$v=19$m=19456,t=2,p=1$%'"))
        .isEqualTo(1);
  }

  @Test
  void registersASellerWithItsName() {
    ApiResponse response =
        api.post(
            "/api/sellers/register",
            new JsonObject()
                .put("name", "Gadget Hut")
                .put("email", Fixtures.uniqueEmail("hut"))
                .put("password", "s3cret-pass"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.json().getString("role")).isEqualTo("seller");
    assertThat(response.json().getString("name")).isEqualTo("Gadget Hut");
  }

  @Test
  void refusesAnEmailTakenInAnyRoleOrLetterCase() {
    String email = Fixtures.uniqueEmail("twice");
    JsonObject first =
        new JsonObject().put("name", "First").put("email", email).put("password", "s3cret-pass");
    assertThat(api.post("/api/buyers/register", first).status()).isEqualTo(201);

    ApiResponse sameRole = api.post("/api/buyers/register", first);
    ApiResponse otherRole = api.post("/api/sellers/register", first);
    ApiResponse otherCase =
        api.post("/api/sellers/register", first.copy().put("email", email.toUpperCase()));

    for (ApiResponse refused : new ApiResponse[] {sameRole, otherRole, otherCase}) {
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.errorCode()).isEqualTo("duplicate");
    }
  }

  @Test
  void refusesRegistrationsThatBreakTheRules() {
    JsonObject valid =
        new JsonObject()
            .put("name", "Rule Breaker")
            .put("email", Fixtures.uniqueEmail("rules"))
            .put("password", "s3cret-pass");

    JsonObject[] invalid = {
      valid.copy().put("password", "short"),
      valid.copy().put("password", "x".repeat(129)),
      valid.copy().put("email", "not-an-email"),
      valid.copy().put("name", ""),
      valid.copy().put("name", "   "),
      valid.copy().put("role", "seller"),
      without(valid, "name"),
      without(valid, "email"),
      without(valid, "password"),
      valid.copy().put("name", 42)
    };
    for (JsonObject body : invalid) {
      ApiResponse response = api.post("/api/buyers/register", body);
      assertThat(response.status()).as(body.encode()).isEqualTo(400);
      assertThat(response.errorCode()).isEqualTo("validation_failed");
    }
  }

  @Test
  void logsInWithTheRightPasswordOnly() {
    String email = Fixtures.uniqueEmail("login");
    api.post(
        "/api/buyers/register",
        new JsonObject().put("name", "Lou").put("email", email).put("password", "s3cret-pass"));

    ApiResponse ok =
        api.post(
            "/api/buyers/login",
            new JsonObject().put("email", email.toUpperCase()).put("password", "s3cret-pass"));
    ApiResponse wrongPassword =
        api.post(
            "/api/buyers/login",
            new JsonObject().put("email", email).put("password", "s3cret-pasS"));
    ApiResponse unknownEmail =
        api.post(
            "/api/buyers/login",
            new JsonObject()
                .put("email", Fixtures.uniqueEmail("nobody"))
                .put("password", "s3cret-pass"));
    ApiResponse wrongRole =
        api.post(
            "/api/sellers/login",
            new JsonObject().put("email", email).put("password", "s3cret-pass"));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().getString("email")).isEqualTo(email);
    assertThat(ok.json().getString("role")).isEqualTo("buyer");
    for (ApiResponse refused : new ApiResponse[] {wrongPassword, unknownEmail, wrongRole}) {
      assertThat(refused.status()).isEqualTo(401);
      // Alike but for the request's own id.
      assertThat(withoutRequestId(refused))
          .isEqualTo(withoutRequestId(wrongPassword))
          .as("the answer must not tell which emails exist");
    }
  }

  @Test
  void refusesALoginWithoutPassword() {
    ApiResponse response =
        api.post("/api/sellers/login", new JsonObject().put("email", "a@example.com"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().getString("message")).contains("password");
  }

  private static JsonObject without(JsonObject json, String field) {
    JsonObject copy = json.copy();
    copy.remove(field);
    return copy;
  }

  private static JsonObject withoutRequestId(ApiResponse answer) {
    JsonObject body = answer.json().copy();
    body.remove("request_id");
    return body;
  }
}
