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

/** {@code login}: sign in and keep the session for this server. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Sign in as a seller; the session is kept for this server until logout.",
      "The password is asked for without echo, or read from --password-stdin."
    })
public final class LoginCommand implements Callable<Integer> {

  @ParentCommand SellerContext cli;

  @Spec CommandSpec spec;

  @Option(names = "--email", required = true)
  String email;

  @Mixin PasswordInput passwordInput;

  @Override
  public Integer call() {
    String email = EmailSyntax.check(spec, this.email);
    String password = passwordInput.read(cli.environment(), false);
    MarketplaceClient client = cli.client();
    Session session = client.accounts().login(email, password);
    cli.environment().out().println("Signed in " + SignedIn.to(client.server(), session));
    return 0;
  }
}
