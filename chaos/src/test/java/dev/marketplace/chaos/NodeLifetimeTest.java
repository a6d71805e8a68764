package dev.marketplace.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A node's process ends with the JVM that started it, even one killed with -9. */
class NodeLifetimeTest {

  /**
   * The test JVM's stand-in: starts a long sleep as the suite starts a node, says its pid, waits.
   */
  public static void main(String[] args) throws Exception {
    Process child = Node.spawn(new ProcessBuilder("sleep", "300"));
    System.out.println(child.pid());
    System.out.flush();
    Thread.sleep(Duration.ofMinutes(5));
  }

  @Test
  void aNodeDiesWithTheJvmThatStartedItEvenWhenThatJvmIsKilled() throws Exception {
    Process parent =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                NodeLifetimeTest.class.getName())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    long childPid;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
      childPid = Long.parseLong(out.readLine().strip());
    }
    Optional<ProcessHandle> child = ProcessHandle.of(childPid);
    assertThat(child).as("the child runs").isPresent();
    // setpriv replaces itself with the command: on a busy machine, a moment after the pid is known.
    long execBy = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!child.get().info().command().orElse("").endsWith("sleep")
        && System.nanoTime() < execBy) {
      Thread.sleep(20);
    }
    assertThat(child.get().info().command().orElse("")).endsWith("sleep");

    new ProcessBuilder("kill", "-KILL", Long.toString(parent.pid())).start().waitFor();
    parent.waitFor();

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (child.get().isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    boolean survived = child.get().isAlive();
    child.get().destroyForcibly();
    assertThat(survived).as("the child outlived the JVM that was killed").isFalse();
  }
}
