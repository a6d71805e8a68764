package dev.marketplace.api.readcache;

import dev.marketplace.common.bus.Invalidations.Invalidation;
import dev.marketplace.common.config.CatalogCacheSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Encoded answers to anonymous catalog reads, kept by one node's api edge and shared by its event
 * loops, by the exact request target (path and query) that produced them.
 *
 * <p>What an answer depends on decides how it is dropped. An answer about one product (its detail,
 * its reviews) goes when that product changes. An answer about the catalog as a whole (browse,
 * search, categories) goes when any product changes: a change to one product can move it into or
 * out of any list (a new price moves it across a price filter or a sorted page, a sale moves it in
 * the best-selling order, its last unit out of an in-stock filter), and telling which lists it
 * could enter would take re-running their queries. Those are dropped lazily: each carries the
 * generation it was read in, and any change since makes it a miss.
 *
 * <p>The generation also settles the race between a read and a change: a miss takes the generation
 * before it asks the database, and its answer is kept only if nothing it depends on changed since
 * (a change committed while the read was under way may or may not be in it). For product answers
 * this uses the generation of each product's last change, remembered for the last {@link
 * #REMEMBERED_CHANGES} changed products; an answer read before the oldest of those is not kept.
 *
 * <p>Each of the node's event loops hears every invalidation and hands it here, so that a loop
 * never answers from the cache what a change it has already heard of made untrue (a client that got
 * the answer to its change and reads again on the same node reads the change). The first copy of an
 * invalidation to arrive applies it; the others, known by its id, change nothing.
 *
 * <p>Every answer also expires {@code ttl} after its read began, which bounds staleness on a node
 * that misses an invalidation; the least recently used answers go first once the node holds {@code
 * entries} answers or {@code maxBytes} bytes. One lock guards it all: each call holds it for a few
 * map operations.
 */
public final class CatalogReadCache {

  /**
   * What a miss must remember to store its answer: when its read began, by both clocks, and the
   * position in the primary's WAL its answer must have been read at to be kept (0 when all are).
   */
  public record Ticket(long generation, long startedAtMillis, long keptIfReadAfter) {}

  /**
   * How many changed products the cache remembers the generation of: enough for several seconds of
   * changes at thousands per second, more than a read takes before the request times out.
   */
  static final int REMEMBERED_CHANGES = 16_384;

  /** How many invalidations are remembered as applied; a copy arriving later is harmless. */
  private static final int REMEMBERED_INVALIDATIONS = 4096;

  /** What an entry costs besides its body and key: the entry, its map node and its ETag. */
  private static final int ENTRY_OVERHEAD_BYTES = 256;

  /** One answer may take at most this share of the byte budget, so none flushes the rest. */
  private static final int LARGEST_SHARE = 16;

  private final int maxEntries;
  private final long maxBytes;
  private final long ttlMillis;
  private final Clock clock;

  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
  private final Map<Long, List<String>> keysByProduct = new HashMap<>();
  // Insertion order is generation order: each product is moved to the end when it changes again.
  private final LinkedHashMap<Long, Long> changedAt = new LinkedHashMap<>();
  private final LinkedHashSet<String> applied = new LinkedHashSet<>();
  private long generation;
  private long forgottenBefore;
  private long bytes;

  public CatalogReadCache(CatalogCacheSettings settings, Clock clock) {
    this.maxEntries = settings.entries();
    this.maxBytes = settings.maxBytes();
    this.ttlMillis = settings.ttl().toMillis();
    this.clock = clock;
  }

  /** The answer kept for this request target, or null. */
  public synchronized CachedAnswer get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return null;
    }
    if (clock.millis() >= entry.expiresAtMillis
        || entry.productId == null && entry.generation != generation) {
      remove(key);
      return null;
    }
    return entry.answer;
  }

  /** Taken by a miss before it reads, and handed back to {@link #put}. */
  public Ticket ticket() {
    return ticket(0);
  }

  /**
   * As {@link #ticket()}, for an answer that is kept only if read at or past {@code
   * keptIfReadAfter}: the changes heard of so far that it depends on (see {@link ReadPositions}).
   */
  public synchronized Ticket ticket(long keptIfReadAfter) {
    return new Ticket(generation, clock.millis(), keptIfReadAfter);
  }

  /**
   * Keeps the answer to a miss that began with {@code ticket}, about product {@code productId} or,
   * when it is null, about the whole catalog; unless what it depends on changed since the ticket.
   */
  public void put(String key, CachedAnswer answer, Long productId, Ticket ticket) {
    put(key, answer, productId, ticket, null);
  }

  /**
   * As {@link #put(String, CachedAnswer, Long, Ticket)}, for an answer read on a replica that had
   * replayed up to {@code readAt} (null: read on the primary): an answer older than a change heard
   * before its read began is not kept, even if no change was heard since.
   */
  public synchronized void put(
      String key, CachedAnswer answer, Long productId, Ticket ticket, Long readAt) {
    long weight = answer.body().length() + 2L * key.length() + ENTRY_OVERHEAD_BYTES;
    if (weight > maxBytes / LARGEST_SHARE
        || changedSince(productId, ticket.generation())
        || readAt != null && readAt < ticket.keptIfReadAfter()) {
      return;
    }
    remove(key);
    entries.put(
        key,
        new Entry(
            answer, productId, ticket.generation(), ticket.startedAtMillis() + ttlMillis, weight));
    bytes += weight;
    if (productId != null) {
      keysByProduct.computeIfAbsent(productId, id -> new ArrayList<>(2)).add(key);
    }
    while (entries.size() > maxEntries || bytes > maxBytes) {
      remove(entries.keySet().iterator().next());
    }
  }

  /** Drops what a committed change made untrue, unless another copy of it already did. */
  public synchronized void invalidate(Invalidation change) {
    if (!applied.add(change.id())) {
      return;
    }
    if (applied.size() > REMEMBERED_INVALIDATIONS) {
      applied.remove(applied.iterator().next());
    }
    generation++;
    if (change.all()) {
      entries.clear();
      keysByProduct.clear();
      changedAt.clear();
      bytes = 0;
      forgottenBefore = generation;
      return;
    }
    for (long productId : change.productIds()) {
      List<String> keys = keysByProduct.get(productId);
      if (keys != null) {
        List.copyOf(keys).forEach(this::remove);
      }
      changedAt.remove(productId);
      changedAt.put(productId, generation);
    }
    while (changedAt.size() > REMEMBERED_CHANGES) {
      Iterator<Map.Entry<Long, Long>> oldest = changedAt.entrySet().iterator();
      forgottenBefore = oldest.next().getValue();
      oldest.remove();
    }
  }

  public synchronized int size() {
    return entries.size();
  }

  public synchronized long bytes() {
    return bytes;
  }

  private boolean changedSince(Long productId, long ticketGeneration) {
    if (productId == null) {
      return ticketGeneration != generation;
    }
    Long changed = changedAt.get(productId);
    return ticketGeneration < forgottenBefore || changed != null && changed > ticketGeneration;
  }

  private void remove(String key) {
    Entry entry = entries.remove(key);
    if (entry == null) {
      return;
    }
    bytes -= entry.weight;
    if (entry.productId != null) {
      List<String> keys = keysByProduct.get(entry.productId);
      keys.remove(key);
      if (keys.isEmpty()) {
        keysByProduct.remove(entry.productId);
      }
    }
  }

  private record Entry(
      CachedAnswer answer, Long productId, long generation, long expiresAtMillis, long weight) {}
}
