package dev.marketplace.api;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;
import java.util.HashMap;
import java.util.Map;

/**
 * Validates each request against its operation in the contract, on the event loop that serves it.
 *
 * <p>The router's own validation (vertx-openapi 5.0.10) runs every request through an ordered
 * {@code executeBlocking}: the validations of an event loop queue one behind the other on a worker
 * thread, and each request crosses threads twice. In the profile of the detail and browse
 * benchmarks that was 11% of the server's samples. With the schema validators compiled once ({@link
 * ValidatorCachingContract}), checking a request is short, non-blocking work, so it is done in
 * place, with the library's own parameter and body checks and the same 400 on failure.
 */
final class EventLoopRequestValidation {

  private final RequestValidatorImpl validator;
  private final RequestExtractor extractor;

  EventLoopRequestValidation(Vertx vertx, OpenAPIContract contract, RequestExtractor extractor) {
    this.validator = new RequestValidatorImpl(vertx, contract);
    this.extractor = extractor;
  }

  /** The first handler of {@code operation}'s route; the route's built-in validation is off. */
  Handler<RoutingContext> of(Operation operation) {
    return rc ->
        extractor
            .extractValidatableRequest(rc, operation)
            .onFailure(rc::fail)
            .onSuccess(
                request -> {
                  ValidatedRequest validated;
                  try {
                    validated = validate(request, operation);
                  } catch (ValidatorException invalid) {
                    rc.fail(new HttpException(400, invalid.getMessage(), invalid));
                    return;
                  }
                  rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
                  rc.next();
                });
  }

  private ValidatedRequest validate(ValidatableRequest request, Operation operation) {
    Map<String, RequestParameter> cookies = new HashMap<>();
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      String name = parameter.getName();
      switch (parameter.getIn()) {
        case COOKIE ->
            cookies.put(
                name, validator.validateParameter(parameter, request.getCookies().get(name)));
        case HEADER ->
            headers.put(
                name, validator.validateParameter(parameter, request.getHeaders().get(name)));
        case PATH ->
            path.put(
                name,
                validator.validateParameter(parameter, request.getPathParameters().get(name)));
        case QUERY ->
            query.put(name, validator.validateParameter(parameter, request.getQuery().get(name)));
      }
    }
    RequestParameter body = validator.validateBody(operation.getRequestBody(), request);
    return new ValidatedRequestImpl(cookies, headers, path, query, body);
  }
}
