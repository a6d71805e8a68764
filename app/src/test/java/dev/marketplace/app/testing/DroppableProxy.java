package dev.marketplace.app.testing;

import dev.marketplace.common.testing.LoopbackPorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of the server that a test can break: drop every open connection (as a flaky
 * network does), or stop listening altogether and start again on the same port (as a server that
 * goes away and comes back). Clients pointed at {@link #url()} see exactly that.
 */
public final class DroppableProxy implements AutoCloseable {

  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  private DroppableProxy(int targetPort, int port) {
    this.targetPort = targetPort;
    this.port = port;
  }

  /** A proxy on a free local port that forwards to {@code targetPort} on 127.0.0.1. */
  public static DroppableProxy to(int targetPort) throws IOException {
    DroppableProxy proxy = new DroppableProxy(targetPort, LoopbackPorts.take());
    proxy.start();
    return proxy;
  }

  public int port() {
    return port;
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** Listens again after {@link #stop()}, on the same port. */
  public synchronized void start() throws IOException {
    if (listener != null) {
      return;
    }
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = socket;
    daemon("proxy-accept", () -> accept(socket));
  }

  /** Closes every connection open through the proxy; new ones are still accepted. */
  public void dropConnections() {
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
    sockets.clear();
  }

  /** Stops listening and drops every connection: the server seems gone. */
  public synchronized void stop() {
    if (listener != null) {
      closeQuietly(listener);
      listener = null;
    }
    dropConnections();
  }

  @Override
  public void close() {
    stop();
  }

  private void accept(ServerSocket server) {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(upstream);
        daemon("proxy-up", () -> pump(client, upstream));
        daemon("proxy-down", () -> pump(upstream, client));
      } catch (IOException closed) {
        // The listener was closed by stop(), or the target refused: either way, go on or end.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int read;
      while ((read = in.read(buffer)) >= 0) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException dropped) {
      // One side went away; closing both below ends the other pump too.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // Already closed.
    }
  }
}
