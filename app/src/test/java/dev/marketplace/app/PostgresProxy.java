package dev.marketplace.app;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A TCP proxy in front of PostgreSQL, for fault tests: it forwards faithfully, or delays every
 * packet, or goes away (an outage: existing connections are cut and new ones closed as soon as they
 * arrive) and comes back.
 *
 * <p>It keeps its port for its whole life, even while away: a port given up for an outage can be
 * taken meanwhile, and the proxy could then not come back. CI saw it twice: once a reconnecting
 * client was given the port as its own end (a socket connected to itself), once listening again
 * failed with "Address already in use".
 */
final class PostgresProxy {

  private final Vertx vertx;
  private final String upstreamHost;
  private final int upstreamPort;
  private final NetClient upstream;
  private final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger held = new AtomicInteger();
  private volatile long delayMillis;
  private volatile long answerDelayMillis;
  private volatile boolean away;
  private int port;

  private PostgresProxy(Vertx vertx, String upstreamHost, int upstreamPort) {
    this.vertx = vertx;
    this.upstreamHost = upstreamHost;
    this.upstreamPort = upstreamPort;
    this.upstream = vertx.createNetClient();
  }

  static PostgresProxy start(Vertx vertx, String upstreamHost, int upstreamPort) {
    PostgresProxy proxy = new PostgresProxy(vertx, upstreamHost, upstreamPort);
    NetServer server = vertx.createNetServer().connectHandler(proxy::accept);
    proxy.port = server.listen(0, "127.0.0.1").await().actualPort();
    return proxy;
  }

  int port() {
    return port;
  }

  /** Every packet, in either direction, arrives this much later (0: at once). */
  void delay(long millis) {
    delayMillis = millis;
  }

  /**
   * The database's answers, and only those, arrive this much later (0: at once): it does what it is
   * asked at once, and a cut meanwhile loses what it answered.
   */
  void delayAnswers(long millis) {
    answerDelayMillis = millis;
  }

  /** The packets held back by a delay and not yet forwarded, in either direction. */
  int held() {
    return held.get();
  }

  /** The database goes away: open connections are cut, new ones closed as they arrive. */
  void cut() {
    away = true;
    open.forEach(NetSocket::close);
  }

  /** The database is back. */
  void restore() {
    away = false;
  }

  private void accept(NetSocket client) {
    if (away) {
      client.close();
      return;
    }
    client.pause();
    open.add(client);
    upstream
        .connect(upstreamPort, upstreamHost)
        .onFailure(failed -> client.close())
        .onSuccess(
            database -> {
              if (away) { // cut while this connection was being made
                database.close();
                client.close();
                return;
              }
              open.add(database);
              pipe(client, database, () -> delayMillis);
              pipe(database, client, () -> delayMillis + answerDelayMillis);
              client.resume();
            });
  }

  /** Forwards {@code from} to {@code to} in order, each packet after the current delay. */
  private void pipe(NetSocket from, NetSocket to, LongSupplier delayMillis) {
    Queue<Buffer> queued = new ArrayDeque<>();
    from.handler(
        packet -> {
          long delay = delayMillis.getAsLong();
          if (delay <= 0 && queued.isEmpty()) {
            to.write(packet);
            return;
          }
          queued.add(packet);
          held.incrementAndGet();
          vertx.setTimer(
              Math.max(1, delay),
              fired -> {
                to.write(queued.poll());
                held.decrementAndGet();
              });
        });
    from.closeHandler(
        closed -> {
          open.remove(from);
          to.close();
        });
  }
}
