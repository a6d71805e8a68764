package dev.marketplace.app;

import dev.marketplace.account.AccountVerticle;
import dev.marketplace.api.ApiVerticle;
import dev.marketplace.catalog.CatalogVerticle;
import dev.marketplace.catalog.image.LegacyImageImport;
import dev.marketplace.common.bus.BusAddress;
import dev.marketplace.common.bus.DatabaseFailures;
import dev.marketplace.common.config.MarketplaceConfig;
import dev.marketplace.common.config.NodeVerticles;
import dev.marketplace.common.config.VerticleKind;
import dev.marketplace.common.db.DatabasePool;
import dev.marketplace.common.db.DatabaseSettings;
import dev.marketplace.common.security.SigningKeys;
import dev.marketplace.order.OrderVerticle;
import dev.marketplace.payment.PaymentVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys the verticles this process runs ({@link MarketplaceConfig#verticles()}: all of them
 * alone, the chosen ones in a cluster): the domain verticles first, so that an HTTP edge in the
 * same process opens only when every address it forwards to is served here. The private signing key
 * goes to the account verticle only; the edge gets the public key.
 */
public final class Marketplace {

  private static final Logger LOG = LoggerFactory.getLogger(Marketplace.class);

  /** The event-bus address each domain verticle serves. */
  static final Map<VerticleKind, BusAddress> ADDRESSES =
      Map.of(
          VerticleKind.ACCOUNT, AccountVerticle.ADDRESS,
          VerticleKind.CATALOG, CatalogVerticle.ADDRESS,
          VerticleKind.ORDER, OrderVerticle.ADDRESS,
          VerticleKind.PAYMENT, PaymentVerticle.ADDRESS);

  private Marketplace() {}

  /**
   * Vert.x options for a process that runs every verticle: one event loop per verticle instance.
   * Each deployment then puts one instance on every loop, so that every loop runs an edge and an
   * instance of each domain verticle, and a request stays on the loop that read it from its socket
   * to its reply ({@link dev.marketplace.common.bus.SameLoopAddresses}).
   */
  public static VertxOptions singleProcessOptions(MarketplaceConfig config) {
    return new VertxOptions().setEventLoopPoolSize(config.verticleInstances());
  }

  /**
   * Deploys against a migrated database; completes once every verticle has started (and the HTTP
   * port is open, if this process runs the api), with the edge's deployment id if it runs here,
   * which a graceful stop undeploys first ({@link GracefulShutdown}). {@code database} may be null
   * when no verticle here uses it, {@code keys} when none signs or verifies tokens.
   */
  public static Future<Optional<String>> deploy(
      Vertx vertx,
      MarketplaceConfig config,
      DatabaseSettings database,
      SigningKeys keys,
      Clock clock) {
    NodeVerticles node = config.verticles();
    return GatewayDeployment.deploy(vertx, config, database, clock)
        .compose(
            payments ->
                afterLegacyImages(
                    vertx,
                    config,
                    database,
                    () -> deployDomain(vertx, config, database, keys, clock, payments)))
        .compose(
            domain ->
                node.runs(VerticleKind.API)
                    ? vertx
                        .deployVerticle(
                            ApiVerticle.instances(
                                ApiVerticle.Settings.from(config, keys.publicKeyPem()), clock),
                            instances(node, VerticleKind.API))
                        .map(Optional::of)
                    : Future.succeededFuture(Optional.empty()));
  }

  private static Future<?> deployDomain(
      Vertx vertx,
      MarketplaceConfig config,
      DatabaseSettings database,
      SigningKeys keys,
      Clock clock,
      PaymentVerticle.Settings payments) {
    NodeVerticles node = config.verticles();
    List<Future<String>> deployed = new ArrayList<>();
    if (node.runs(VerticleKind.ACCOUNT)) {
      AccountVerticle.Settings accounts =
          AccountVerticle.Settings.from(config, database, keys.privateKeyPem());
      deployed.add(
          vertx.deployVerticle(
              () -> new AccountVerticle(accounts, clock), instances(node, VerticleKind.ACCOUNT)));
    }
    if (node.runs(VerticleKind.CATALOG)) {
      CatalogVerticle.Settings catalog = CatalogVerticle.Settings.from(config, database);
      deployed.add(
          vertx.deployVerticle(
              () -> new CatalogVerticle(catalog, clock), instances(node, VerticleKind.CATALOG)));
    }
    if (node.runs(VerticleKind.ORDER)) {
      OrderVerticle.Settings orders = OrderVerticle.Settings.from(config, database);
      deployed.add(
          vertx.deployVerticle(
              () -> new OrderVerticle(orders, clock), instances(node, VerticleKind.ORDER)));
    }
    if (node.runs(VerticleKind.PAYMENT)) {
      deployed.add(
          vertx.deployVerticle(
              () -> new PaymentVerticle(payments, clock), instances(node, VerticleKind.PAYMENT)));
    }
    return Future.all(deployed);
  }

  /**
   * Earlier versions kept product images as files; a catalog node that finds them copies them into
   * the database, where every catalog node reads them, before {@code deploy} runs. The copy goes
   * through the process's shared pool, held until the verticles hold it too, so that the process
   * keeps one pool (and one set of pool metrics).
   */
  private static Future<?> afterLegacyImages(
      Vertx vertx,
      MarketplaceConfig config,
      DatabaseSettings database,
      Supplier<Future<?>> deploy) {
    if (!config.verticles().runs(VerticleKind.CATALOG)) {
      return deploy.get();
    }
    Pool pool =
        DatabasePool.shared(vertx, CatalogVerticle.Settings.from(config, database).database());
    return legacyImages(vertx, pool, config, START_ATTEMPTS)
        .compose(imported -> deploy.get())
        .eventually(pool::close);
  }

  /** How many times, a second apart, a starting node asks a database that does not answer. */
  private static final int START_ATTEMPTS = 30;

  /**
   * The legacy images' check, asked again while the database cannot answer: a node starting beside
   * others on a busy machine may wait longer for its first connection than a request would (half
   * the request timeout), and a failover may be under way. Anything else fails the start at once.
   */
  private static Future<Integer> legacyImages(
      Vertx vertx, Pool pool, MarketplaceConfig config, int attemptsLeft) {
    return LegacyImageImport.run(vertx, pool, config.imageDirectory())
        .recover(
            failure -> {
              if (attemptsLeft <= 1 || !DatabaseFailures.isUnavailable(failure)) {
                return Future.failedFuture(failure);
              }
              LOG.warn(
                  "The database did not answer at start ({}); asking again", failure.toString());
              return vertx
                  .timer(1000)
                  .compose(waited -> legacyImages(vertx, pool, config, attemptsLeft - 1));
            });
  }

  private static DeploymentOptions instances(NodeVerticles node, VerticleKind kind) {
    return new DeploymentOptions().setInstances(node.instancesOf(kind));
  }
}
