package dev.marketplace.api.openapi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.impl.Utils;
import java.util.List;

/**
 * Loads {@code openapi/marketplace.yaml} for the router and for contract checks in tests, with
 * validators built once per schema ({@link ValidatorCachingContract}).
 *
 * <p>The library refuses to load a contract that declares a response of a media type it cannot
 * validate, such as {@code text/event-stream}, although it never validates responses on the server.
 * The contract states the truth for clients; the loaded copy calls those responses {@code
 * application/octet-stream}, and the stream handlers send the real media type.
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

  /** The contract as written, as JSON (for {@code /openapi.json}). */
  public static Future<JsonObject> json(Vertx vertx) {
    return Utils.readYamlOrJson(vertx, CONTRACT);
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
