package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/architecture.md that compiled classes cannot show, read from the source tree:
 * every Maven module is in the build, every Java file is compiled by it, a long file says why it is
 * long, and no module writes another module's tables.
 */
class SourceTreeTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final int LONG_FILE = 300;

  /** How a file longer than {@value #LONG_FILE} lines starts (ProductQuery's convention). */
  private static final String LONG_FILE_REASON = "// Over 300 lines: ";

  /**
   * The writes to another module's table that architecture.md allows, each by the one class that
   * holds them: module → table → the file. Orders take and return stock in the same statement as
   * the order changes, so StockRepository writes the catalog's {@code product_stock}.
   */
  private static final Map<String, Map<String, String>> CROSS_MODULE_WRITES =
      Map.of(
          "order-verticle", Map.of("product_stock", "dev/marketplace/order/StockRepository.java"));

  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

  private static final Pattern CREATE_TABLE =
      Pattern.compile("CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([a-z_][a-z0-9_]*)");

  /** A write and its table; tables are lower case, keywords upper, so "DO UPDATE SET" is none. */
  private static final Pattern WRITE =
      Pattern.compile(
          "(?:INSERT\\s+INTO|(?<!FOR\\s)(?<!KEY\\s)(?<!DO\\s)UPDATE|DELETE\\s+FROM)"
              + "\\s+([a-z_][a-z0-9_]*)\\b");

  @Test
  void everyFolderWithAPomIsAModuleOfTheBuild() throws IOException {
    List<String> modules = modules();
    try (Stream<Path> poms = Files.walk(ROOT)) {
      List<String> outside =
          poms.filter(path -> path.getFileName().toString().equals("pom.xml"))
              .map(pom -> ROOT.relativize(pom.getParent()).toString())
              .filter(folder -> !folder.isEmpty())
              .filter(folder -> !ignored(Path.of(folder)))
              .filter(folder -> !modules.contains(folder))
              .toList();
      assertThat(outside)
          .as("folders with a pom.xml missing from the parent's <modules>")
          .isEmpty();
    }
  }

  /**
   * {@code bench/} holds scripts and one module of Java, which the build compiles against the
   * service's SQL; Java anywhere else would break only when run.
   */
  @Test
  void everyJavaFileIsCompiledByTheBuild() throws IOException {
    List<String> modules = modules();
    assertThat(modules).contains("bench");
    try (Stream<Path> files = Files.walk(ROOT)) {
      List<Path> outside =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .map(ROOT::relativize)
              .filter(file -> !ignored(file))
              .filter(file -> !inASourceRoot(file, modules))
              .toList();
      assertThat(outside).as("Java that no module of the build compiles").isEmpty();
    }
  }

  @Test
  void everyLongMainSourceFileSaysWhyAtItsTop() {
    List<String> unexplained = new ArrayList<>();
    for (Path file : mainSources()) {
      List<String> lines = lines(file);
      if (lines.size() > LONG_FILE && !lines.get(0).startsWith(LONG_FILE_REASON)) {
        unexplained.add(ROOT.relativize(file) + " (" + lines.size() + " lines)");
      }
    }
    assertThat(unexplained)
        .as(
            "main source files over %d lines whose first line is not \"%s…why\"",
            LONG_FILE, LONG_FILE_REASON)
        .isEmpty();
  }

  /**
   * A module's SQL writes only the tables its own migrations create, except the writes {@link
   * #CROSS_MODULE_WRITES} lists (architecture.md, "SQL that reads another module's tables").
   */
  @Test
  void noModuleWritesAnotherModulesTables() {
    Set<String> known = new TreeSet<>();
    modules().forEach(module -> known.addAll(tablesCreatedBy(module)));
    List<String> crossings = new ArrayList<>();
    for (String module : modules()) {
      Set<String> own = tablesCreatedBy(module);
      Path sources = ROOT.resolve(module).resolve("src/main/java");
      for (Path file : javaFiles(sources)) {
        Matcher write = WRITE.matcher(stringLiterals(read(file)));
        while (write.find()) {
          String table = write.group(1);
          String allowedIn = CROSS_MODULE_WRITES.getOrDefault(module, Map.of()).get(table);
          boolean allowed = allowedIn != null && file.endsWith(allowedIn);
          if (!own.contains(table) && !allowed) {
            crossings.add(ROOT.relativize(file) + ": " + write.group());
          }
        }
      }
    }
    assertThat(known).as("tables found in the migrations").contains("orders", "product_stock");
    assertThat(crossings).as("writes to a table another module's migrations create").isEmpty();
  }

  /** The parent pom's modules, as folders. */
  private static List<String> modules() {
    Matcher module = MODULE.matcher(read(ROOT.resolve("pom.xml")));
    List<String> modules = new ArrayList<>();
    while (module.find()) {
      modules.add(module.group(1).trim());
    }
    return modules;
  }

  /** Build output, Git's files and installed tools are not the project's sources. */
  private static boolean ignored(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** In a module's src/main/java or src/test/java, or in a source root its pom adds. */
  private static boolean inASourceRoot(Path file, List<String> modules) {
    for (String module : modules) {
      Path dir = Path.of(module);
      if (!file.startsWith(dir.resolve("src"))) {
        continue;
      }
      if (file.getNameCount() < dir.getNameCount() + 4) {
        return false;
      }
      Path root = dir.relativize(file).subpath(0, 3);
      String pom = read(ROOT.resolve(module).resolve("pom.xml"));
      return root.equals(Path.of("src/main/java"))
          || root.equals(Path.of("src/test/java"))
          || pom.contains("${project.basedir}/" + root.toString().replace('\\', '/') + "<");
    }
    return false;
  }

  private static List<Path> mainSources() {
    List<Path> files = new ArrayList<>();
    modules().forEach(module -> files.addAll(javaFiles(ROOT.resolve(module).resolve("src/main"))));
    return files;
  }

  private static Set<String> tablesCreatedBy(String module) {
    Set<String> tables = new TreeSet<>();
    Path migrations = ROOT.resolve(module).resolve("src/main/resources/db/migration");
    for (Path file : files(migrations, ".sql")) {
      Matcher create = CREATE_TABLE.matcher(read(file));
      while (create.find()) {
        tables.add(create.group(1));
      }
    }
    return tables;
  }

  private static List<Path> javaFiles(Path dir) {
    return files(dir, ".java");
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(file -> file.toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The contents of the string literals and text blocks of a Java source, one a line: the SQL the
   * file sends, without the comments that talk about it.
   */
  static String stringLiterals(String source) {
    StringBuilder literals = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      if (source.startsWith("//", i)) {
        int end = source.indexOf('\n', i);
        i = end < 0 ? source.length() : end;
      } else if (source.startsWith("/*", i)) {
        i = source.indexOf("*/", i + 2) + 2;
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        literals.append(source, i + 3, end).append('\n');
        i = end + 3;
      } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
        char quote = source.charAt(i);
        int end = i + 1;
        while (source.charAt(end) != quote) {
          end += source.charAt(end) == '\\' ? 2 : 1;
        }
        if (quote == '"') {
          literals.append(source, i + 1, end).append('\n');
        }
        i = end + 1;
      } else {
        i++;
      }
    }
    return literals.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
