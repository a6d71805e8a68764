package dev.marketplace.account;

import dev.marketplace.common.db.Rows;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** The {@code refresh_tokens} table: token hashes grouped in families, one family per login. */
public final class RefreshTokenRepository {

  public Future<Void> insert(
      SqlClient client, byte[] hash, UUID family, long userId, Instant now, Instant expiresAt) {
    return client
        .preparedQuery(
            "INSERT INTO refresh_tokens (token_hash, family_id, user_id, created_at, expires_at)"
                + " VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(Buffer.buffer(hash), family, userId, utc(now), utc(expiresAt)))
        .mapEmpty();
  }

  /**
   * Deletes tokens past their expiry: they can no longer be used, and a reuse of one is refused as
   * unknown just as it was as expired. Returns how many went.
   */
  public Future<Integer> purgeExpired(SqlClient client, Instant now) {
    return client
        .preparedQuery("DELETE FROM refresh_tokens WHERE expires_at < $1")
        .execute(Tuple.of(utc(now)))
        .map(rows -> rows.rowCount());
  }

  /** The token with this hash and its account, locked until the transaction ends. */
  public Future<StoredToken> lock(SqlConnection connection, byte[] hash) {
    return connection
        .preparedQuery(
            "SELECT t.id, t.family_id, t.expires_at, t.used_at, t.revoked_at,"
                + " u.id AS user_id, u.name, u.email, u.role, u.created_at"
                + " FROM refresh_tokens t JOIN users u ON u.id = t.user_id"
                + " WHERE t.token_hash = $1 FOR UPDATE OF t")
        .mapping(
            row ->
                new StoredToken(
                    row.getLong("id"),
                    row.getUUID("family_id"),
                    row.getOffsetDateTime("expires_at").toInstant(),
                    row.getOffsetDateTime("used_at") != null,
                    row.getOffsetDateTime("revoked_at") != null,
                    new User(
                        row.getLong("user_id"),
                        row.getString("name"),
                        row.getString("email"),
                        row.getString("role"),
                        row.getOffsetDateTime("created_at"))))
        .execute(Tuple.of(Buffer.buffer(hash)))
        .map(rows -> Rows.first(rows).orElse(null));
  }

  public Future<Void> markUsed(SqlConnection connection, long tokenId, Instant now) {
    return connection
        .preparedQuery("UPDATE refresh_tokens SET used_at = $2 WHERE id = $1")
        .execute(Tuple.of(tokenId, utc(now)))
        .mapEmpty();
  }

  public Future<Void> revokeFamily(SqlConnection connection, UUID family, Instant now) {
    return connection
        .preparedQuery(
            "UPDATE refresh_tokens SET revoked_at = $2 WHERE family_id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(family, utc(now)))
        .mapEmpty();
  }

  /**
   * Revokes the family of the token with this hash; empty when no such token exists or its family
   * was revoked already.
   */
  public Future<Optional<UUID>> revokeFamilyOf(SqlClient client, byte[] hash, Instant now) {
    return client
        .preparedQuery(
            "UPDATE refresh_tokens SET revoked_at = $2 WHERE revoked_at IS NULL AND family_id ="
                + " (SELECT family_id FROM refresh_tokens WHERE token_hash = $1)"
                + " RETURNING family_id")
        .execute(Tuple.of(Buffer.buffer(hash), utc(now)))
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.empty()
                    : Optional.of(rows.iterator().next().getUUID("family_id")));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  /** A refresh token as stored, with the account it belongs to. */
  public record StoredToken(
      long id, UUID family, Instant expiresAt, boolean used, boolean revoked, User user) {}
}
