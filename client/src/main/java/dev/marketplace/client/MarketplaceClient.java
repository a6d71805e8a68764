package dev.marketplace.client;

import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.auth.Session;
import dev.marketplace.client.auth.SessionKeeper;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.MarketplaceException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.failure.ServerUnreachableException;
import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.ExchangeListener;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.stream.OrderEventListener;
import dev.marketplace.client.stream.OrderEventStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A typed client of the marketplace's HTTP API for one server, acting as one role (buyer or
 * seller). Its session lives in a {@link CredentialStore}, shared with other processes, and its
 * access token is refreshed when it expires. Calls block the calling thread; every one may throw a
 * {@link MarketplaceException}: {@link ApiException} when the server refuses, {@link
 * NotSignedInException} when there is no live session, {@link ServerUnreachableException} when
 * there is no answer. Thread-safe. Closing it ends its threads (a short-lived process need not wait
 * for them to go).
 *
 * <pre>{@code
 * MarketplaceClient client = MarketplaceClient.builder(ServerUrl.resolve(null, System.getenv()))
 *     .role(Role.BUYER)
 *     .credentials(CredentialStore.defaultLocation(System.getenv()))
 *     .build();
 * Page<Product> page = client.catalog().search("hedphones", CatalogQuery.all());
 * }</pre>
 */
public final class MarketplaceClient implements AutoCloseable {

  private final URI server;
  private final Role role;
  private final Transport transport;
  private final SessionKeeper sessions;
  private final Duration streamIdleTimeout;
  private final Accounts accounts;
  private final Catalog catalog;
  private final SellerProducts sellerProducts;
  private final Images images;
  private final BuyerOrders buyerOrders;
  private final SellerOrders sellerOrders;
  private final SellerAnalytics sellerAnalytics;
  private final Payments payments;

  private MarketplaceClient(Builder builder) {
    this.server = builder.server;
    this.role = builder.role;
    this.streamIdleTimeout = builder.streamIdleTimeout;
    this.transport =
        new Transport(server, builder.connectTimeout, builder.requestTimeout, builder.listener);
    this.sessions =
        new SessionKeeper(
            builder.credentials,
            server,
            role,
            builder.clock,
            refreshToken -> Accounts.refresh(transport, refreshToken));
    transport.useTokens(sessions);
    Identity identity = () -> sessions.require().userId();
    this.accounts = new Accounts(transport, sessions, role, builder.clock);
    this.catalog = new Catalog(transport);
    this.sellerProducts = new SellerProducts(transport, identity);
    this.images = new Images(transport);
    this.buyerOrders = new BuyerOrders(transport, identity);
    this.sellerOrders = new SellerOrders(transport, identity);
    this.sellerAnalytics = new SellerAnalytics(transport, identity);
    this.payments = new Payments(transport);
  }

  /** A client of the server at {@code server} (see {@link ServerUrl} to pick and normalize it). */
  public static Builder builder(URI server) {
    return new Builder(server);
  }

  public URI server() {
    return server;
  }

  public Role role() {
    return role;
  }

  public Accounts accounts() {
    return accounts;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The signed-in seller's products. */
  public SellerProducts sellerProducts() {
    return sellerProducts;
  }

  public Images images() {
    return images;
  }

  /** The signed-in buyer's orders. */
  public BuyerOrders buyerOrders() {
    return buyerOrders;
  }

  /** Orders of the signed-in seller's products. */
  public SellerOrders sellerOrders() {
    return sellerOrders;
  }

  /** The signed-in seller's analytics. */
  public SellerAnalytics sellerAnalytics() {
    return sellerAnalytics;
  }

  /** Paying the signed-in buyer's orders. */
  public Payments payments() {
    return payments;
  }

  /**
   * Whether something answers at the server's address: nothing if so, else {@link
   * ServerUnreachableException}. Asks the liveness check, which needs no session, so that a client
   * without a session can tell "sign in" from "nothing answers there".
   */
  public void checkReachable() {
    transport.send(Call.get("/health/live"));
  }

  /**
   * Stops the client's HTTP connections and threads; calls and live streams still running fail. The
   * client cannot be used afterwards.
   */
  @Override
  public void close() {
    transport.close();
  }

  /**
   * Follows the signed-in account's live order stream (a buyer's orders, or a seller's products'
   * orders) on a thread of its own until closed.
   *
   * @param lastEventId the last event already seen, to receive the ones after it first; null for
   *     new events only
   */
  public OrderEventStream followOrders(Long lastEventId, OrderEventListener listener) {
    Session session = sessions.require();
    String path = "/api/" + role.pathSegment() + "/" + session.userId() + "/orders/events";
    return OrderEventStream.start(transport, path, lastEventId, listener, streamIdleTimeout);
  }

  /** How a {@link MarketplaceClient} is made. */
  public static final class Builder {

    private final URI server;
    private Role role = Role.BUYER;
    private CredentialStore credentials;
    private ExchangeListener listener = ExchangeListener.NONE;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private Duration streamIdleTimeout = Duration.ofSeconds(45);
    private Clock clock = Clock.systemUTC();

    private Builder(URI server) {
      this.server = Objects.requireNonNull(server, "server");
    }

    /** Whom the client acts as; {@link Role#BUYER} unless said. */
    public Builder role(Role value) {
      this.role = Objects.requireNonNull(value);
      return this;
    }

    /** Where sessions are kept; the default location unless said. */
    public Builder credentials(CredentialStore value) {
      this.credentials = Objects.requireNonNull(value);
      return this;
    }

    /** Told about every HTTP exchange (e.g. for {@code --verbose}). */
    public Builder exchangeListener(ExchangeListener value) {
      this.listener = Objects.requireNonNull(value);
      return this;
    }

    /** How long to wait for a connection; 5 s unless said. */
    public Builder connectTimeout(Duration value) {
      this.connectTimeout = Objects.requireNonNull(value);
      return this;
    }

    /** How long to wait for an answer; 30 s unless said. */
    public Builder requestTimeout(Duration value) {
      this.requestTimeout = Objects.requireNonNull(value);
      return this;
    }

    /**
     * How long a live stream may stay silent before it is taken for dead and reconnected; 45 s
     * (three of the server's heartbeats) unless said.
     */
    public Builder streamIdleTimeout(Duration value) {
      this.streamIdleTimeout = Objects.requireNonNull(value);
      return this;
    }

    /** The clock token expiry is judged by. */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    public MarketplaceClient build() {
      if (credentials == null) {
        credentials = CredentialStore.defaultLocation(System.getenv());
      }
      return new MarketplaceClient(this);
    }
  }
}
