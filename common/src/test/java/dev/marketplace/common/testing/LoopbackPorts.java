package dev.marketplace.common.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for servers that a test starts later, often in another process. A port found free with
 * {@code new ServerSocket(0)} comes from the kernel's ephemeral range, and until the server binds
 * it the kernel may give it to any outgoing connection (to PostgreSQL, between Hazelcast members,
 * on the event bus): CI saw nodes fail to start with "Address already in use" so. These ports come
 * from outside that range, where the kernel hands out nothing on its own; each goes to one test JVM
 * only (a lock on its byte of a shared file, held until the JVM exits, since surefire runs forks
 * side by side) and is free to bind when handed out.
 */
public final class LoopbackPorts {

  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  // Below this sit well-known and registered ports of services a machine may run.
  private static final int LOWEST = 10_000;
  private static final int HIGHEST = 65_535;
  // A smaller gap is not worth using: take from the kernel, and rely on the callers' retries.
  private static final int SMALLEST_GAP = 2_000;

  private static final int[] GAP = largestGapOutsideEphemeralRange();
  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(Math.max(1, gapSize())));
  // Open for the JVM's life: its locks go when the JVM exits, however it ends.
  private static FileChannel locks;

  private LoopbackPorts() {}

  /** A port that nothing listens on, that no other test JVM is given, and that stays free. */
  public static int take() throws IOException {
    if (gapSize() < SMALLEST_GAP) {
      return fromKernel();
    }
    for (int tried = 0; tried < gapSize(); tried++) {
      int port = GAP[0] + Math.floorMod(NEXT.getAndIncrement(), gapSize());
      if (reserve(port) && bindable(port)) {
        return port;
      }
    }
    throw new IOException("no free port left between " + GAP[0] + " and " + GAP[1]);
  }

  private static int gapSize() {
    return GAP[1] - GAP[0] + 1;
  }

  /** Whether this JVM now holds {@code port}; false if it or another test JVM held it before. */
  static synchronized boolean reserve(int port) throws IOException {
    if (locks == null) {
      Path file = Path.of(System.getProperty("java.io.tmpdir"), "marketplace-test-ports.lock");
      locks =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
    }
    try {
      return locks.tryLock(port, 1, false) != null;
    } catch (OverlappingFileLockException handedOutHereBefore) {
      return false;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      // Strict: the wildcard address, and no reuse of a port a closing connection still holds.
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException taken) {
      return false;
    }
  }

  private static int fromKernel() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** The longer stretch of [LOWEST, HIGHEST] below or above the kernel's ephemeral range. */
  private static int[] largestGapOutsideEphemeralRange() {
    int low;
    int high;
    try {
      String[] range;
      // One line, read as a line: Files.readString gave only its first byte (this file's size is
      // 0).
      try (BufferedReader reader = Files.newBufferedReader(EPHEMERAL_RANGE)) {
        range = reader.readLine().trim().split("\\s+");
      }
      low = Integer.parseInt(range[0]);
      high = Integer.parseInt(range[1]);
    } catch (IOException | RuntimeException unknown) {
      // Not Linux, or no /proc: the range is unknown, so no stretch is known to be safe.
      return new int[] {LOWEST, LOWEST - 1};
    }
    int[] below = {LOWEST, Math.min(HIGHEST, low - 1)};
    int[] above = {Math.max(LOWEST, high + 1), HIGHEST};
    return below[1] - below[0] >= above[1] - above[0] ? below : above;
  }
}
