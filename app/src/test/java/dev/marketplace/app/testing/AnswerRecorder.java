package dev.marketplace.app.testing;

import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.metrics.MetricsOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.core.spi.metrics.ClientMetrics;
import io.vertx.core.spi.metrics.DatagramSocketMetrics;
import io.vertx.core.spi.metrics.EventBusMetrics;
import io.vertx.core.spi.metrics.HttpClientMetrics;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.PoolMetrics;
import io.vertx.core.spi.metrics.TCPMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hears every answer the HTTP servers of a Vert.x instance send, through Vert.x's metrics SPI, in
 * front of the metrics the server really runs with: whatever a test sends, by whatever client, raw
 * sockets included, is recorded as method, request target, status and the port that answered. The
 * test harness checks them against the contract when it stops ({@link ContractStatuses}).
 */
public final class AnswerRecorder {

  /** One answer the server sent. */
  public record Answer(int port, HttpMethod method, String target, int status) {}

  private final List<Answer> answers = new CopyOnWriteArrayList<>();

  public List<Answer> answers() {
    return List.copyOf(answers);
  }

  /** {@code metrics}, with every HTTP server answer recorded here too. */
  public VertxMetricsFactory around(VertxMetricsFactory metrics) {
    return new VertxMetricsFactory() {
      @Override
      public VertxMetrics metrics(VertxOptions options) {
        return new Recording(metrics.metrics(options));
      }

      @Override
      public MetricsOptions newOptions() {
        return metrics.newOptions();
      }

      @Override
      public MetricsOptions newOptions(MetricsOptions options) {
        return metrics.newOptions(options);
      }
    };
  }

  /** The request a delegate's request metric belongs to. */
  private record Request(Object metric, HttpMethod method, String target) {}

  /** The metrics of the server, passed through, with every answer of HTTP servers noted. */
  private final class Recording implements VertxMetrics {

    private final VertxMetrics delegate;

    Recording(VertxMetrics delegate) {
      this.delegate = delegate;
    }

    @Override
    public HttpServerMetrics<?, ?, ?> createHttpServerMetrics(
        HttpServerOptions options, SocketAddress localAddress) {
      @SuppressWarnings("unchecked")
      HttpServerMetrics<Object, Object, Object> server =
          (HttpServerMetrics<Object, Object, Object>)
              delegate.createHttpServerMetrics(options, localAddress);
      return new ServerAnswers(server, localAddress.port());
    }

    @Override
    public EventBusMetrics<?> createEventBusMetrics() {
      return delegate.createEventBusMetrics();
    }

    @Override
    public ClientMetrics<?, ?, ?> createClientMetrics(
        SocketAddress remoteAddress, String type, String namespace) {
      return delegate.createClientMetrics(remoteAddress, type, namespace);
    }

    @Override
    public HttpClientMetrics<?, ?, ?> createHttpClientMetrics(
        io.vertx.core.http.HttpClientOptions options) {
      return delegate.createHttpClientMetrics(options);
    }

    @Override
    public TCPMetrics<?> createNetServerMetrics(
        io.vertx.core.net.NetServerOptions options, SocketAddress localAddress) {
      return delegate.createNetServerMetrics(options, localAddress);
    }

    @Override
    public TCPMetrics<?> createNetClientMetrics(io.vertx.core.net.NetClientOptions options) {
      return delegate.createNetClientMetrics(options);
    }

    @Override
    public DatagramSocketMetrics createDatagramSocketMetrics(
        io.vertx.core.datagram.DatagramSocketOptions options) {
      return delegate.createDatagramSocketMetrics(options);
    }

    @Override
    public PoolMetrics<?, ?> createPoolMetrics(String poolType, String poolName, int maxPoolSize) {
      return delegate.createPoolMetrics(poolType, poolName, maxPoolSize);
    }

    @Override
    public void vertxCreated(io.vertx.core.Vertx vertx) {
      delegate.vertxCreated(vertx);
    }

    @Override
    public boolean isMetricsEnabled() {
      return delegate.isMetricsEnabled();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** One server's metrics, passed through, its answers noted. */
  private final class ServerAnswers implements HttpServerMetrics<Object, Object, Object> {

    private final HttpServerMetrics<Object, Object, Object> delegate;
    private final int port;

    ServerAnswers(HttpServerMetrics<Object, Object, Object> delegate, int port) {
      this.delegate = delegate;
      this.port = port;
    }

    private Object unwrap(Object request) {
      return request instanceof Request known ? known.metric() : request;
    }

    @Override
    public Object requestBegin(Object socket, HttpRequest request) {
      return new Request(
          delegate == null ? null : delegate.requestBegin(socket, request),
          request.method(),
          request.uri());
    }

    @Override
    public void requestEnd(Object request, HttpRequest http, long bytesRead) {
      if (delegate != null) {
        delegate.requestEnd(unwrap(request), http, bytesRead);
      }
    }

    @Override
    public void requestReset(Object request) {
      if (delegate != null) {
        delegate.requestReset(unwrap(request));
      }
    }

    @Override
    public void responseBegin(Object request, HttpResponse response) {
      if (delegate != null) {
        delegate.responseBegin(unwrap(request), response);
      }
    }

    @Override
    public Object responsePushed(
        Object socket, HttpMethod method, String uri, HttpResponse response) {
      return delegate == null ? null : delegate.responsePushed(socket, method, uri, response);
    }

    @Override
    public void responseEnd(Object request, HttpResponse response, long bytesWritten) {
      if (request instanceof Request known) {
        answers.add(new Answer(port, known.method(), known.target(), response.statusCode()));
      }
      if (delegate != null) {
        delegate.responseEnd(unwrap(request), response, bytesWritten);
      }
    }

    @Override
    public Object connected(Object socket, Object request, io.vertx.core.http.ServerWebSocket ws) {
      return delegate == null ? null : delegate.connected(socket, unwrap(request), ws);
    }

    @Override
    public void disconnected(Object webSocket) {
      if (delegate != null) {
        delegate.disconnected(webSocket);
      }
    }

    @Override
    public void requestRouted(Object request, String route) {
      if (delegate != null) {
        delegate.requestRouted(unwrap(request), route);
      }
    }

    @Override
    public Object connected(SocketAddress remoteAddress, String remoteName) {
      return delegate == null ? null : delegate.connected(remoteAddress, remoteName);
    }

    @Override
    public void disconnected(Object socket, SocketAddress remoteAddress) {
      if (delegate != null) {
        delegate.disconnected(socket, remoteAddress);
      }
    }

    @Override
    public void bytesRead(Object socket, SocketAddress remoteAddress, long numberOfBytes) {
      if (delegate != null) {
        delegate.bytesRead(socket, remoteAddress, numberOfBytes);
      }
    }

    @Override
    public void bytesWritten(Object socket, SocketAddress remoteAddress, long numberOfBytes) {
      if (delegate != null) {
        delegate.bytesWritten(socket, remoteAddress, numberOfBytes);
      }
    }

    @Override
    public void exceptionOccurred(Object socket, SocketAddress remoteAddress, Throwable t) {
      if (delegate != null) {
        delegate.exceptionOccurred(socket, remoteAddress, t);
      }
    }

    @Override
    public void close() {
      if (delegate != null) {
        delegate.close();
      }
    }
  }
}
