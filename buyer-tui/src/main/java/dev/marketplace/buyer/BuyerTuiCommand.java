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
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
    System.exit(new CommandLine(new BuyerTuiCommand()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    URI url;
    try {
      url = ServerUrl.resolve(server, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("marketplace-buyer: " + e.getMessage());
      return 2;
    }
    MarketplaceClient client =
        MarketplaceClient.builder(url)
            .role(Role.BUYER)
            .credentials(CredentialStore.defaultLocation(System.getenv()))
            .build();
    Screen screen =
        new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
            .setForceTextTerminal(true)
            .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP)
            .createScreen();
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
