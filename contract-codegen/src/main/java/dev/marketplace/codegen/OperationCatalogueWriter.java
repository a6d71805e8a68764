package dev.marketplace.codegen;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Writes the operation catalogue of the contract as Java: {@code ApiOperation}, an enum of every
 * operation with its id and the event-bus address the api forwards it to, and {@code BusAddress},
 * the enum of those addresses. The build runs it before {@code common} compiles, so that the
 * verticles, the forwarder and the node wiring name operations by constants: a contract change that
 * drops or renames an operation fails compilation where a handler still names it.
 *
 * <p>Usage: {@code OperationCatalogueWriter <contract.yaml> <source root> <package>}.
 */
public final class OperationCatalogueWriter {

  static final String ADDRESS_EXTENSION = "x-eventbus-address";

  /** The header a client retries writes with; an operation that declares it must honour it. */
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OperationCatalogueWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: OperationCatalogueWriter <contract.yaml> <source root> <package>");
    }
    List<ContractOperation> operations = read(Path.of(args[0]));
    Path folder = Path.of(args[1]).resolve(args[2].replace('.', '/'));
    Files.createDirectories(folder);
    write(folder.resolve("ApiOperation.java"), operationEnum(args[2], operations));
    write(folder.resolve("BusAddress.java"), addressEnum(args[2], operations));
  }

  /**
   * One operation of the contract, in the order the contract lists them; {@code idempotent} when it
   * declares the {@value #IDEMPOTENCY_KEY} header.
   */
  record ContractOperation(
      String id, String method, String path, String summary, String address, boolean idempotent) {

    ContractOperation(String id, String method, String path, String summary, String address) {
      this(id, method, path, summary, address, false);
    }

    String constant() {
      return constantName(id);
    }
  }

  static List<ContractOperation> read(Path contract) throws IOException {
    Map<String, Object> root;
    try (Reader reader = Files.newBufferedReader(contract, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    }
    List<ContractOperation> operations = new ArrayList<>();
    map(root.get("paths"), "paths")
        .forEach(
            (path, item) ->
                map(item, path)
                    .forEach(
                        (method, value) -> {
                          if (METHODS.contains(method)) {
                            Map<String, Object> operation = map(value, method + " " + path);
                            operations.add(
                                new ContractOperation(
                                    required(operation, "operationId", method + " " + path),
                                    method.toUpperCase(Locale.ROOT),
                                    path,
                                    text(operation.get("summary")),
                                    text(operation.get(ADDRESS_EXTENSION)),
                                    declaresIdempotencyKey(root, operation)));
                          }
                        }));
    return operations;
  }

  /** Whether the operation declares the idempotency header, itself or by a reference. */
  private static boolean declaresIdempotencyKey(
      Map<String, Object> root, Map<String, Object> operation) {
    if (!(operation.get("parameters") instanceof List<?> parameters)) {
      return false;
    }
    for (Object declared : parameters) {
      Object parameter = declared;
      if (declared instanceof Map<?, ?> reference && reference.get("$ref") instanceof String ref) {
        parameter = resolve(root, ref);
      }
      if (parameter instanceof Map<?, ?> header
          && "header".equals(header.get("in"))
          && IDEMPOTENCY_KEY.equalsIgnoreCase(String.valueOf(header.get("name")))) {
        return true;
      }
    }
    return false;
  }

  /** The object a local reference ({@code #/components/...}) points at, or null. */
  private static Object resolve(Map<String, Object> root, String ref) {
    Object node = root;
    for (String step : ref.replaceFirst("^#/", "").split("/")) {
      node = node instanceof Map<?, ?> map ? map.get(step) : null;
    }
    return node;
  }

  static String operationEnum(String packageName, List<ContractOperation> operations) {
    StringBuilder java = new StringBuilder();
    header(java, packageName);
    java.append(
        """
        import java.util.Map;
        import java.util.Optional;
        import java.util.function.Function;
        import java.util.stream.Collectors;
        import java.util.stream.Stream;

        /**
         * Every operation of openapi/marketplace.yaml, with the event-bus address the api forwards
         * it to ({@code x-eventbus-address}); empty for the few the edge serves itself.
         */
        public enum ApiOperation implements BusAction {
        """);
    for (ContractOperation operation : operations) {
      java.append("  /** ")
          .append(operation.method())
          .append(' ')
          .append(javadocText(operation.path()))
          .append(operation.summary() == null ? "" : ": " + javadocText(operation.summary()))
          .append(" */\n  ")
          .append(operation.constant())
          .append("(\"")
          .append(operation.id())
          .append("\", ")
          .append(
              operation.address() == null
                  ? "null"
                  : "BusAddress." + constantName(operation.address()))
          .append(operation.idempotent() ? ", true" : ", false")
          .append("),\n");
    }
    java.append(
        """
          ;

          private static final Map<String, ApiOperation> BY_ID =
              Stream.of(values()).collect(Collectors.toUnmodifiableMap(ApiOperation::id, Function.identity()));

          private final String id;
          private final BusAddress address;
          private final boolean takesIdempotencyKey;

          ApiOperation(String id, BusAddress address, boolean takesIdempotencyKey) {
            this.id = id;
            this.address = address;
            this.takesIdempotencyKey = takesIdempotencyKey;
          }

          /**
           * Whether the contract declares the {@code Idempotency-Key} header on it: then its handler
           * must honour the key (a WriteOperation).
           */
          public boolean takesIdempotencyKey() {
            return takesIdempotencyKey;
          }

          /** The contract's {@code operationId}, which is also the action on the event bus. */
          @Override
          public String id() {
            return id;
          }

          /** Where the api forwards it; empty when the edge serves it itself. */
          public Optional<BusAddress> address() {
            return Optional.ofNullable(address);
          }

          /** The operation whose {@code operationId} is {@code id}, if the contract has one. */
          public static Optional<ApiOperation> byId(String id) {
            return Optional.ofNullable(BY_ID.get(id));
          }
        }
        """);
    return java.toString();
  }

  static String addressEnum(String packageName, List<ContractOperation> operations) {
    TreeSet<String> addresses = new TreeSet<>();
    operations.stream()
        .map(ContractOperation::address)
        .filter(address -> address != null)
        .forEach(addresses::add);
    StringBuilder java = new StringBuilder();
    header(java, packageName);
    java.append(
        """
        /** The event-bus addresses the contract's operations are served on. */
        public enum BusAddress {
        """);
    for (String address : addresses) {
      java.append("  ")
          .append(constantName(address))
          .append("(\"")
          .append(address)
          .append("\"),\n");
    }
    java.append(
        """
          ;

          private final String value;

          BusAddress(String value) {
            this.value = value;
          }

          /** The address on the event bus. */
          public String value() {
            return value;
          }
        }
        """);
    return java.toString();
  }

  /** {@code placeOrder} → {@code PLACE_ORDER}; {@code accounts} → {@code ACCOUNTS}. */
  static String constantName(String id) {
    if (!id.matches("[A-Za-z][A-Za-z0-9]*")) {
      throw new IllegalArgumentException(
          "'"
              + id
              + "' cannot name a Java constant: use letters and digits, starting with a letter");
    }
    return id.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static void header(StringBuilder java, String packageName) {
    java.append("// Written by contract-codegen's OperationCatalogueWriter from")
        .append(" openapi/marketplace.yaml at build time.\n")
        .append("// Do not edit: change the contract.\n")
        .append("package ")
        .append(packageName)
        .append(";\n\n");
  }

  /** Text that is safe inside a Javadoc comment, on one line. */
  private static String javadocText(String text) {
    return text.replace("*/", "*&#47;").replace("@", "&#64;").replaceAll("\\s+", " ").strip();
  }

  private static void write(Path file, String content) throws IOException {
    // Unchanged output keeps its time stamp, so that the compiler sees nothing new.
    if (Files.exists(file) && Files.readString(file).equals(content)) {
      return;
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String where) {
    if (value instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw new IllegalArgumentException("The contract's " + where + " is not a mapping");
  }

  private static String required(Map<String, Object> operation, String key, String where) {
    String value = text(operation.get(key));
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(where + " has no " + key);
    }
    return value;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
