package dev.marketplace.seller;

import dev.marketplace.seller.command.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The root's help and version, answered without picocli: its classes are Java 5 bytecode, which the
 * launcher's ahead-of-time cache cannot hold, so that loading and verifying them was most of {@code
 * --help}'s start-up. The help is picocli's own, rendered at build time ({@link RenderRootHelp}),
 * with colour and without; UsageTest checks it against picocli's rendering.
 */
final class RootHelp {

  /** Where the build writes the help, beside this class: with colour and without. */
  static final String PLAIN = "root-help.txt";

  static final String COLOUR = "root-help-colour.txt";

  private static final Set<String> HELP = Set.of("-h", "--help");
  private static final Set<String> VERSION = Set.of("-V", "--version");

  private RootHelp() {}

  /**
   * Prints the answer when the command line is the root's help or version alone, as picocli would;
   * false for any other line, which picocli parses.
   */
  static boolean answer(Environment environment, String[] args) {
    if (args.length != 1) {
      return false;
    }
    if (HELP.contains(args[0])) {
      String text = read(environment.colour() ? COLOUR : PLAIN);
      environment.out().print(text.replace("\n", System.lineSeparator()));
      return true;
    }
    if (VERSION.contains(args[0])) {
      for (String line : Version.lines()) {
        environment.out().println(line);
      }
      return true;
    }
    return false;
  }

  private static String read(String name) {
    try (InputStream in = RootHelp.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the jar: build it with Maven");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
