package dev.marketplace.app;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The jar's entry point: on Java 21 or newer it starts {@link MarketplaceApplication}; on an older
 * Java, which could not even load the application's classes, it says so plainly and names the
 * newer JDKs it finds on the machine, instead of failing with a class-version error.
 *
 * <p>Compiled for Java 8 (its own source folder and compiler run, see app/pom.xml), so that any
 * Java can run this much.
 */
public final class JavaVersionCheck {

  private static final int REQUIRED = 21;

  private JavaVersionCheck() {}

  public static void main(String[] args) {
    int running = major(System.getProperty("java.specification.version"));
    if (running >= REQUIRED) {
      MarketplaceApplication.main(args);
      return;
    }
    StringBuilder message = new StringBuilder();
    message
        .append("marketplace: needs Java ")
        .append(REQUIRED)
        .append(" or newer, but runs on Java ")
        .append(running)
        .append(" (")
        .append(System.getProperty("java.home"))
        .append(").\n");
    List<String> newer = newerJdks();
    if (newer.isEmpty()) {
      message.append("Install a JDK ").append(REQUIRED).append("+ and run the jar with its java.\n");
    } else {
      String jdk = newer.get(0);
      message
          .append("A newer JDK is installed here: ")
          .append(String.join(", ", newer))
          .append(".\nRun the jar with it, for example:\n  export JAVA_HOME=")
          .append(jdk)
          .append(" PATH=")
          .append(jdk)
          .append("/bin:$PATH\n  java -jar app/target/marketplace.jar\n");
    }
    System.err.print(message);
    System.exit(1);
  }

  /** JDKs of a version we can run on, in the usual places and in JAVA_HOME. */
  private static List<String> newerJdks() {
    List<File> candidates = new ArrayList<File>();
    String javaHome = System.getenv("JAVA_HOME");
    if (javaHome != null) {
      candidates.add(new File(javaHome));
    }
    for (String folder : new String[] {"/usr/lib/jvm", "/usr/java", "/opt/java", "/opt"}) {
      File[] children = new File(folder).listFiles();
      if (children != null) {
        for (File child : children) {
          candidates.add(child);
        }
      }
    }
    List<String> found = new ArrayList<String>();
    for (File candidate : candidates) {
      String path = candidate.getAbsolutePath();
      if (!found.contains(path)
          && new File(candidate, "bin/java").canExecute()
          && releaseVersion(candidate) >= REQUIRED) {
        found.add(path);
      }
    }
    return found;
  }

  /** The major version in a JDK's {@code release} file, or 0. */
  private static int releaseVersion(File jdk) {
    try {
      for (String line :
          Files.readAllLines(new File(jdk, "release").toPath(), StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return major(line.substring("JAVA_VERSION=".length()).replace("\"", ""));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return 0;
    }
    return 0;
  }

  /** 17 for "17", "17.0.15"; 8 for "1.8". */
  private static int major(String version) {
    try {
      String[] parts = version.split("[.+-]");
      int first = Integer.parseInt(parts[0]);
      return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    } catch (RuntimeException unreadable) {
      return 0;
    }
  }
}
