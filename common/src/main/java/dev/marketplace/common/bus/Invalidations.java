package dev.marketplace.common.bus;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Cluster-wide invalidation of what nodes keep in memory. Whoever changes some data publishes, once
 * the change is committed, which keys of which cache are no longer true (or that none is); every
 * subscriber on every node drops them, on its own event loop.
 *
 * <p>Where reads may come from replicas, a change also says where the primary's WAL stood once it
 * committed (its position), so that a node that heard of it reads what it changed only from a
 * replica that has replayed that far, and keeps no answer read from one that had not.
 *
 * <p>It is a publish on the clustered event bus: prompt (one hop to each node) but not durable. A
 * node that is cut off, or starts after the publish, never hears of it. So every cache fed by this
 * channel also bounds its staleness by itself, with an expiry: the channel makes invalidation
 * prompt, the expiry makes it certain.
 */
public final class Invalidations {

  /**
   * Sessions that ended (logout, or a refresh token used twice); keys are session ids. The api's
   * verified-token cache refuses their access tokens from then on.
   */
  public static final String SESSIONS = "sessions";

  /**
   * Products whose buyer-facing answers changed: their fields, stock, images or reviews, or whether
   * they are on sale; keys are product ids. The api's catalog read cache drops what it keeps of
   * those products, and every list, since a change to one product can move it into or out of any
   * list.
   */
  public static final String PRODUCTS = "products";

  /**
   * The position of a change whose commit position the primary could not tell: readers read it on
   * the primary for a while instead.
   */
  public static final long UNKNOWN_POSITION = Long.MAX_VALUE;

  private static final String ADDRESS_PREFIX = "invalidate.";

  private Invalidations() {}

  /** Tells every node that these keys of {@code cache} changed. */
  public static void publish(Vertx vertx, String cache, Collection<String> keys) {
    if (!keys.isEmpty()) {
      vertx
          .eventBus()
          .publish(ADDRESS_PREFIX + cache, message().put("keys", new JsonArray(List.copyOf(keys))));
    }
  }

  /**
   * Tells every node that these products changed (see {@link #PRODUCTS}), committed at {@code
   * position} in the primary's WAL (null where no reads go to replicas).
   */
  public static void publishProducts(Vertx vertx, Collection<Long> productIds, Long position) {
    if (!productIds.isEmpty()) {
      vertx
          .eventBus()
          .publish(
              ADDRESS_PREFIX + PRODUCTS,
              message()
                  .put("keys", new JsonArray(productIds.stream().map(String::valueOf).toList()))
                  .put("position", position));
    }
  }

  /** Tells every node that nothing in {@code cache} can be trusted any more. */
  public static void publishAll(Vertx vertx, String cache, Long position) {
    vertx
        .eventBus()
        .publish(ADDRESS_PREFIX + cache, message().put("all", true).put("position", position));
  }

  /**
   * Calls {@code handler} with every invalidation of {@code cache} published from now on, on the
   * caller's context; await the consumer's {@code completion()} before relying on it.
   */
  public static MessageConsumer<JsonObject> subscribe(
      Vertx vertx, String cache, Handler<Invalidation> handler) {
    return vertx
        .eventBus()
        .consumer(ADDRESS_PREFIX + cache, message -> handler.handle(of(message.body())));
  }

  private static JsonObject message() {
    return new JsonObject().put("id", UUID.randomUUID().toString());
  }

  private static Invalidation of(JsonObject body) {
    JsonArray keys = body.getJsonArray("keys", new JsonArray());
    return new Invalidation(
        body.getString("id", ""),
        body.getBoolean("all", false),
        keys.stream().map(String::valueOf).toList(),
        body.getLong("position"));
  }

  /**
   * What changed: every key of the cache, or the listed ones, and where the change committed in the
   * primary's WAL (null if nothing reads from replicas; {@link #UNKNOWN_POSITION} if the primary
   * could not say). The id is the publish's own, the same in every copy, so that subscribers
   * sharing one cache (an api node's event loops) apply it once.
   */
  public record Invalidation(String id, boolean all, List<String> keys, Long position) {

    public Invalidation {
      keys = List.copyOf(keys);
    }

    public Invalidation(String id, boolean all, List<String> keys) {
      this(id, all, keys, null);
    }

    /** The keys that are product ids, as numbers: what {@link #PRODUCTS} changes name. */
    public List<Long> productIds() {
      List<Long> ids = new ArrayList<>(keys.size());
      for (String key : keys) {
        try {
          ids.add(Long.parseLong(key));
        } catch (NumberFormatException notAProduct) {
          // Not ours to read: every publisher of products sends their ids.
        }
      }
      return ids;
    }
  }
}
