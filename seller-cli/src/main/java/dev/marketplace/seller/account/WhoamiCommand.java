package dev.marketplace.seller.account;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.auth.Session;
import dev.marketplace.seller.command.SellerContext;
import dev.marketplace.seller.output.JsonOutput;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code whoami}: who is signed in to this server, checked with the server. */
@Command(
    name = "whoami",
    mixinStandardHelpOptions = true,
    description = "Who you are signed in as on this server (checked with the server).")
public final class WhoamiCommand implements Callable<Integer> {

  @ParentCommand SellerContext cli;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    OutputFormat format = output.single();
    MarketplaceClient client = cli.client();
    Session session = client.accounts().verify();
    if (format == OutputFormat.JSON) {
      Map<String, Object> who = new LinkedHashMap<>();
      who.put("server", client.server().toString());
      who.put("id", session.userId());
      who.put("name", session.name());
      who.put("email", session.email());
      who.put("role", session.role());
      JsonOutput.print(cli.environment().out(), who);
    } else {
      cli.environment().out().println(SignedIn.who(session) + " on " + client.server());
    }
    return 0;
  }
}
