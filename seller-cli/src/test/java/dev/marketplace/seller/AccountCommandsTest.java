package dev.marketplace.seller;

import static dev.marketplace.client.testing.TestAccounts.PASSWORD;
import static dev.marketplace.client.testing.TestAccounts.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.auth.Session;
import dev.marketplace.common.testing.LoopbackPorts;
import dev.marketplace.seller.command.Environment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Registering, signing in and out, sessions, help, versions and the exit codes of failures. */
class AccountCommandsTest extends CliTest {

  @Test
  void registerAsksForThePasswordTwiceWithoutEchoAndSignsIn() throws Exception {
    User user = newUser().typing(PASSWORD, PASSWORD);
    String email = uniqueEmail("Prompt Shop");

    Run registered = user.run("register", "--name", "Prompt Shop", "--email", email);
    Run whoami = user.run("whoami");
    Run json = user.run("whoami", "-o", "json");

    assertThat(registered.exit()).as(registered.toString()).isZero();
    assertThat(registered.out())
        .startsWith("Registered and signed in to " + ServerUrl.normalize(marketplace.baseUrl()));
    assertThat(whoami.out())
        .startsWith("Prompt Shop <" + email + "> (seller ")
        .contains(") on http");
    assertThat(json.out()).contains("\"email\" : \"" + email + "\"").doesNotContain("token");
    assertThat(Files.getPosixFilePermissions(user.store().path()))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(user.store().path())).doesNotContain(PASSWORD);
  }

  @Test
  void passwordsNeverComeFromAnArgument() throws Exception {
    User user = newUser();

    Run noTerminal = user.run("login", "--email", "someone@example.com");
    Run asArgument = user.run("login", "--email", "someone@example.com", "--password", PASSWORD);
    Run differ =
        newUser()
            .typing(PASSWORD, PASSWORD + "!")
            .run("register", "--name", "N", "--email", uniqueEmail("n"));

    assertThat(noTerminal.exit()).isEqualTo(2);
    assertThat(noTerminal.err()).contains("--password-stdin");
    assertThat(asArgument.exit()).isEqualTo(2);
    assertThat(asArgument.err()).contains("unknown option --password");
    assertThat(differ.exit()).isEqualTo(2);
    assertThat(differ.err()).contains("The two passwords differ.");
  }

  @Test
  void loginLogoutAndWhatHappensWithoutASession() throws Exception {
    String email = uniqueEmail("Cycle Shop");
    User user = newUser();
    user.runWithInput(
        PASSWORD + "\n", "register", "--name", "Cycle Shop", "--email", email, "--password-stdin");
    user.run("logout");

    Run signedOut = user.run("whoami");
    Run products = user.run("products", "list");
    Run wrong =
        user.runWithInput("wrong-password\n", "login", "--email", email, "--password-stdin");
    Run login = user.runWithInput(PASSWORD + "\n", "login", "--email", email, "--password-stdin");
    Run logout = user.run("logout");
    Run again = user.run("logout");

    assertThat(signedOut.exit()).isEqualTo(3);
    assertThat(signedOut.err())
        .isEqualTo(
            "marketplace-seller: Not signed in to "
                + ServerUrl.normalize(marketplace.baseUrl())
                + ". Run: marketplace-seller login\n");
    assertThat(products.exit()).isEqualTo(3);
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.err()).isEqualTo("marketplace-seller: Email or password is wrong.\n");
    assertThat(login.exit()).isZero();
    assertThat(login.out()).contains("Signed in to").contains("Cycle Shop");
    assertThat(logout.out()).startsWith("Signed out of ");
    assertThat(again.out()).startsWith("Not signed in to ");
  }

  @Test
  void anExpiredSessionIsRefreshedSilentlyAndADeadOneSaysToSignIn() throws Exception {
    User user = seller("Refresh Shop");
    URI server = ServerUrl.normalize(marketplace.baseUrl());
    Session session = user.store().load(server, Role.SELLER).orElseThrow();
    user.store()
        .save(
            server,
            Role.SELLER,
            session.withTokens(
                session.accessToken(), session.refreshToken(), Instant.now().minusSeconds(5)));

    Run refreshed = user.run("whoami");

    assertThat(refreshed.exit()).as(refreshed.toString()).isZero();
    assertThat(user.store().load(server, Role.SELLER).orElseThrow().refreshToken())
        .isNotEqualTo(session.refreshToken());

    // The refresh token is used up: a copy of the old session cannot come back to life.
    User copy = newUser();
    copy.store()
        .save(
            server,
            Role.SELLER,
            session.withTokens(
                session.accessToken(), session.refreshToken(), Instant.now().minusSeconds(5)));
    Run dead = copy.run("products", "list");
    assertThat(dead.exit()).isEqualTo(3);
    assertThat(dead.err()).contains("has ended").contains("marketplace-seller login");
  }

  @Test
  void anUnreachableServerExitsWithFour() throws Exception {
    User user = seller("Offline Shop");
    String nowhere = "http://127.0.0.1:" + LoopbackPorts.take();

    Run run = user.run("--server", nowhere, "whoami");
    Run list = user.withVariable("MARKETPLACE_URL", nowhere).run("products", "list");
    Run login =
        user.runWithInput(
            PASSWORD + "\n",
            "login",
            "--server",
            nowhere,
            "--email",
            "a@b.example",
            "--password-stdin");

    // Sessions are per server: there is none for this one, but that nothing answers comes first.
    assertThat(run.exit()).isEqualTo(4);
    assertThat(list.exit()).isEqualTo(4);
    assertThat(login.exit()).isEqualTo(4);
    assertThat(login.err())
        .isEqualTo(
            "marketplace-seller: Cannot reach the marketplace at "
                + nowhere
                + ": nothing answers there.\n");
  }

  @Test
  void verboseShowsTheExchangesWithTokensAndPasswordsMasked() throws Exception {
    User user = newUser();
    String email = uniqueEmail("Verbose Shop");
    Run registered =
        user.runWithInput(
            PASSWORD + "\n",
            "--verbose",
            "register",
            "--name",
            "Verbose Shop",
            "--email",
            email,
            "--password-stdin");
    Session session =
        user.store().load(ServerUrl.normalize(marketplace.baseUrl()), Role.SELLER).orElseThrow();
    Run listed = user.run("products", "list", "-v");

    assertThat(registered.err())
        .contains("> POST " + ServerUrl.normalize(marketplace.baseUrl()) + "/api/sellers/login")
        .contains("< 200")
        .contains("\"password\":\"***\"")
        .doesNotContain(PASSWORD)
        .doesNotContain(session.accessToken())
        .doesNotContain(session.refreshToken());
    assertThat(listed.err())
        .contains("> Authorization: Bearer " + session.accessToken().substring(0, 6) + "…")
        .doesNotContain(session.accessToken());
    assertThat(listed.out()).isEqualTo("No products found.\n");
  }

  @Test
  void everyCommandHasHelpWithTheExitCodesAndTheToolHasAVersion() {
    CommandLine root = SellerCli.commandLine(Environment.system());
    List<List<String>> paths = new ArrayList<>();
    collect(root, new ArrayList<>(), paths);

    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      Run help = uncheckedRun(args.toArray(String[]::new));
      assertThat(help.exit()).as("%s", args).isZero();
      assertThat(help.out()).as("%s", args).contains("Usage: marketplace-seller");
      if (!path.contains("generate-completion")) {
        assertThat(help.out()).as("%s", args).contains("Exit codes:").contains("not signed in");
      }
    }
    assertThat(paths).hasSizeGreaterThan(30);
    assertThat(uncheckedRun("--version").out()).startsWith("marketplace-seller ");
    assertThat(uncheckedRun("generate-completion").out()).contains("complete -F");
    assertThat(uncheckedRun("frobnicate").exit()).isEqualTo(2);
  }

  @Test
  void theToolsHelpListsEveryCommandWhateverOptionsComeFirst() {
    for (String[] args :
        List.of(
            new String[] {"--help"},
            new String[] {"-v", "--server", "http://127.0.0.1:1", "--help"},
            new String[] {"--server=http://127.0.0.1:1", "-h"})) {
      Run help = uncheckedRun(args);
      assertThat(help.exit()).as("%s", List.of(args)).isZero();
      for (String command :
          List.of(
              "register",
              "login",
              "logout",
              "whoami",
              "products",
              "stock",
              "images",
              "orders",
              "analytics",
              "generate-completion")) {
        assertThat(help.out())
            .as("%s", List.of(args))
            .containsPattern("(?m)^  " + command + "[ ,]");
      }
    }
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(path);
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandName().equals(name)) {
                List<String> deeper = new ArrayList<>(path);
                deeper.add(name);
                collect(sub, deeper, paths);
              }
            });
  }

  private static Run uncheckedRun(String... args) {
    try {
      return newUser().run(args);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
