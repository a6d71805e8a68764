package dev.marketplace.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.impl.Utils;
import java.util.List;

/**
 * Loads {@code openapi/marketplace.yaml} for the router and for contract checks in tests.
 *
 * <p>vertx-openapi 5.0 refuses to load a contract that declares a {@code text/event-stream}
 * response, although it never validates responses on the server. The contract states the truth for
 * clients; the loaded copy calls those responses {@code text/plain}, and the stream handlers send
 * the real media type.
 */
public final class ContractLoader {

  /** Where the contract is, on the classpath (and relative to the repository root). */
  public static final String CONTRACT = "openapi/marketplace.yaml";

  private static final List<String> LOADABLE =
      List.of("application/json", "multipart/form-data", "application/octet-stream", "text/plain");

  private ContractLoader() {}

  public static Future<OpenAPIContract> load(Vertx vertx) {
    return Utils.readYamlOrJson(vertx, CONTRACT)
        .compose(json -> OpenAPIContract.from(vertx, withLoadableResponses(json)))
        .map(ValidatorCachingContract::new);
  }

  private static JsonObject withLoadableResponses(JsonObject contract) {
    JsonObject paths = contract.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        JsonObject responses =
            item.getValue(method) instanceof JsonObject operation
                ? operation.getJsonObject("responses")
                : null;
        if (responses == null) {
          continue;
        }
        for (String status : responses.fieldNames()) {
          JsonObject content = responses.getJsonObject(status).getJsonObject("content");
          if (content == null) {
            continue;
          }
          for (String mediaType : List.copyOf(content.fieldNames())) {
            if (!LOADABLE.contains(mediaType)) {
              content.put("application/octet-stream", content.remove(mediaType));
            }
          }
        }
      }
    }
    return contract;
  }
}
