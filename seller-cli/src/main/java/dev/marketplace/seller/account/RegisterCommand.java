package dev.marketplace.seller.account;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.auth.Session;
import dev.marketplace.seller.command.SellerContext;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code register}: open a seller account, and sign in to it. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Open a seller account and sign in to it.",
      "The password (8 to 128 characters) is asked for without echo, or read from --password-stdin."
    })
public final class RegisterCommand implements Callable<Integer> {

  @ParentCommand SellerContext cli;

  @Spec CommandSpec spec;

  @Option(names = "--name", required = true, description = "Your shop's name, as buyers see it.")
  String name;

  @Option(names = "--email", required = true)
  String email;

  @Mixin PasswordInput passwordInput;

  @Override
  public Integer call() {
    String email = EmailSyntax.check(spec, this.email);
    String password = passwordInput.read(cli.environment(), true);
    MarketplaceClient client = cli.client();
    client.accounts().register(name, email, password);
    Session session = client.accounts().login(email, password);
    cli.environment()
        .out()
        .println("Registered and signed in " + SignedIn.to(client.server(), session));
    return 0;
  }
}
