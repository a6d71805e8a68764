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

    Invalidation heardFirst = first.poll(5, TimeUnit.SECONDS);
    assertThat(heardFirst.all()).isFalse();
    assertThat(heardFirst.keys()).containsExactly("7", "9");
    assertThat(second.poll(5, TimeUnit.SECONDS))
        .as("every copy of one publish, with its id")
        .isEqualTo(heardFirst);
    assertThat(otherCache.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void eachPublishHasAnIdOfItsOwn() throws Exception {
    BlockingQueue<Invalidation> heard = subscribe("products");

    Invalidations.publish(vertx, "products", List.of("7"));
    Invalidations.publish(vertx, "products", List.of("7"));

    assertThat(heard.poll(5, TimeUnit.SECONDS).id())
        .isNotEmpty()
        .isNotEqualTo(heard.poll(5, TimeUnit.SECONDS).id());
  }

  @Test
  void aCacheCanBeToldToTrustNothing() throws Exception {
    BlockingQueue<Invalidation> heard = subscribe("products");

    Invalidations.publishAll(vertx, "products", null);

    Invalidation everything = heard.poll(5, TimeUnit.SECONDS);
    assertThat(everything.all()).isTrue();
    assertThat(everything.keys()).isEmpty();
    assertThat(everything.position()).as("no replicas: no position").isNull();
  }

  @Test
  void aProductChangeSaysWhereItCommitted() throws Exception {
    BlockingQueue<Invalidation> heard = subscribe("products");

    Invalidations.publishProducts(vertx, List.of(7L, 9L), 123_456_789L);

    Invalidation change = heard.poll(5, TimeUnit.SECONDS);
    assertThat(change.keys()).containsExactly("7", "9");
    assertThat(change.position()).isEqualTo(123_456_789L);
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
