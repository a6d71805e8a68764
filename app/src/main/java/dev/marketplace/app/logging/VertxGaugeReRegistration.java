package dev.marketplace.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Micrometer's warning that a Vert.x gauge "has been already registered". Vert.x's metrics
 * register the gauge of active connections or requests again for every connection and request, and
 * get the same counter each time (vert-x3/vertx-micrometer-metrics#259): the warning is false for
 * Vert.x's meters. The same warning about any other meter, ours included, still shows.
 */
public final class VertxGaugeReRegistration extends TurboFilter {

  private static final String LOGGER = "io.micrometer.core.instrument.MeterRegistry";
  private static final String VERTX_GAUGE = "has been already registered (MeterId{name='vertx.";

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format != null
        && level == Level.WARN
        && LOGGER.equals(logger.getName())
        && format.contains(VERTX_GAUGE)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
