package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Live order updates over server-sent events, resumable without losing anything. */
class OrderEventStreamTest extends ApiTest {

  private static final JsonObject SHIP =
      new JsonObject()
          .put("status", "shipped")
          .put("carrier", "UPS")
          .put("tracking_number", "1Z999");

  @Test
  void aClientThatDisconnectsAndResumesMissesNothing() throws Exception {
    Account seller = fixtures.seller("Stream Shop");
    Account buyer = fixtures.buyer("Streamer");
    Account otherBuyer = fixtures.buyer("Bystander");
    long productId = fixtures.product(seller, "Radio", "Electronics", "45.00", 10).getLong("id");
    String path = "/api/buyers/" + buyer.id() + "/orders/events";

    long lastSeen;
    try (EventStreamClient stream = open(path, buyer, null)) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");
      assertThat(stream.nextComment()).isEqualTo("connected");
      fixtures.order(otherBuyer, productId, 1);
      long orderId = fixtures.order(buyer, productId, 1).getLong("id");
      JsonObject placed = stream.nextEvent();
      assertThat(placed.getLong("order_id")).as("only the buyer's own orders").isEqualTo(orderId);
      assertThat(placed.getString("status")).isEqualTo("pending");
      fixtures.pay(buyer, orderId);
      JsonObject paid = stream.nextEvent();
      assertThat(paid.getString("status")).isEqualTo("processing");
      assertThat(paid.getLong("sse_id"))
          .isEqualTo(paid.getLong("id"))
          .isGreaterThan(placed.getLong("id"));
      lastSeen = paid.getLong("id");

      stream.close();
      fixtures.move(seller, orderId, SHIP);
      seller
          .api()
          .post(
              "/api/sellers/orders/" + orderId + "/events",
              new JsonObject().put("location", "Depot"));

      try (EventStreamClient resumed = open(path, buyer, lastSeen)) {
        JsonObject shipped = resumed.nextEvent();
        JsonObject depot = resumed.nextEvent();
        fixtures.move(seller, orderId, new JsonObject().put("status", "delivered"));
        JsonObject delivered = resumed.nextEvent();

        assertThat(shipped.getString("status")).isEqualTo("shipped");
        assertThat(depot.getString("kind")).isEqualTo("shipping");
        assertThat(depot.getString("location")).isEqualTo("Depot");
        assertThat(delivered.getString("status")).isEqualTo("delivered");
        assertThat(shipped.getLong("id")).isGreaterThan(lastSeen);
        assertThat(depot.getLong("id")).isGreaterThan(shipped.getLong("id"));
        assertThat(delivered.getLong("id")).isGreaterThan(depot.getLong("id"));
        assertThat(resumed.hasMoreEvents()).as("no duplicates").isFalse();
      }
    }
  }

  @Test
  void anEventCommittedLateUnderASmallerIdIsNeitherOvertakenNorLost() throws Exception {
    Account seller = fixtures.seller("Race Shop");
    Account buyer = fixtures.buyer("Racer");
    long productId = fixtures.product(seller, "Clock", "Home", "12.00", 10).getLong("id");
    String path = "/api/buyers/" + buyer.id() + "/orders/events";
    try (EventStreamClient stream = open(path, buyer, null)) {
      long orderId = fixtures.order(buyer, productId, 1).getLong("id");
      assertThat(stream.nextEvent().getString("status")).isEqualTo("pending");

      long lateId;
      long secondOrderId;
      try (Connection late = database.connect()) {
        // Another node's transaction takes the next event id, and commits only after a later
        // change to the buyer's orders has committed and been published.
        late.setAutoCommit(false);
        try (Statement insert = late.createStatement();
            ResultSet row =
                insert.executeQuery(
                    "INSERT INTO order_tracking (order_id, status, kind, location, actor_role)"
                        + " VALUES ("
                        + orderId
                        + ", 'pending', 'shipping', 'Sorting centre', 'system') RETURNING id")) {
          row.next();
          lateId = row.getLong(1);
        }
        secondOrderId = fixtures.order(buyer, productId, 2).getLong("id");
        assertThat(stream.quietFor(500))
            .as("no event goes out ahead of one with a smaller id still being written")
            .isTrue();
        // Committed but never published, as when its node dies right after the commit.
        late.commit();
      }

      JsonObject sortingCentre = stream.nextEvent();
      JsonObject placed = stream.nextEvent();
      assertThat(sortingCentre.getLong("sse_id")).isEqualTo(lateId);
      assertThat(sortingCentre.getString("location")).isEqualTo("Sorting centre");
      assertThat(placed.getLong("order_id")).isEqualTo(secondOrderId);
      assertThat(placed.getLong("sse_id")).isGreaterThan(lateId);

      try (EventStreamClient resumed = open(path, buyer, placed.getLong("sse_id"))) {
        assertThat(resumed.nextComment()).isEqualTo("connected");
        assertThat(resumed.quietFor(500)).as("nothing twice after a resume").isTrue();
      }
    }
  }

  @Test
  void sellersFollowTheirOwnOrdersAndHearHeartbeats() throws Exception {
    Account seller = fixtures.seller("Seller Stream Shop");
    Account otherSeller = fixtures.seller("Quiet Shop");
    Account buyer = fixtures.buyer("Shopper");
    long mine = fixtures.product(seller, "Speaker", "Electronics", "80.00", 5).getLong("id");
    long theirs = fixtures.product(otherSeller, "Cable", "Electronics", "5.00", 5).getLong("id");

    try (EventStreamClient stream =
        open("/api/sellers/" + seller.id() + "/orders/events", seller, null)) {
      assertThat(stream.nextComment()).isEqualTo("connected");
      fixtures.order(buyer, theirs, 1);
      long orderId = fixtures.order(buyer, mine, 2).getLong("id");

      assertThat(stream.nextEvent().getLong("order_id")).isEqualTo(orderId);
      assertThat(stream.nextComment()).isEqualTo("heartbeat");
    }
  }

  @Test
  void streamsAreForTheirOwnerOnly() {
    Account buyer = fixtures.buyer("Private");
    Account other = fixtures.buyer("Curious");
    Account seller = fixtures.seller("Curious Shop");
    String path = "/api/buyers/" + buyer.id() + "/orders/events";

    try (EventStreamClient anonymous = open(path, null, null);
        EventStreamClient otherBuyer = open(path, other, null);
        EventStreamClient wrongRole = open(path, seller, null)) {
      assertThat(anonymous.status()).isEqualTo(401);
      assertThat(otherBuyer.status()).isEqualTo(403);
      assertThat(wrongRole.status()).isEqualTo(403);
    }
  }

  private static EventStreamClient open(String path, Account account, Long lastEventId) {
    return EventStreamClient.open(
        vertx,
        config.httpPort(),
        path,
        account == null ? null : account.accessToken(),
        lastEventId);
  }
}
