package dev.marketplace.common.config;

import java.time.Duration;

/**
 * The api edge's cache of anonymous catalog reads (product detail, browse, search, categories,
 * reviews): one per node, shared by its event loops.
 *
 * @param entries the most responses kept; 0 turns the cache off, and every read goes to the
 *     database as it did before the cache existed
 * @param maxBytes the most bytes of responses kept (bodies, keys and bookkeeping)
 * @param ttl how long a response is kept at most: what bounds its staleness on a node that missed
 *     an invalidation (started later, or cut off from the cluster)
 */
public record CatalogCacheSettings(int entries, long maxBytes, Duration ttl) {

  static CatalogCacheSettings read(EnvironmentReader reader) {
    return new CatalogCacheSettings(
        reader.integer("MARKETPLACE_CATALOG_CACHE_ENTRIES", 20_000, 0, 1_000_000),
        reader.integer("MARKETPLACE_CATALOG_CACHE_MB", 32, 1, 4096) * 1024L * 1024L,
        Duration.ofSeconds(reader.integer("MARKETPLACE_CATALOG_CACHE_SECONDS", 10, 1, 3600)));
  }

  public boolean enabled() {
    return entries > 0;
  }
}
