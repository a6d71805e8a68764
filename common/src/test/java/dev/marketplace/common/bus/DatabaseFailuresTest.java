package dev.marketplace.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

  @Test
  void aDatabaseThatCannotServeNowIsUnavailable() {
    assertThat(DatabaseFailures.isUnavailable(new ConnectException("Connection refused"))).isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new VertxException("Timeout waiting for connection", true)))
        .as("pool.query waited too long for a connection")
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new NoStackTraceThrowable("Timeout")))
        .as("withTransaction waited too long for a connection")
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new ConnectionPoolTooBusyException("full"))).isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new RuntimeException(new PgException("gone", "FATAL", "57P01", null))))
        .isTrue();
  }

  @Test
  void aBugInAQueryIsNot() {
    assertThat(
            DatabaseFailures.isUnavailable(
                new PgException("could not determine data type", "ERROR", "42P18", null)))
        .isFalse();
    assertThat(DatabaseFailures.isUnavailable(new VertxException("Some other failure", true)))
        .isFalse();
    assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("bug"))).isFalse();
  }
}
