package dev.marketplace.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

  @Test
  void portsAreDistinctFreeAndOutsideTheKernelsEphemeralRange() throws Exception {
    String[] range;
    try (BufferedReader reader =
        Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
      range = reader.readLine().trim().split("\\s+");
    }
    int low = Integer.parseInt(range[0]);
    int high = Integer.parseInt(range[1]);
    Set<Integer> ports = new HashSet<>();

    for (int i = 0; i < 200; i++) {
      int port = LoopbackPorts.take();
      assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
      assertThat(port)
          .as("outside %d-%d", low, high)
          .satisfiesAnyOf(
              p -> assertThat(p).isLessThan(low), p -> assertThat(p).isGreaterThan(high));
      try (ServerSocket server = new ServerSocket()) {
        server.bind(new InetSocketAddress("127.0.0.1", port));
      }
    }
  }

  @Test
  void aPortHandedOutHereIsNeverHandedToAnotherTestJvm() throws Exception {
    List<Integer> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mine.add(LoopbackPorts.take());
    }

    List<String> answers = askAnotherJvm(mine);

    assertThat(answers.subList(0, mine.size())).containsOnly("taken");
    int theirs = Integer.parseInt(answers.get(mine.size()).substring("fresh ".length()));
    assertThat(mine).doesNotContain(theirs);
  }

  /**
   * Another JVM's answer, port by port, to whether it could reserve {@code ports}, then the port it
   * is handed itself.
   */
  private static List<String> askAnotherJvm(List<Integer> ports)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OtherJvm.class.getName());
    ports.forEach(port -> command.add(Integer.toString(port)));
    Process other = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(other.exitValue()).as(output).isZero();
    return output.lines().toList();
  }

  /** Run in a second JVM: tries to reserve each port it is given, then takes one of its own. */
  static final class OtherJvm {
    public static void main(String[] ports) throws IOException {
      for (String port : ports) {
        System.out.println(LoopbackPorts.reserve(Integer.parseInt(port)) ? "reserved" : "taken");
      }
      System.out.println("fresh " + LoopbackPorts.take());
    }
  }
}
