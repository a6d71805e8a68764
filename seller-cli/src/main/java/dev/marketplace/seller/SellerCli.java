package dev.marketplace.seller;

import dev.marketplace.client.MarketplaceClient;
import dev.marketplace.client.ServerUrl;
import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.seller.account.LoginCommand;
import dev.marketplace.seller.account.LogoutCommand;
import dev.marketplace.seller.account.RegisterCommand;
import dev.marketplace.seller.account.WhoamiCommand;
import dev.marketplace.seller.analytics.AnalyticsCommand;
import dev.marketplace.seller.command.Environment;
import dev.marketplace.seller.command.ExitCode;
import dev.marketplace.seller.command.SellerContext;
import dev.marketplace.seller.images.ImagesCommand;
import dev.marketplace.seller.orders.OrdersCommand;
import dev.marketplace.seller.products.ProductsCommand;
import dev.marketplace.seller.stock.StockCommand;
import java.net.URI;
import java.util.List;
import java.util.Set;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code marketplace-seller}: a seller runs their shop from the terminal. Each command is a class
 * of its own; adding one is that class plus its line in {@link #COMMANDS}.
 */
@Command(
    name = "marketplace-seller",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description =
        "Run your marketplace shop from the terminal: products, stock, images, orders, analytics.",
    footer = {
      "",
      "The server is --server URL, else $MARKETPLACE_URL, else http://localhost:8080.",
      "Sessions are kept per server in $XDG_CONFIG_HOME/marketplace/credentials.json.",
      "Run 'marketplace-seller COMMAND --help' for a command's options."
    })
public final class SellerCli implements SellerContext {

  /** The commands, in the order the help lists them. */
  private static final List<Class<?>> COMMANDS =
      List.of(
          RegisterCommand.class,
          LoginCommand.class,
          LogoutCommand.class,
          WhoamiCommand.class,
          ProductsCommand.class,
          StockCommand.class,
          ImagesCommand.class,
          OrdersCommand.class,
          AnalyticsCommand.class,
          GenerateCompletion.class);

  /**
   * Options of the root command that may come before the command's name; --server takes a value.
   */
  private static final Set<String> ROOT_OPTIONS = Set.of("--server", "-v", "--verbose");

  @Option(
      names = "--server",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description =
          "The marketplace to talk to (default: $MARKETPLACE_URL or http://localhost:8080).")
  private String server;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Show every HTTP exchange on standard error, tokens masked.")
  private boolean verbose;

  private final Environment environment;
  private MarketplaceClient client;

  SellerCli(Environment environment) {
    this.environment = environment;
  }

  public static void main(String[] args) {
    System.exit(run(Environment.system(), args));
  }

  /** Runs one command line; the exit code. */
  public static int run(Environment environment, String... args) {
    if (RootHelp.answer(environment, args)) {
      environment.out().flush();
      return 0;
    }
    List<Class<?>> named = commandsFor(args);
    CommandLine commandLine =
        named.isEmpty() ? rootOnly(environment) : commandLine(environment, named);
    int code = commandLine.execute(args);
    environment.out().flush();
    environment.err().flush();
    SellerCli cli = commandLine.getCommand();
    if (cli.client != null) {
      // Its selector thread, blocked in native code, would hold the JVM's exit up by 0.3 s.
      cli.client.close();
    }
    return code;
  }

  /** The whole command tree. */
  static CommandLine commandLine(Environment environment) {
    return commandLine(environment, COMMANDS);
  }

  /**
   * The commands a command line needs: only the one it names, when it names one. Picocli reads
   * every command's annotations and builds its options before parsing, which was most of a short
   * command's start-up. None (an empty list) when the line is for the root alone: its help, its
   * version, no command, or a word that names none (for its did-you-mean); those need only the
   * commands' names and descriptions ({@link #rootOnly}). The completion script, and a line with an
   * option the root does not have, get them all.
   */
  private static List<Class<?>> commandsFor(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--server=") || ROOT_OPTIONS.contains(arg)) {
        i += arg.equals("--server") ? 1 : 0;
      } else if (ROOT_ONLY_OPTIONS.contains(arg)) {
        return List.of();
      } else if (arg.startsWith("-") || named(GenerateCompletion.class, arg)) {
        return COMMANDS;
      } else {
        return COMMANDS.stream()
            .filter(command -> named(command, arg))
            .findFirst()
            .map(List::<Class<?>>of)
            .orElse(List.of());
      }
    }
    return List.of();
  }

  /** Options that end the command line at the root: picocli answers them before any command. */
  private static final Set<String> ROOT_ONLY_OPTIONS = Set.of("-h", "--help", "-V", "--version");

  /**
   * The root with each command as its line in the help (name, aliases, description), without
   * reading the command's options: the same help and did-you-mean as the whole tree, at a third of
   * the start-up (UsageTest compares the two).
   */
  private static CommandLine rootOnly(Environment environment) {
    CommandLine root = commandLine(environment, List.of());
    for (Class<?> command : COMMANDS) {
      Command annotation = command.getAnnotation(Command.class);
      CommandSpec summary = CommandSpec.create().name(annotation.name());
      summary.usageMessage().description(annotation.description()).hidden(annotation.hidden());
      root.addSubcommand(annotation.name(), new CommandLine(summary), annotation.aliases());
    }
    return root;
  }

  private static boolean named(Class<?> command, String name) {
    Command annotation = command.getAnnotation(Command.class);
    return annotation.name().equals(name) || List.of(annotation.aliases()).contains(name);
  }

  private static CommandLine commandLine(Environment environment, List<Class<?>> commands) {
    CommandLine commandLine = new CommandLine(new SellerCli(environment));
    // Added before the settings below, which reach only the commands there are at the time.
    commands.forEach(commandLine::addSubcommand);
    Help.Ansi ansi = environment.colour() ? Help.Ansi.ON : Help.Ansi.OFF;
    commandLine
        .setOut(environment.out())
        .setErr(environment.err())
        .setColorScheme(Help.defaultColorScheme(ansi))
        .setExecutionExceptionHandler(new Failures())
        .setParameterExceptionHandler(Failures::usage);
    document(commandLine.getCommandSpec());
    LowerCaseChoices.register(commandLine);
    Values.register(commandLine);
    return commandLine;
  }

  /** Every command's help lists the exit codes. */
  private static void document(CommandSpec spec) {
    spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.described());
    spec.subcommands().values().forEach(sub -> document(sub.getCommandSpec()));
  }

  @Override
  public Environment environment() {
    return environment;
  }

  @Override
  public boolean verbose() {
    return verbose;
  }

  /** The server this run talks to, normalized. */
  @Override
  public URI server() {
    try {
      return ServerUrl.resolve(server, environment.variables());
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--server: " + e.getMessage());
    }
  }

  /** The seller's client of that server, made on first use. */
  @Override
  public MarketplaceClient client() {
    if (client == null) {
      MarketplaceClient.Builder builder =
          MarketplaceClient.builder(server())
              .role(Role.SELLER)
              .credentials(CredentialStore.defaultLocation(environment.variables()));
      if (verbose) {
        builder.exchangeListener(new VerboseLog(environment.err()));
      }
      client = builder.build();
    }
    return client;
  }
}
