package dev.marketplace.seller.command;

import java.io.Console;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the CLI gets from the world it runs in: environment variables, standard streams, a way to
 * ask for a password without echo, the local time zone, and whether standard output is a terminal.
 * Tests make one of their own.
 */
public record Environment(
    Map<String, String> variables,
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    PasswordPrompt passwords,
    ZoneId zone,
    boolean outIsTerminal) {

  /** Set by the launcher from {@code [ -t 1 ]}, which knows best whether stdout is a terminal. */
  static final String TERMINAL_PROPERTY = "marketplace.stdout.tty";

  /** Asks for a password; null when there is no terminal to ask on. */
  @FunctionalInterface
  public interface PasswordPrompt {
    char[] read(String prompt);
  }

  /** The process's own environment. */
  public static Environment system() {
    return new Environment(
        System.getenv(),
        System.in,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        Environment::readPassword,
        ZoneId.systemDefault(),
        stdoutIsTerminal());
  }

  // The console is looked up only when needed: finding it loads the JDK's console providers.
  private static char[] readPassword(String prompt) {
    Console console = System.console();
    return console == null ? null : console.readPassword("%s", prompt);
  }

  /** Colour only on a terminal, and never with {@code NO_COLOR} set (see no-color.org). */
  public boolean colour() {
    String noColor = variables.get("NO_COLOR");
    return outIsTerminal && (noColor == null || noColor.isEmpty());
  }

  private static boolean stdoutIsTerminal() {
    String said = System.getProperty(TERMINAL_PROPERTY);
    if (said != null) {
      return Boolean.parseBoolean(said);
    }
    Console console = System.console();
    if (console == null) {
      return false;
    }
    // Java 22 and later return a console even when redirected; isTerminal() tells them apart.
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(console);
    } catch (ReflectiveOperationException olderJava) {
      return true;
    }
  }
}
