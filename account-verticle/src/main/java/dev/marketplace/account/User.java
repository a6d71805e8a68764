package dev.marketplace.account;

import dev.marketplace.common.json.Timestamps;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** An account as the API shows it: never with its password hash. */
public record User(long id, String name, String email, String role, OffsetDateTime createdAt) {

  static User fromRow(Row row) {
    return new User(
        row.getLong("id"),
        row.getString("name"),
        row.getString("email"),
        row.getString("role"),
        row.getOffsetDateTime("created_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("email", email)
        .put("role", role)
        .put("created_at", Timestamps.format(createdAt));
  }
}
