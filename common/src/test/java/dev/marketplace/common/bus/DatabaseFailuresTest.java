package dev.marketplace.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.db.NoPrimaryException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.SocketException;
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
  void aFailoverUnderWayIsUnavailable() {
    assertThat(DatabaseFailures.isUnavailable(new SocketException("Connection reset")))
        .as("a server that died with our query on its connection")
        .isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new VertxException("Connection is not active now, current status: CLOSED")))
        .as("a pooled connection the dying server had just closed")
        .isTrue();
    assertThat(DatabaseFailures.isUnavailable(new NoPrimaryException("all standbys")))
        .as("no host accepts writes yet")
        .isTrue();
    assertThat(
            DatabaseFailures.isUnavailable(
                new PgException(
                    "cannot execute UPDATE in a read-only transaction", "ERROR", "25006", null)))
        .as("the host we wrote to has become read-only")
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
