package dev.marketplace.account;

import dev.marketplace.common.db.Rows;
import dev.marketplace.common.db.UniqueViolation;
import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** The {@code users} table. */
public final class UserRepository {

  /** Inserts an account; an email already taken, in any role or letter case, is a conflict. */
  public Future<User> insert(
      SqlClient client, String name, String email, Role role, String passwordHash) {
    return client
        .preparedQuery(
            "INSERT INTO users (name, email, role, password_hash) VALUES ($1, $2, $3, $4)"
                + " RETURNING id, name, email, role, created_at")
        .execute(Tuple.of(name, email, role.dbValue(), passwordHash))
        .map(rows -> User.fromRow(rows.iterator().next()))
        .recover(
            failure -> {
              if (UniqueViolation.is(failure)) {
                return Future.failedFuture(
                    new DomainException(
                        ErrorCode.DUPLICATE, "An account with this email already exists."));
              }
              return Future.failedFuture(failure);
            });
  }

  /** The account registered under {@code email} (in any letter case) with its password hash. */
  public Future<Optional<StoredCredentials>> findByEmail(SqlClient client, String email) {
    return client
        .preparedQuery(
            "SELECT id, name, email, role, created_at, password_hash FROM users"
                + " WHERE lower(email) = lower($1)")
        .mapping(row -> new StoredCredentials(User.fromRow(row), row.getString("password_hash")))
        .execute(Tuple.of(email))
        .map(Rows::first);
  }

  /** The account with this id. */
  public Future<Optional<User>> find(SqlClient client, long id) {
    return client
        .preparedQuery("SELECT id, name, email, role, created_at FROM users WHERE id = $1")
        .mapping(User::fromRow)
        .execute(Tuple.of(id))
        .map(Rows::first);
  }

  /** An account with the hash its password is checked against. */
  public record StoredCredentials(User user, String passwordHash) {}
}
