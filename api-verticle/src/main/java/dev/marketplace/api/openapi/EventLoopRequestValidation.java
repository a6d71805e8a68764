package dev.marketplace.api.openapi;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates each request against its operation in the contract, on the event loop that serves it,
 * with the library's own parameter and body checks and the same 400 on failure; the validated
 * request is where the router's own validation would leave it. Each parameter is read once decoded,
 * straight from Vert.x Web. Why the router's validation is not used: see the package note.
 */
public final class EventLoopRequestValidation {

  private final RequestValidatorImpl validator;

  public EventLoopRequestValidation(Vertx vertx, OpenAPIContract contract) {
    this.validator = new RequestValidatorImpl(vertx, contract);
  }

  /** The first handler of {@code operation}'s route; turn the route's own validation off. */
  public Handler<RoutingContext> of(Operation operation) {
    return rc -> {
      ValidatedRequest validated;
      try {
        validated = validate(rc, operation);
      } catch (ValidatorException invalid) {
        rc.fail(new HttpException(400, invalid.getMessage(), invalid));
        return;
      }
      rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
      rc.next();
    };
  }

  private ValidatedRequest validate(RoutingContext rc, Operation operation) {
    Map<Location, Map<String, RequestParameter>> parameters = new EnumMap<>(Location.class);
    for (Location location : Location.values()) {
      parameters.put(location, new HashMap<>());
    }
    for (Parameter parameter : operation.getParameters()) {
      RequestParameter raw = new RequestParameterImpl(rawValue(rc, parameter));
      parameters
          .get(parameter.getIn())
          .put(parameter.getName(), validator.validateParameter(parameter, raw));
    }
    RequestParameter body =
        validator.validateBody(
            operation.getRequestBody(),
            new ValidatableRequestImpl(
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of(),
                new RequestParameterImpl(rc.body() == null ? null : rc.body().buffer()),
                rc.request().getHeader("content-type")));
    return new ValidatedRequestImpl(
        parameters.get(Location.COOKIE),
        parameters.get(Location.HEADER),
        parameters.get(Location.PATH),
        parameters.get(Location.QUERY),
        body);
  }

  /** The parameter as the client sent it, decoded once; null when absent. */
  private static String rawValue(RoutingContext rc, Parameter parameter) {
    String name = parameter.getName();
    return switch (parameter.getIn()) {
      case PATH -> rc.pathParam(name);
      case QUERY -> first(rc.queryParam(name));
      case HEADER -> rc.request().getHeader(name);
      case COOKIE -> {
        Cookie cookie = rc.request().getCookie(name);
        yield cookie == null ? null : cookie.getValue();
      }
    };
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }
}
