package dev.marketplace.common.config;

import java.time.Duration;
import java.util.Optional;

/**
 * Where reads that may come from a replica go.
 *
 * @param url the replicas, as {@code MARKETPLACE_DB_READ_URL} lists them (libpq's multi-host form),
 *     or empty to read everything from the primary
 * @param maxLag how far behind the primary a replica may be and still serve reads: beyond it, it is
 *     skipped until it catches up
 */
public record ReadReplicaSettings(Optional<String> url, Duration maxLag) {

  /**
   * One second: a healthy replica replays within milliseconds, so a second behind means it is
   * struggling, and shedding its reads helps it catch up; it is also about the longest a buyer may
   * see a price or a stock level that has since changed without it looking wrong, four times the
   * lag check's interval, so that a healthy replica never flaps.
   */
  static final int DEFAULT_MAX_LAG_MS = 1000;

  static ReadReplicaSettings read(EnvironmentReader reader) {
    return new ReadReplicaSettings(
        reader.text("MARKETPLACE_DB_READ_URL"),
        Duration.ofMillis(
            reader.integer("MARKETPLACE_DB_MAX_REPLICA_LAG_MS", DEFAULT_MAX_LAG_MS, 100, 600_000)));
  }
}
