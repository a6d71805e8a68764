package dev.marketplace.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Set;
import org.slf4j.Marker;

/**
 * Logs a connection that the peer reset or closed under us as the WARN it is, not the ERROR Vert.x
 * gives it: a connection that has no handler of its own for failures (the clustered event bus's
 * connections between nodes) reports "Connection reset" at ERROR when the node at the other end
 * dies, which is a fault of the network or of that node, handled by the cluster, not a bug here.
 * Configured in {@code logback.xml}.
 */
public final class PeerResetLogFilter extends TurboFilter {

  /** The logger Vert.x reports a connection's unhandled failure on. */
  public static final String CONNECTION_LOGGER = "io.vertx.core.net.impl.ConnectionBase";

  private static final Set<String> PEER_GONE =
      Set.of("Connection reset", "Connection reset by peer", "Broken pipe");

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR
        || !CONNECTION_LOGGER.equals(logger.getName())
        || !peerGone(format, t)) {
      return FilterReply.NEUTRAL;
    }
    logger.warn("{} (the peer went away)", format != null ? format : t.getMessage());
    return FilterReply.DENY;
  }

  private static boolean peerGone(String format, Throwable t) {
    return format != null && PEER_GONE.contains(format)
        || t != null && t.getMessage() != null && PEER_GONE.contains(t.getMessage());
  }
}
