package dev.marketplace.app.testing;

import io.vertx.core.http.HttpMethod;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import java.util.Set;

/**
 * Whether the contract documents a status the server answered: an operation's answer must be one of
 * its responses; a method a path does not take (405) must be declared by the path's operations; a
 * request that names no path of the contract, or that is not valid HTTP, may only be refused as
 * such. Resources served beside the contract (the contract itself, the reference page, metrics) are
 * not its business.
 */
public final class ContractStatuses {

  /** What a request outside every path of the contract may be answered. */
  private static final Set<Integer> OUTSIDE_THE_CONTRACT = Set.of(400, 404, 405, 414, 431);

  /** Served beside the contract, not described in it. */
  private static final Set<String> BESIDE_THE_CONTRACT =
      Set.of("/openapi.yaml", "/openapi.json", "/metrics");

  private final OpenAPIContract contract;

  /**
   * The path of a request target, as the router matches it: without query, and without a final
   * slash, which the router ignores ({@code /api/categories/} is {@code /api/categories}).
   */
  public static String pathOf(String target) {
    String path = target.replaceFirst("[?#].*", "");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  public ContractStatuses(OpenAPIContract contract) {
    this.contract = contract;
  }

  /**
   * Null when the contract documents {@code status} for {@code method} on {@code target} (a path
   * with its query, or a whole request line's target); else what is wrong, for a failure message.
   */
  public String undocumented(HttpMethod method, String target, int status) {
    String path = pathOf(target);
    if (BESIDE_THE_CONTRACT.contains(path) || path.equals("/docs") || path.startsWith("/docs/")) {
      return null;
    }
    Operation operation = contract.findOperation(path, method);
    if (operation != null) {
      return operation.getResponse(status) != null
          ? null
          : operation.getOperationId() + " (" + method + " " + path + ") answered " + status;
    }
    Path item = contract.findPath(path);
    if (item != null && status == 405) {
      return item.getOperations().stream().allMatch(op -> op.getResponse(405) != null)
          ? null
          : method + " " + path + " answered 405, which its path's operations do not declare";
    }
    return OUTSIDE_THE_CONTRACT.contains(status)
        ? null
        : method + " " + path + " (no operation) answered " + status;
  }
}
