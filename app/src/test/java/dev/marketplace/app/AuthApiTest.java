package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Access tokens, refresh rotation, logout and login throttling. */
class AuthApiTest extends ApiTest {

  private static TokenForge forge;

  @BeforeAll
  static void forge() {
    forge = new TokenForge(vertx, keys);
  }

  @Test
  void loginIssuesAPinnedShortLivedAccessTokenAndARefreshToken() {
    Account buyer = fixtures.buyer("Token Holder");

    ApiResponse login =
        api.post(
            "/api/buyers/login",
            new JsonObject().put("email", buyer.email()).put("password", Fixtures.PASSWORD));

    JsonObject body = login.json();
    assertThat(body.getString("token_type")).isEqualTo("Bearer");
    assertThat(body.getLong("expires_in")).isEqualTo(900);
    assertThat(body.getString("refresh_token")).startsWith("rt_").hasSizeGreaterThan(40);
    String token = body.getString("access_token");
    assertThat(TokenForge.headerOf(token).getString("alg")).isEqualTo("ES256");
    JsonObject claims = TokenForge.payloadOf(token);
    assertThat(claims.getString("iss")).isEqualTo("marketplace");
    assertThat(claims.getString("aud")).isEqualTo("marketplace-api");
    assertThat(claims.getString("sub")).isEqualTo(Long.toString(buyer.id()));
    assertThat(claims.getString("role")).isEqualTo("buyer");
    assertThat(claims.getLong("exp") - claims.getLong("iat")).isEqualTo(900);
    assertThat(claims.getString("jti")).isNotBlank();
    assertThat(login.body().toString()).doesNotContain(Fixtures.PASSWORD);
  }

  @Test
  void aValidTokenOpensTheCallersOwnData() {
    Account buyer = fixtures.buyer("Valid");

    assertThat(buyer.api().get("/api/buyers/" + buyer.id() + "/orders").status()).isEqualTo(200);
  }

  @Test
  void protectedOperationsNeedAToken() {
    Account buyer = fixtures.buyer("No Token");

    ApiResponse response = api.get("/api/buyers/" + buyer.id() + "/orders");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo("unauthorized");
    assertThat(response.headers().get("WWW-Authenticate")).isEqualTo("Bearer");
  }

  @Test
  void refusesEveryForgedOrStaleToken() {
    Account buyer = fixtures.buyer("Forged");
    Instant now = Instant.now();
    JsonObject good = TokenForge.claims(buyer, now, 900);
    String valid = forge.signedWithServerKey(good);
    assertThat(ordersWith(buyer, valid)).as("control: the forge's own valid token").isEqualTo(200);

    assertThat(
            ordersWith(
                buyer,
                forge.signedWithServerKey(TokenForge.claims(buyer, now.minusSeconds(3600), 900))))
        .as("expired")
        .isEqualTo(401);
    assertThat(ordersWith(buyer, TokenForge.tampered(valid, good.copy().put("sub", "1"))))
        .as("payload changed after signing")
        .isEqualTo(401);
    assertThat(ordersWith(buyer, TokenForge.unsigned(good))).as("alg none").isEqualTo(401);
    assertThat(ordersWith(buyer, forge.hmacWithPublicKey(good)))
        .as("HS256 with the public key as secret")
        .isEqualTo(401);
    assertThat(ordersWith(buyer, forge.signedWithOtherKey(good))).as("foreign key").isEqualTo(401);
    assertThat(ordersWith(buyer, forge.signedWithServerKey(good.copy().put("aud", "another-api"))))
        .as("wrong audience")
        .isEqualTo(401);
    assertThat(ordersWith(buyer, forge.signedWithServerKey(good.copy().put("iss", "someone-else"))))
        .as("wrong issuer")
        .isEqualTo(401);
    assertThat(ordersWith(buyer, forge.signedWithServerKey(without(good, "exp"))))
        .as("no expiry")
        .isEqualTo(401);
    assertThat(ordersWith(buyer, forge.signedWithServerKey(good.copy().put("role", "admin"))))
        .as("unknown role")
        .isEqualTo(401);
    assertThat(ordersWith(buyer, "not-a-jwt")).as("garbage").isEqualTo(401);
    assertThat(ordersWith(buyer, "a.b.c.d")).as("too many segments").isEqualTo(401);
    assertThat(ordersWith(buyer, buyer.refreshToken())).as("a refresh token").isEqualTo(401);
  }

  @Test
  void aTokenKeepsWorkingUntilItExpiresAndNotASecondLonger() throws InterruptedException {
    Account buyer = fixtures.buyer("Short Lived");
    Instant issued = Instant.now();
    String token = forge.signedWithServerKey(TokenForge.claims(buyer, issued, 3));

    assertThat(ordersWith(buyer, token)).isEqualTo(200);
    assertThat(ordersWith(buyer, token)).as("again, once the edge has seen it").isEqualTo(200);
    // Access tokens live on the system clock (the JWT library checks them by it), not the test's.
    Thread.sleep(Duration.between(Instant.now(), issued.plusSeconds(4)).toMillis());

    assertThat(ordersWith(buyer, token)).as("expired").isEqualTo(401);
  }

  @Test
  void refreshRotatesAndAReusedTokenRevokesTheWholeSession() throws Exception {
    Account seller = fixtures.seller("Rotator");

    ApiResponse first = refresh(seller.refreshToken());
    assertThat(first.status()).isEqualTo(200);
    String second = first.json().getString("refresh_token");
    assertThat(second).isNotEqualTo(seller.refreshToken());
    assertThat(TokenForge.payloadOf(first.json().getString("access_token")).getString("sub"))
        .isEqualTo(Long.toString(seller.id()));

    ApiResponse replay = refresh(seller.refreshToken());
    assertThat(replay.status()).isEqualTo(401);
    assertThat(refresh(second).status())
        .as("the reuse revoked the token that replaced it too")
        .isEqualTo(401);
    ApiClient thief = api.withToken(first.json().getString("access_token"));
    Eventually.until(
        () -> thief.get("/api/sellers/" + seller.id() + "/products").status() == 401,
        Duration.ofSeconds(2));
  }

  @Test
  void anAccessTokenIsNotARefreshToken() {
    Account buyer = fixtures.buyer("Confused");
    String accessToken = fixtures.logIn("buyers", buyer.email(), Fixtures.PASSWORD).refreshToken();

    assertThat(refresh("rt_" + "A".repeat(43)).status()).isEqualTo(401);
    assertThat(
            refresh(forge.signedWithServerKey(TokenForge.claims(buyer, Instant.now(), 900)))
                .status())
        .isEqualTo(401);
    assertThat(refresh(accessToken).status()).as("control: a real refresh token").isEqualTo(200);
  }

  @Test
  void refreshTokensExpire() {
    Account buyer = fixtures.buyer("Sleeper");

    clock.advance(Duration.ofDays(15));
    ApiResponse response = refresh(buyer.refreshToken());

    assertThat(response.status()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheSession() throws Exception {
    Account buyer = fixtures.buyer("Leaver");
    ApiResponse refreshed = refresh(buyer.refreshToken());
    String rotated = refreshed.json().getString("refresh_token");
    ApiClient fresh = api.withToken(refreshed.json().getString("access_token"));
    Account elsewhere = fixtures.logIn("buyers", buyer.email(), Fixtures.PASSWORD);
    String orders = "/api/buyers/" + buyer.id() + "/orders";
    assertThat(fresh.get(orders).status())
        .as("verified, and remembered by the edge")
        .isEqualTo(200);

    ApiResponse logout =
        api.post("/api/auth/logout", new JsonObject().put("refresh_token", rotated));

    assertThat(logout.status()).isEqualTo(204);
    assertThat(refresh(rotated).status()).isEqualTo(401);
    Eventually.until(() -> fresh.get(orders).status() == 401, Duration.ofSeconds(2));
    assertThat(buyer.api().get(orders).status())
        .as("an earlier access token of the same session")
        .isEqualTo(401);
    assertThat(elsewhere.api().get(orders).status())
        .as("the buyer's other session goes on")
        .isEqualTo(200);
    assertThat(
            api.post("/api/auth/logout", new JsonObject().put("refresh_token", "rt_unknown"))
                .status())
        .isEqualTo(401);
  }

  @Test
  void repeatedFailuresLockTheClientOutForAGrowingTime() {
    Account victim = fixtures.seller("Victim");
    Function<String, ApiResponse> attempt =
        password ->
            api.post(
                "/api/sellers/login",
                new JsonObject().put("email", victim.email()).put("password", password));

    for (int i = 0; i < 5; i++) {
      assertThat(attempt.apply("wrong-guess-" + i).status()).isEqualTo(401);
    }
    ApiResponse locked = attempt.apply(Fixtures.PASSWORD);
    assertThat(locked.status()).as("even the right password waits").isEqualTo(429);
    assertThat(locked.errorCode()).isEqualTo("rate_limited");
    assertThat(locked.headers().get("Retry-After")).isEqualTo("30");

    clock.advance(Duration.ofSeconds(31));
    assertThat(attempt.apply("wrong-again").status()).isEqualTo(401);
    ApiResponse lockedLonger = attempt.apply(Fixtures.PASSWORD);
    assertThat(lockedLonger.status()).isEqualTo(429);
    assertThat(lockedLonger.headers().get("Retry-After")).isEqualTo("60");

    clock.advance(Duration.ofSeconds(61));
    assertThat(attempt.apply(Fixtures.PASSWORD).status()).isEqualTo(200);
    assertThat(attempt.apply("wrong-after-success").status())
        .as("a success starts the count again")
        .isEqualTo(401);
  }

  @Test
  void anAttackerLocksOutOnlyThemselves() {
    Account victim = fixtures.buyer("Target");
    JsonObject wrong = new JsonObject().put("email", victim.email()).put("password", "guess");
    for (int i = 0; i < 6; i++) {
      api.post("/api/buyers/login", wrong);
    }
    assertThat(api.post("/api/buyers/login", wrong).status()).isEqualTo(429);

    ApiClient elsewhere = api.from(vertx, "127.0.0.2", config.httpPort());
    ApiResponse owner =
        elsewhere.post(
            "/api/buyers/login",
            new JsonObject().put("email", victim.email()).put("password", Fixtures.PASSWORD));

    assertThat(owner.status()).isEqualTo(200);
  }

  @Test
  void unknownEmailsAreThrottledLikeKnownOnes() {
    JsonObject nobody =
        new JsonObject().put("email", Fixtures.uniqueEmail("ghost")).put("password", "guess");
    for (int i = 0; i < 5; i++) {
      assertThat(api.post("/api/buyers/login", nobody).status()).isEqualTo(401);
    }

    assertThat(api.post("/api/buyers/login", nobody).status()).isEqualTo(429);
  }

  private static int ordersWith(Account owner, String token) {
    return api.withToken(token).get("/api/buyers/" + owner.id() + "/orders").status();
  }

  private static ApiResponse refresh(String refreshToken) {
    return api.post("/api/auth/refresh", new JsonObject().put("refresh_token", refreshToken));
  }

  private static JsonObject without(JsonObject json, String field) {
    JsonObject copy = json.copy();
    copy.remove(field);
    return copy;
  }
}
