package dev.marketplace.seller.account;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.seller.command.SellerContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code logout}: end the session at the server and forget it here. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = "End your session on this server (at the server too) and forget it here.")
public final class LogoutCommand implements Callable<Integer> {

  @ParentCommand SellerContext cli;

  @Override
  public Integer call() {
    MarketplaceClient client = cli.client();
    boolean was = client.accounts().logout().isPresent();
    cli.environment()
        .out()
        .println((was ? "Signed out of " : "Not signed in to ") + client.server() + ".");
    return 0;
  }
}
