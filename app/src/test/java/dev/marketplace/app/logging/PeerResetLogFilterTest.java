package dev.marketplace.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

/** A reset connection is logged at WARN; every other ERROR stays an ERROR. */
class PeerResetLogFilterTest {

  @Test
  void aPeerThatResetItsConnectionIsAWarningAndNothingElseChanges() {
    LoggerContext context = new LoggerContext();
    PeerResetLogFilter filter = new PeerResetLogFilter();
    filter.start();
    context.addTurboFilter(filter);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(logged);
    Logger connections = context.getLogger(PeerResetLogFilter.CONNECTION_LOGGER);

    connections.error("Connection reset");
    connections.error("Something else broke");
    context.getLogger("dev.marketplace.app.Other").error("Connection reset");

    assertThat(logged.list)
        .extracting(ILoggingEvent::getLevel, ILoggingEvent::getLoggerName)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Level.WARN, PeerResetLogFilter.CONNECTION_LOGGER),
            org.assertj.core.groups.Tuple.tuple(Level.ERROR, PeerResetLogFilter.CONNECTION_LOGGER),
            org.assertj.core.groups.Tuple.tuple(Level.ERROR, "dev.marketplace.app.Other"));
  }
}
