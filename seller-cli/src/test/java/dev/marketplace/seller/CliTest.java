package dev.marketplace.seller;

import static dev.marketplace.client.testing.TestAccounts.PASSWORD;
import static dev.marketplace.client.testing.TestAccounts.uniqueEmail;

import dev.marketplace.app.testing.RunningMarketplace;
import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.testing.TestAccounts;
import dev.marketplace.seller.command.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs {@code marketplace-seller} command lines in-process (picocli's {@code execute}) against the
 * whole marketplace, with captured output, each "user" with a config folder of their own.
 */
abstract class CliTest {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  static RunningMarketplace marketplace;
  static Path homes;

  @BeforeAll
  static void startMarketplace() throws Exception {
    marketplace = RunningMarketplace.start();
    homes = Files.createTempDirectory("seller-cli-test");
  }

  @AfterAll
  static void stopMarketplace() throws Exception {
    marketplace.close();
  }

  /** What one command line did. */
  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  /** Someone at a terminal: their config folder, and how they answer a password prompt. */
  record User(
      Path configHome, Map<String, String> variables, List<String> typed, boolean terminal) {

    User withVariable(String name, String value) {
      Map<String, String> more = new HashMap<>(variables);
      more.put(name, value);
      return new User(configHome, more, typed, terminal);
    }

    /** Answers the password prompts of the next runs with these, in order. */
    User typing(String... answers) {
      return new User(configHome, variables, List.of(answers), terminal);
    }

    User atATerminal() {
      return new User(configHome, variables, typed, true);
    }

    Run run(String... args) {
      return runWithInput("", args);
    }

    Run runWithInput(String stdin, String... args) {
      return runObserved(stdin, new StringWriter(), new StringWriter(), args);
    }

    /** Starts a long-running command (a watch) whose output the test can wait on. */
    Running start(String... args) {
      Running running = new Running(new ObservedWriter(), new ObservedWriter());
      running.result =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> runObserved("", running.out, running.err, args));
      return running;
    }

    private Run runObserved(String stdin, StringWriter out, StringWriter err, String... args) {
      Iterator<String> answers = typed.iterator();
      Environment environment =
          new Environment(
              variables,
              new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
              new PrintWriter(out, true),
              new PrintWriter(err, true),
              prompt -> answers.hasNext() ? answers.next().toCharArray() : null,
              ZoneOffset.UTC,
              terminal);
      int exit = SellerCli.run(environment, args);
      return new Run(exit, out.toString(), err.toString());
    }

    /** Puts a product on sale with {@code products add}; returns its id. */
    long addProduct(String name, String category, String price, String stock) {
      Run added =
          run(
              "products",
              "add",
              "--name",
              name,
              "--category",
              category,
              "--price",
              price,
              "--stock",
              stock);
      if (added.exit() != 0) {
        throw new AssertionError(added.toString());
      }
      return idIn(added.out());
    }

    /** The same sessions, as the client module keeps them. */
    CredentialStore store() {
      return CredentialStore.at(configHome.resolve("marketplace/credentials.json"));
    }
  }

  /** A command still running, with its output so far. */
  static final class Running {
    final ObservedWriter out;
    final ObservedWriter err;
    java.util.concurrent.CompletableFuture<Run> result;

    Running(ObservedWriter out, ObservedWriter err) {
      this.out = out;
      this.err = err;
    }

    Run finished() throws Exception {
      return result.get(60, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  /** Output that a test can wait on until some text has been written. */
  static final class ObservedWriter extends StringWriter {

    @Override
    public synchronized void write(String text, int offset, int length) {
      super.write(text, offset, length);
      notifyAll();
    }

    @Override
    public synchronized void write(char[] text, int offset, int length) {
      super.write(text, offset, length);
      notifyAll();
    }

    @Override
    public synchronized void write(int c) {
      super.write(c);
      notifyAll();
    }

    /** Waits (20 s at most) until {@code text} has been written {@code times} times. */
    synchronized void await(String text, int times) throws InterruptedException {
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
      while (occurrences(toString(), text) < times) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("no \"" + text + "\" x" + times + " within 20 s in:\n" + this);
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }

    private static int occurrences(String in, String text) {
      int count = 0;
      for (int at = in.indexOf(text); at >= 0; at = in.indexOf(text, at + 1)) {
        count++;
      }
      return count;
    }
  }

  /** Someone new, pointed at the test server by MARKETPLACE_URL, with no session yet. */
  static User newUser() throws Exception {
    Path home = Files.createDirectory(homes.resolve("user-" + SEQUENCE.incrementAndGet()));
    Map<String, String> variables = new HashMap<>();
    variables.put("MARKETPLACE_URL", marketplace.baseUrl());
    variables.put("XDG_CONFIG_HOME", home.toString());
    return new User(home, variables, List.of(), false);
  }

  /** A new user who has registered as a seller and is signed in. */
  static User seller(String name) throws Exception {
    User user = newUser();
    Run registered =
        user.runWithInput(
            PASSWORD + "\n",
            "register",
            "--name",
            name,
            "--email",
            uniqueEmail(name),
            "--password-stdin");
    if (registered.exit() != 0) {
      throw new AssertionError(registered.toString());
    }
    return user;
  }

  /** A buyer, through the client module, to place and pay the orders sellers then handle. */
  static MarketplaceClient buyer(String name) throws Exception {
    MarketplaceClient buyer =
        MarketplaceClient.builder(ServerUrl.normalize(marketplace.baseUrl()))
            .role(Role.BUYER)
            .credentials(
                CredentialStore.at(
                    Files.createTempDirectory(homes, "buyer").resolve("credentials.json")))
            .build();
    return TestAccounts.signUp(buyer, name);
  }

  /** The id in "Added product 12 (...)." and the like. */
  static long idIn(String text) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)").matcher(text);
    if (!matcher.find()) {
      throw new AssertionError("no id in: " + text);
    }
    return Long.parseLong(matcher.group(1));
  }
}
