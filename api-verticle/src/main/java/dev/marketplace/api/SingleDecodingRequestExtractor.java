package dev.marketplace.api;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the contract validator the request's parameters decoded exactly once.
 *
 * <p>vertx-openapi 5.0's own extractor URL-decodes query values that Vert.x has already decoded, so
 * a search for {@code 100%} fails and {@code c++} becomes {@code c }. Our parameters are all simple
 * values, which this extractor reads straight from Vert.x Web.
 */
final class SingleDecodingRequestExtractor implements RequestExtractor {

  @Override
  public Future<ValidatableRequest> extractValidatableRequest(
      RoutingContext rc, Operation operation) {
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      String name = parameter.getName();
      switch (parameter.getIn()) {
        case PATH -> path.put(name, new RequestParameterImpl(rc.pathParam(name)));
        case QUERY -> query.put(name, new RequestParameterImpl(first(rc.queryParam(name))));
        case HEADER -> headers.put(name, new RequestParameterImpl(rc.request().getHeader(name)));
        case COOKIE -> {
          // The contract declares no cookie parameters.
        }
      }
    }
    RequestParameter body =
        operation.getRequestBody() == null
            ? null
            : new RequestParameterImpl(rc.body() == null ? null : rc.body().buffer());
    return Future.succeededFuture(
        new ValidatableRequestImpl(
            Map.of(), headers, path, query, body, rc.request().getHeader("content-type")));
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }
}
