package dev.marketplace.app;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;

/** Reads the sandbox gateway's own book, to count what was really charged. */
final class SandboxLedgerClient {

  private final WebClient client;
  private final String baseUrl;
  private final String apiKey;

  SandboxLedgerClient(Vertx vertx, String baseUrl, String apiKey) {
    this.client = WebClient.create(vertx);
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  /** Every payment the gateway holds for an order. */
  List<JsonObject> paymentsOf(long orderId) {
    JsonArray data =
        client
            .getAbs(baseUrl + "/v1/payments?reference=order-" + orderId)
            .bearerTokenAuthentication(apiKey)
            .send()
            .await()
            .bodyAsJsonObject()
            .getJsonArray("data");
    List<JsonObject> payments = new ArrayList<>();
    data.forEach(payment -> payments.add((JsonObject) payment));
    return payments;
  }

  /** How many of an order's payments at the gateway are in {@code status}. */
  long count(long orderId, String status) {
    return paymentsOf(orderId).stream().filter(p -> status.equals(p.getString("status"))).count();
  }
}
