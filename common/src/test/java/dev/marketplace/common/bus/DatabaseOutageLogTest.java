package dev.marketplace.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DatabaseOutageLogTest {

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicReference<String> primary = new AtomicReference<>();
  private final DatabaseOutageLog log =
      new DatabaseOutageLog(nanos::get, DatabaseOutageLog.SUMMARY_INTERVAL, primary::get);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(DatabaseOutageLog.class);

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
  }

  @Test
  void anOutageIsToldOnceThenSummarisedEveryIntervalThenEnded() {
    ConnectException refused = new ConnectException("Connection refused");
    // 30 seconds of outage, 100 refused requests a second.
    for (int i = 0; i < 3000; i++) {
      nanos.set(Duration.ofMillis(10L * i).toNanos());
      log.refused("browseProducts on catalog", refused);
    }
    log.served();
    log.served();

    assertThat(lines.list).hasSize(4);
    assertThat(lines.list.get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(lines.list.get(0).getFormattedMessage())
        .contains("Database unavailable", "browseProducts on catalog", "Connection refused");
    assertThat(lines.list.subList(1, 3))
        .allSatisfy(
            line ->
                assertThat(line.getFormattedMessage())
                    .contains("still unavailable", "1000 more requests"));
    assertThat(lines.list.get(3).getLevel()).isEqualTo(Level.INFO);
    assertThat(lines.list.get(3).getFormattedMessage())
        .contains("available again after 30.0 s", "3000 requests");
  }

  @Test
  void theRecoveryNamesThePrimaryWritesGoToAfterAFailover() {
    primary.set("10.0.0.1:5432");
    log.refused("placeOrder on orders", new ConnectException("Connection refused"));
    primary.set("10.0.0.2:5432");
    nanos.set(Duration.ofMillis(2500).toNanos());
    log.served();

    assertThat(lines.list).hasSize(2);
    assertThat(lines.list.get(1).getFormattedMessage())
        .contains("available again after 2.5 s", "writes go to the primary at 10.0.0.2:5432");
  }

  @Test
  void aRequestUnderWayWhenTheOutageBeganDoesNotEndIt() {
    nanos.set(1_000);
    long inFlight = nanos.get();
    nanos.set(2_000);
    log.refused("placeOrder on orders", new ConnectException("Connection refused"));
    nanos.set(3_000);
    log.served(inFlight);

    assertThat(log.down()).isTrue();
    assertThat(lines.list).hasSize(1);

    log.served(nanos.get());
    assertThat(log.down()).isFalse();
  }

  @Test
  void successWithoutAnOutageLogsNothing() {
    log.served();

    assertThat(lines.list).isEmpty();
  }
}
