package dev.marketplace.api.readcache;

import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.bus.Invalidations.Invalidation;
import dev.marketplace.common.bus.Reply;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What reads through this api node must reflect, where reads may come from replicas: positions in
 * the primary's write-ahead log (LSNs) that the replica a read goes to must have replayed, else the
 * read goes to the primary. One per node, shared by its event loops.
 *
 * <ul>
 *   <li><b>A caller's own writes.</b> Each write's answer says where it committed; the node keeps
 *       that position for the caller (known by the bearer token it sent) for {@code hold}, longer
 *       than any replica that serves reads may lag, so that the caller's next reads show the write.
 *       A token names one login of one account; a caller that refreshes its token within that time
 *       reads as anyone does for the rest of it.
 *   <li><b>Changes heard of.</b> Every change to a product reaches every api node with where it
 *       committed ({@link Invalidations#PRODUCTS}). A read about one product (its detail, its
 *       reviews) must reflect the last change to it the node has heard of, whoever reads: so no
 *       reader on this node sees a product older than a change the node has been told of. The node
 *       remembers the last {@link #REMEMBERED_PRODUCTS} changed products; one it has forgotten must
 *       reflect the newest change forgotten.
 *   <li><b>The cache.</b> An answer is kept only if it was read at or past the changes it depends
 *       on that were heard before its read began ({@link #forProduct}, or {@link #latest} for a
 *       list): an answer read on a replica older than the change that emptied its place in the
 *       cache is sent, but not kept.
 * </ul>
 *
 * <p>A change whose commit position the primary could not tell ({@link
 * Invalidations#UNKNOWN_POSITION}) sends every read to the primary for {@code hold}.
 */
public final class ReadPositions {

  /** How many changed products are remembered: several seconds of changes at thousands a second. */
  static final int REMEMBERED_PRODUCTS = 16_384;

  /** How many callers' last writes are remembered: a few MB at most. */
  static final int REMEMBERED_CALLERS = 100_000;

  private final Clock clock;
  private final long holdMillis;
  private final LinkedHashMap<Long, Remembered> callers = new LinkedHashMap<>(1024, 0.75f, true);
  // Insertion order is the order of their last change: a product changed again moves to the end.
  private final LinkedHashMap<Long, Long> products = new LinkedHashMap<>();
  private long forgotten;
  private long latest;
  private long primaryUntil;
  // Until a position is heard of, none matters (no replicas): reads skip the lock.
  private volatile boolean tracking;

  /**
   * @param hold how long a caller's write, or a change of unknown position, decides where reads go:
   *     longer than the most a replica that serves reads may lag
   */
  public ReadPositions(Clock clock, Duration hold) {
    this.clock = clock;
    this.holdMillis = hold.toMillis();
  }

  /**
   * What a read by the caller sending {@code authorization} (or nobody, if null) about {@code
   * productId} (or the catalog, if null) must reflect.
   */
  public long readAfter(String authorization, Long productId) {
    return tracking ? trackedReadAfter(authorization, productId) : 0;
  }

  private synchronized long trackedReadAfter(String authorization, Long productId) {
    if (clock.millis() < primaryUntil) {
      return Invalidations.UNKNOWN_POSITION;
    }
    long position = productId == null ? 0 : productOf(productId);
    if (authorization != null) {
      Remembered caller = callers.get(key(authorization));
      if (caller != null) {
        if (clock.millis() < caller.until) {
          position = Math.max(position, caller.position);
        } else {
          callers.remove(key(authorization));
        }
      }
    }
    return position;
  }

  /**
   * What an answer about {@code productId} (or the catalog, if null) must have been read at to be
   * kept: the changes it depends on that were heard so far.
   */
  public long keptIfReadAfter(Long productId) {
    return tracking ? trackedKeptIfReadAfter(productId) : 0;
  }

  private synchronized long trackedKeptIfReadAfter(Long productId) {
    if (clock.millis() < primaryUntil) {
      return Invalidations.UNKNOWN_POSITION;
    }
    return productId == null ? latest : productOf(productId);
  }

  /**
   * The caller sending {@code authorization} made a change that committed at {@code writtenAt} (the
   * {@link Reply#WRITTEN_AT} header: null where nothing reads from replicas).
   */
  public synchronized void wrote(String authorization, String writtenAt) {
    if (authorization == null || writtenAt == null) {
      return;
    }
    long position;
    try {
      position =
          Reply.UNKNOWN_POSITION.equals(writtenAt)
              ? Invalidations.UNKNOWN_POSITION
              : Long.parseLong(writtenAt);
    } catch (NumberFormatException notOurs) {
      return;
    }
    tracking = true;
    long key = key(authorization);
    Remembered before = callers.get(key);
    callers.put(
        key,
        new Remembered(
            before == null ? position : Math.max(before.position, position),
            clock.millis() + holdMillis));
    if (callers.size() > REMEMBERED_CALLERS) {
      Iterator<Long> eldest = callers.keySet().iterator();
      eldest.next();
      eldest.remove();
    }
  }

  /** A change heard on the {@link Invalidations#PRODUCTS} channel. */
  public synchronized void heard(Invalidation change) {
    Long position = change.position();
    if (position == null) {
      return;
    }
    tracking = true;
    if (position == Invalidations.UNKNOWN_POSITION) {
      primaryUntil = clock.millis() + holdMillis;
      return;
    }
    latest = Math.max(latest, position);
    if (change.all()) {
      forgotten = Math.max(forgotten, position);
      products.clear();
      return;
    }
    for (long productId : change.productIds()) {
      Long before = products.remove(productId);
      products.put(productId, before == null ? position : Math.max(before, position));
    }
    while (products.size() > REMEMBERED_PRODUCTS) {
      Iterator<Map.Entry<Long, Long>> oldest = products.entrySet().iterator();
      forgotten = Math.max(forgotten, oldest.next().getValue());
      oldest.remove();
    }
  }

  private long productOf(long productId) {
    Long changed = products.get(productId);
    return changed == null ? forgotten : Math.max(changed, forgotten);
  }

  /** A 64-bit hash of the token: a collision only sends someone's read to a fresher copy. */
  private static long key(String authorization) {
    long hash = 0xcbf29ce484222325L;
    for (int i = 0; i < authorization.length(); i++) {
      hash ^= authorization.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private record Remembered(long position, long until) {}
}
