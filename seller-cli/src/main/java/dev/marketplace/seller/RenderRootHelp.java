package dev.marketplace.seller;

import dev.marketplace.seller.command.Environment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * Run by the build (before the jar is made): renders the root's help with picocli, from the whole
 * command tree, with colour and without, into the class folder given as the argument, for {@link
 * RootHelp} to print.
 */
public final class RenderRootHelp {

  private RenderRootHelp() {}

  public static void main(String[] args) throws IOException {
    Path folder = Path.of(args[0], RootHelp.class.getPackageName().replace('.', '/'));
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(RootHelp.PLAIN), render(false), StandardCharsets.UTF_8);
    Files.writeString(folder.resolve(RootHelp.COLOUR), render(true), StandardCharsets.UTF_8);
  }

  /** The help as picocli prints it, its lines ended by "\n" whatever the platform. */
  private static String render(boolean colour) {
    StringWriter out = new StringWriter();
    Environment environment =
        new Environment(
            Map.of(),
            new ByteArrayInputStream(new byte[0]),
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            prompt -> null,
            ZoneId.systemDefault(),
            colour);
    int exit = SellerCli.commandLine(environment).execute("--help");
    if (exit != 0) {
      throw new IllegalStateException("--help exited with " + exit);
    }
    return out.toString().replace(System.lineSeparator(), "\n");
  }
}
