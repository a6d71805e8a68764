package dev.marketplace.common.bus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.Invalidations.Invalidation;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvalidationsTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void everySubscriberOfACacheHearsWhichKeysChanged() throws Exception {
    BlockingQueue<Invalidation> first = subscribe("products");
    BlockingQueue<Invalidation> second = subscribe("products");
    BlockingQueue<Invalidation> otherCache = subscribe("sessions");

    Invalidations.publish(vertx, "products", List.of("7", "9"));

    assertThat(first.poll(5, TimeUnit.SECONDS))
        .isEqualTo(new Invalidation(false, List.of("7", "9")));
    assertThat(second.poll(5, TimeUnit.SECONDS))
        .isEqualTo(new Invalidation(false, List.of("7", "9")));
    assertThat(otherCache.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aCacheCanBeToldToTrustNothing() throws Exception {
    BlockingQueue<Invalidation> heard = subscribe("products");

    Invalidations.publishAll(vertx, "products");

    assertThat(heard.poll(5, TimeUnit.SECONDS)).isEqualTo(new Invalidation(true, List.of()));
  }

  @Test
  void noKeysIsNoMessage() throws Exception {
    BlockingQueue<Invalidation> heard = subscribe("products");

    Invalidations.publish(vertx, "products", List.of());

    assertThat(heard.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  private BlockingQueue<Invalidation> subscribe(String cache) {
    BlockingQueue<Invalidation> heard = new LinkedBlockingQueue<>();
    Invalidations.subscribe(vertx, cache, heard::add).completion().await();
    return heard;
  }
}
