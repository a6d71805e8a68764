package dev.marketplace.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

  @Test
  void aPortTakenBeforeTheServerBindsItIsChosenAgain() throws Exception {
    // In the temporary folder itself, which any user can reach (as root, the server's own user).
    Path folder = Files.createTempDirectory("marketplace-embedded-test");
    try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int taken = squatter.getLocalPort();
      int free = probe.getLocalPort();
      probe.close();
      Deque<Integer> ports = new ArrayDeque<>(List.of(taken, free));

      try (EmbeddedDatabase database =
          EmbeddedDatabase.start(folder, List.of("fsync=off"), ports::pop)) {
        DatabaseSettings settings = database.database("postgres");

        assertThat(settings.hosts()).containsExactly(new DatabaseHost("127.0.0.1", free));
        try (Connection connection =
                DriverManager.getConnection(settings.jdbcUrl(), settings.user(), null);
            ResultSet answer = connection.createStatement().executeQuery("SELECT 42")) {
          assertThat(answer.next()).isTrue();
          assertThat(answer.getInt(1)).isEqualTo(42);
        }
      } finally {
        delete(folder);
      }
    }
  }

  private static void delete(Path folder) throws Exception {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
    Files.deleteIfExists(folder.resolveSibling(folder.getFileName() + ".lock"));
  }
}
