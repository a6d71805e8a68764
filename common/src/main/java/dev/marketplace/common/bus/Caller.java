package dev.marketplace.common.bus;

import io.vertx.core.json.JsonObject;

/**
 * Who makes a request, as the HTTP edge established it: the account from a verified access token
 * (absent for public operations) and the client's network address.
 */
public record Caller(Long accountId, String role, String clientAddress) {

  public static Caller anonymous(String clientAddress) {
    return new Caller(null, null, clientAddress);
  }

  public boolean authenticated() {
    return accountId != null;
  }

  static Caller fromJson(JsonObject json) {
    return json == null
        ? anonymous(null)
        : new Caller(json.getLong("id"), json.getString("role"), json.getString("client"));
  }

  JsonObject toJson() {
    return new JsonObject().put("id", accountId).put("role", role).put("client", clientAddress);
  }
}
