package dev.marketplace.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DatabaseOutageLogTest {

  private final AtomicLong nanos = new AtomicLong();
  private final DatabaseOutageLog log =
      new DatabaseOutageLog(nanos::get, DatabaseOutageLog.SUMMARY_INTERVAL);
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
  void successWithoutAnOutageLogsNothing() {
    log.served();

    assertThat(lines.list).isEmpty();
  }
}
