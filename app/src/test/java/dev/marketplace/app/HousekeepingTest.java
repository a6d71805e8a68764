package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.InternalAction;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tables that only grow are swept: expired sessions, forgotten login failures, old webhook events.
 */
class HousekeepingTest extends ApiTest {

  @Test
  void expiredRefreshTokensAndStaleLoginFailuresAreSwept() throws Exception {
    Account buyer = fixtures.buyer("Old Session");
    JsonObject wrong =
        new JsonObject().put("email", buyer.email()).put("password", "wrong-password");
    assertThat(api.post("/api/buyers/login", wrong).status()).isEqualTo(401);
    assertThat(database.queryLong("SELECT count(*) FROM refresh_tokens")).isPositive();
    assertThat(database.queryLong("SELECT count(*) FROM login_failures")).isEqualTo(1);

    JsonObject early =
        fixtures.internal(
            BusAddress.ACCOUNTS, InternalAction.PURGE_EXPIRED_SESSIONS.id(), new JsonObject());
    assertThat(early.getInteger("refresh_tokens")).as("nothing has expired yet").isZero();
    assertThat(early.getInteger("login_failures")).isZero();

    clock.advance(Duration.ofDays(15));
    JsonObject late =
        fixtures.internal(
            BusAddress.ACCOUNTS, InternalAction.PURGE_EXPIRED_SESSIONS.id(), new JsonObject());

    assertThat(late.getInteger("refresh_tokens")).isPositive();
    assertThat(late.getInteger("login_failures")).isEqualTo(1);
    assertThat(database.queryLong("SELECT count(*) FROM refresh_tokens")).isZero();
    assertThat(database.queryLong("SELECT count(*) FROM login_failures")).isZero();
    assertThat(
            api.post(
                    "/api/auth/refresh",
                    new JsonObject().put("refresh_token", buyer.refreshToken()))
                .status())
        .as("a swept token is as dead as an expired one")
        .isEqualTo(401);
  }

  @Test
  void handledWebhookEventsAreForgottenAfterThirtyDays() throws Exception {
    database.execute(
        "INSERT INTO webhook_events (provider, event_id, event_type, received_at) VALUES"
            + " ('sandbox', 'evt_old', 'payment.captured', now() - interval '31 days'),"
            + " ('sandbox', 'evt_new', 'payment.captured', now() - interval '29 days')");

    fixtures.reconcilePayments();

    assertThat(database.queryString("SELECT string_agg(event_id, ',') FROM webhook_events"))
        .isEqualTo("evt_new");
  }
}
