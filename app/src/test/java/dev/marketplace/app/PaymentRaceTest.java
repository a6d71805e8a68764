package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Double submits, with and without an Idempotency-Key, start one payment and charge once. */
class PaymentRaceTest extends PaymentApiTest {

  @Test
  void doubleSubmitsChargeOnce() {
    Account buyer = fixtures.buyer("Dora");
    long productId = product("Double Dish", "15.00", 10);
    long racedWithoutKey = fixtures.order(buyer, productId, 1).getLong("id");
    long racedWithKey = fixtures.order(buyer, productId, 1).getLong("id");
    String path = "/api/buyers/orders/";
    JsonObject card =
        new JsonObject().put("payment_method", "card").put("card_token", "tok_success");

    List<Future<HttpResponse<Buffer>>> plain = new ArrayList<>();
    List<Future<HttpResponse<Buffer>>> keyed = new ArrayList<>();
    String key = UUID.randomUUID().toString();
    for (int i = 0; i < 8; i++) {
      plain.add(buyer.api().sendAsync(HttpMethod.POST, path + racedWithoutKey + "/payments", card));
      keyed.add(
          buyer.api().sendAsync(HttpMethod.POST, path + racedWithKey + "/payments", card, key));
    }
    Future.join(new ArrayList<>(plain)).await();
    Future.join(new ArrayList<>(keyed)).await();

    List<Integer> plainStatuses = new ArrayList<>();
    plain.forEach(response -> plainStatuses.add(response.result().statusCode()));
    assertThat(plainStatuses).containsOnlyOnce(201).containsOnly(201, 409);
    Set<Long> keyedPayments = new HashSet<>();
    keyed.forEach(
        response -> {
          assertThat(response.result().statusCode()).isIn(201, 202);
          keyedPayments.add(response.result().bodyAsJsonObject().getLong("id"));
        });
    assertThat(keyedPayments).as("one payment for one key").hasSize(1);
    assertThat(gateway.paymentsOf(racedWithoutKey)).hasSize(1);
    assertThat(gateway.paymentsOf(racedWithKey)).hasSize(1);
    assertThat(payWithKey(buyer, racedWithoutKey, "tok_declined", key).status())
        .as("the key belongs to another request")
        .isEqualTo(409);

    String sharedKey = UUID.randomUUID().toString();
    long left = fixtures.order(buyer, productId, 1).getLong("id");
    long right = fixtures.order(buyer, productId, 1).getLong("id");
    List<Future<HttpResponse<Buffer>>> oneKeyTwoOrders =
        List.of(
            buyer.api().sendAsync(HttpMethod.POST, path + left + "/payments", card, sharedKey),
            buyer.api().sendAsync(HttpMethod.POST, path + right + "/payments", card, sharedKey));
    Future.join(new ArrayList<>(oneKeyTwoOrders)).await();
    List<Integer> statuses = new ArrayList<>();
    oneKeyTwoOrders.forEach(response -> statuses.add(response.result().statusCode()));
    assertThat(statuses).as("one key pays one order").containsExactlyInAnyOrder(201, 409);
    assertThat(gateway.paymentsOf(left).size() + gateway.paymentsOf(right).size()).isEqualTo(1);
  }
}
