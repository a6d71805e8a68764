package dev.marketplace.buyer;

import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.marketplace.buyer.ui.Theme;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** {@code marketplace-buyer}: the buyer's terminal app. */
@Command(
    name = "marketplace-buyer",
    mixinStandardHelpOptions = true,
    version = "marketplace-buyer 0.1.0",
    description = {
      "Browse the marketplace, buy, pay and follow your orders live, in the terminal.",
      "Keys are shown at the bottom of every screen; ? shows them all, q goes back,"
          + " Ctrl-C quits."
    })
public final class BuyerTuiCommand implements Callable<Integer> {

  /** The exit code of wrong usage, as the seller's tool has it. */
  static final int USAGE = 2;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "The marketplace (default: $MARKETPLACE_URL, else http://localhost:8080).")
  String server;

  @Option(
      names = "--no-color",
      description = "No colours (also when NO_COLOR is set or the terminal has none).")
  boolean noColour;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new BuyerTuiCommand())
        .setParameterExceptionHandler(BuyerTuiCommand::usage);
  }

  /**
   * A usage error on one line, then where the help is (exit 2): not picocli's "Unmatched argument
   * at index 0" followed by the whole help.
   */
  private static int usage(ParameterException problem, String[] args) {
    PrintWriter err = problem.getCommandLine().getErr();
    String what = problem.getMessage();
    if (problem instanceof UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().getFirst();
      what =
          first.startsWith("-") ? "unknown option " + first : "unexpected argument '" + first + "'";
    }
    err.println("marketplace-buyer: " + what);
    UnmatchedArgumentException.printSuggestions(problem, err);
    err.println("See 'marketplace-buyer --help'.");
    err.flush();
    return USAGE;
  }

  @Override
  public Integer call() throws IOException {
    URI url;
    try {
      url = ServerUrl.resolve(server, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("marketplace-buyer: " + e.getMessage());
      return USAGE;
    }
    MarketplaceClient client =
        MarketplaceClient.builder(url)
            .role(Role.BUYER)
            .credentials(CredentialStore.defaultLocation(System.getenv()))
            .build();
    Screen screen;
    try {
      screen =
          new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
              .setForceTextTerminal(true)
              .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
              .createScreen();
    } catch (IOException noTerminal) {
      // Lanterna sets the terminal up with stty on /dev/tty, which a process without a
      // controlling terminal (a pipe, a cron job, ssh without -t) cannot open.
      System.err.println(
          "marketplace-buyer: there is no terminal to draw on here; run it in one (over ssh, with"
              + " ssh -t).");
      return USAGE;
    }
    Thread restore = new Thread(() -> stop(screen), "restore-terminal");
    Runtime.getRuntime().addShutdownHook(restore);
    screen.startScreen();
    try {
      new BuyerApp(screen, Theme.forEnvironment(System.getenv(), noColour), client).run();
    } finally {
      stop(screen);
      Runtime.getRuntime().removeShutdownHook(restore);
    }
    return 0;
  }

  /** Gives the terminal back as it was (main screen, cursor, echo), once. */
  private static synchronized void stop(Screen screen) {
    try {
      screen.stopScreen();
    } catch (IOException | RuntimeException e) {
      // The terminal is going away already.
    }
  }
}
