package dev.marketplace.common.db;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operating-system user that the embedded PostgreSQL's processes run as.
 *
 * <p>PostgreSQL refuses to run as root. Started by root, its programs run as the unprivileged
 * system user {@value #SYSTEM_USER} (created when missing), through {@code setpriv}, the way the
 * official PostgreSQL image's entrypoint steps down with {@code gosu}; its data directory is owned
 * by that user and private to it (mode 0700). Started by anyone else, they run as that user.
 */
final class PostgresProcessUser {

  static final String SYSTEM_USER = "marketplace-db";

  /** Where data goes when root asks for a folder the system user cannot reach (say, in /root). */
  static final Path SYSTEM_HOME = Path.of("/var/lib/marketplace-db");

  private static final Logger LOG = LoggerFactory.getLogger(PostgresProcessUser.class);

  private final List<String> prefix;
  private final Integer uid;
  private final Integer gid;

  private PostgresProcessUser(List<String> prefix, Integer uid, Integer gid) {
    this.prefix = prefix;
    this.uid = uid;
    this.gid = gid;
  }

  /** Who runs PostgreSQL for this process: its own user, or the system user when it is root. */
  static PostgresProcessUser forThisProcess() throws IOException {
    if (!isRoot()) {
      return new PostgresProcessUser(List.of(), null, null);
    }
    if (run(List.of("id", "-u", SYSTEM_USER)).exitCode() != 0) {
      Result created =
          run(
              List.of(
                  "useradd",
                  "--system",
                  "--user-group",
                  "--no-create-home",
                  "--home-dir",
                  SYSTEM_HOME.toString(),
                  "--shell",
                  "/usr/sbin/nologin",
                  SYSTEM_USER));
      if (created.exitCode() != 0 && run(List.of("id", "-u", SYSTEM_USER)).exitCode() != 0) {
        throw new IOException(
            "PostgreSQL refuses to run as root, and the system user "
                + SYSTEM_USER
                + " to run it as could not be created: "
                + created.output());
      }
      LOG.info("Created the system user {} to run the embedded PostgreSQL", SYSTEM_USER);
    }
    int uid = Integer.parseInt(run(List.of("id", "-u", SYSTEM_USER)).output().strip());
    int gid = Integer.parseInt(run(List.of("id", "-g", SYSTEM_USER)).output().strip());
    return new PostgresProcessUser(
        List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"), uid, gid);
  }

  /** The process runs as root, whom PostgreSQL refuses. */
  static boolean isRoot() {
    try {
      // /proc/self belongs to the process's effective user.
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException noProc) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  boolean stepsDown() {
    return uid != null;
  }

  /** {@code command}, run as this user. */
  List<String> command(List<String> command) {
    List<String> full = new ArrayList<>(prefix);
    full.addAll(command);
    return full;
  }

  /**
   * The data directory to use for {@code requested}, created and private to this user: {@code
   * requested} itself, or, when the system user cannot reach it, a folder of its own under {@code
   * /var/lib/marketplace-db} named after it.
   */
  Path dataDirectory(Path requested) throws IOException {
    Path wanted = requested.toAbsolutePath().normalize();
    if (!stepsDown()) {
      Files.createDirectories(wanted);
      Files.setPosixFilePermissions(wanted, PosixFilePermissions.fromString("rwx------"));
      return wanted;
    }
    Files.createDirectories(wanted.getParent());
    Path chosen = wanted;
    if (run(command(List.of("test", "-x", wanted.getParent().toString()))).exitCode() != 0) {
      chosen = SYSTEM_HOME.resolve("data-" + shortHash(wanted.toString()));
      Files.createDirectories(SYSTEM_HOME);
      own(SYSTEM_HOME, false);
      LOG.info(
          "{} cannot reach {}, so the embedded PostgreSQL keeps its data in {}",
          SYSTEM_USER,
          wanted,
          chosen);
    }
    Files.createDirectories(chosen);
    own(chosen, true);
    return chosen;
  }

  /** Gives {@code directory} (and, if asked, everything in it) to this user, mode 0700. */
  void own(Path directory, boolean withContents) throws IOException {
    List<Path> paths;
    if (withContents) {
      try (Stream<Path> walk = Files.walk(directory)) {
        paths = walk.toList();
      }
    } else {
      paths = List.of(directory);
    }
    for (Path path : paths) {
      Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    }
    Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
  }

  private static String shortHash(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What a program printed (standard output and error together) and how it exited. */
  record Result(int exitCode, String output) {}

  /** Runs a short program to completion; a missing program exits 127 as in a shell. */
  static Result run(List<String> command) throws IOException {
    Process process;
    try {
      // From /, which every user may enter, whatever the current folder is.
      process =
          new ProcessBuilder(command).directory(new File("/")).redirectErrorStream(true).start();
    } catch (IOException notFound) {
      return new Result(127, notFound.getMessage());
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " did not finish in 120 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while running " + command.get(0), e);
    }
    return new Result(process.exitValue(), output);
  }
}
