package dev.marketplace.common.db;

import io.vertx.pgclient.PgException;

/**
 * Recognises PostgreSQL's refusal of a row that a unique index already holds (SQL state 23505),
 * which a repository turns into the 409 its caller can act on.
 */
public final class UniqueViolation {

  private static final String SQL_STATE = "23505";

  private UniqueViolation() {}

  /** Whether {@code failure} is a unique violation of any index. */
  public static boolean is(Throwable failure) {
    return failure instanceof PgException pg && SQL_STATE.equals(pg.getSqlState());
  }

  /** Whether {@code failure} is a unique violation of the constraint named {@code constraint}. */
  public static boolean of(Throwable failure, String constraint) {
    return is(failure) && constraint.equals(((PgException) failure).getConstraint());
  }
}
