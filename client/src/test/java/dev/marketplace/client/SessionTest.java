package dev.marketplace.client;

import static dev.marketplace.client.testing.TestAccounts.PASSWORD;
import static dev.marketplace.client.testing.TestAccounts.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.auth.Session;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.model.SellerProductQuery;
import dev.marketplace.client.model.User;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Registration, sign-in and out, the stored sessions, and refreshing them. */
class SessionTest extends ClientTest {

  @Test
  void signInKeepsOneSessionPerServerAndRoleInAPrivateFile() throws Exception {
    CredentialStore store = newStore();
    MarketplaceClient seller = client(Role.SELLER, store);
    MarketplaceClient buyer = client(Role.BUYER, store);
    String sellerEmail = uniqueEmail("Gadget Hut");
    String buyerEmail = uniqueEmail("Ada");

    User registered = seller.accounts().register("Gadget Hut", sellerEmail, PASSWORD);
    buyer.accounts().register("Ada", buyerEmail, PASSWORD);
    Session sellerSession = seller.accounts().login(sellerEmail, PASSWORD);
    buyer.accounts().login(buyerEmail, PASSWORD);

    assertThat(registered.role()).isEqualTo("seller");
    assertThat(sellerSession.userId()).isEqualTo(registered.id());
    assertThat(sellerSession.accessExpiresAt()).isAfter(Instant.now());
    assertThat(Files.getPosixFilePermissions(store.path()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(store.path().getParent()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    URI server = seller.server();
    assertThat(store.load(server, Role.SELLER).orElseThrow().email()).isEqualTo(sellerEmail);
    assertThat(store.load(server, Role.BUYER).orElseThrow().email()).isEqualTo(buyerEmail);
    assertThat(Files.readString(store.path())).contains("\"" + server + "\"");

    assertThat(seller.accounts().verify().name()).isEqualTo("Gadget Hut");
    assertThat(buyer.accounts().verify().email()).isEqualTo(buyerEmail);
  }

  @Test
  void refusalsCarryTheServersCodeAndMessage() {
    MarketplaceClient seller = client(Role.SELLER, newStore());
    String email = uniqueEmail("Dup");
    seller.accounts().register("Dup", email, PASSWORD);

    assertThatThrownBy(() -> seller.accounts().register("Dup", email, PASSWORD))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.error()).isEqualTo("duplicate");
            });
    assertThatThrownBy(() -> seller.accounts().login(email, "wrong-password"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo("invalid_credentials"));
    assertThatThrownBy(() -> seller.accounts().register("", email, "short"))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo("validation_failed"));
  }

  @Test
  void withoutASessionCallsSayNotSignedIn() {
    MarketplaceClient nobody = client(Role.SELLER, newStore());

    assertThatThrownBy(() -> nobody.accounts().verify())
        .isInstanceOf(NotSignedInException.class)
        .hasMessageContaining("Not signed in");
    assertThatThrownBy(() -> nobody.sellerProducts().list(SellerProductQuery.all()))
        .isInstanceOf(NotSignedInException.class);
    assertThat(nobody.accounts().logout()).isEmpty();
  }

  @Test
  void logoutEndsTheSessionAtTheServerAndForgetsIt() {
    MarketplaceClient seller = signedIn(Role.SELLER, "Leaving Shop");
    Session before = seller.accounts().session().orElseThrow();

    assertThat(seller.accounts().logout()).contains(before);

    assertThat(seller.accounts().session()).isEmpty();
    // The refresh token no longer works: a copy of the old session cannot be revived.
    CredentialStore copy = newStore();
    copy.save(seller.server(), Role.SELLER, expired(before));
    assertThatThrownBy(() -> client(Role.SELLER, copy).accounts().verify())
        .isInstanceOf(NotSignedInException.class)
        .hasMessageContaining("has ended");
    assertThat(copy.load(seller.server(), Role.SELLER)).isEmpty();
  }

  @Test
  void anExpiredAccessTokenIsRefreshedBeforeItIsSent() {
    CredentialStore store = newStore();
    MarketplaceClient seller = signedIn(Role.SELLER, "Refresh Shop", store);
    Session stale = expired(store.load(seller.server(), Role.SELLER).orElseThrow());
    store.save(seller.server(), Role.SELLER, stale);
    MarketplaceClient later = client(Role.SELLER, store);
    exchanges.clear();

    later.sellerProducts().list(SellerProductQuery.all());

    assertThat(exchanges)
        .extracting(
            exchange ->
                exchange.method() + " " + exchange.uri().getPath() + " " + exchange.status())
        .containsExactly(
            "POST /api/auth/refresh 200", "GET /api/sellers/" + stale.userId() + "/products 200");
    Session fresh = store.load(seller.server(), Role.SELLER).orElseThrow();
    assertThat(fresh.refreshToken()).isNotEqualTo(stale.refreshToken());
    assertThat(fresh.accessExpiresAt()).isAfter(Instant.now());
  }

  @Test
  void aRefusedAccessTokenIsRefreshedOnceAndTheCallSentAgain() {
    CredentialStore store = newStore();
    MarketplaceClient seller = signedIn(Role.SELLER, "Rejected Shop", store);
    Session session = store.load(seller.server(), Role.SELLER).orElseThrow();
    // Still "valid" by its expiry, but the server will not take it (a clock skew, say).
    store.save(
        seller.server(),
        Role.SELLER,
        session.withTokens(
            forged(session.accessToken()), session.refreshToken(), session.accessExpiresAt()));
    MarketplaceClient later = client(Role.SELLER, store);
    exchanges.clear();

    later.sellerProducts().list(SellerProductQuery.all());

    assertThat(exchanges)
        .extracting(exchange -> exchange.uri().getPath() + " " + exchange.status())
        .containsExactly(
            "/api/sellers/" + session.userId() + "/products 401",
            "/api/auth/refresh 200",
            "/api/sellers/" + session.userId() + "/products 200");
  }

  @Test
  void twoProcessesSharingAStoreNeverReuseARefreshToken() {
    CredentialStore store = newStore();
    MarketplaceClient first = signedIn(Role.SELLER, "Two Terminals", store);
    store.save(
        first.server(),
        Role.SELLER,
        expired(store.load(first.server(), Role.SELLER).orElseThrow()));
    MarketplaceClient watcher = client(Role.SELLER, store);
    MarketplaceClient command = client(Role.SELLER, store);
    watcher.accounts().session();
    command.accounts().session();

    // Both hold the same expired pair; the first refreshes, the second adopts the new pair.
    watcher.sellerProducts().list(SellerProductQuery.all());
    exchanges.clear();
    command.sellerProducts().list(SellerProductQuery.all());

    assertThat(exchanges)
        .extracting(exchange -> exchange.uri().getPath())
        .doesNotContain("/api/auth/refresh");
    // Had the old refresh token been sent again, the server would have ended the whole session.
    assertThat(client(Role.SELLER, store).accounts().verify().name()).isEqualTo("Two Terminals");
    assertThat(watcher.accounts().verify().name()).isEqualTo("Two Terminals");
  }

  /** The token with its signature replaced by another of the same length. */
  private static String forged(String token) {
    int signature = token.lastIndexOf('.') + 1;
    return token.substring(0, signature) + "A".repeat(token.length() - signature);
  }

  private static Session expired(Session session) {
    return session.withTokens(
        session.accessToken(), session.refreshToken(), Instant.now().minusSeconds(60));
  }
}
