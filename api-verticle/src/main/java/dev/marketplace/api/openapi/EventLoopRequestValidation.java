package dev.marketplace.api.openapi;

import dev.marketplace.api.validation.InvalidRequest;
import dev.marketplace.api.validation.Violation;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates each request against its operation in the contract, on the event loop that serves it,
 * with the library's own parameter and body checks; the validated request is where the router's own
 * validation would leave it. Every parameter and the body are checked, and what is wrong with each
 * is reported together, as {@link Violation}s in an {@link InvalidRequest} (400). Each parameter is
 * read once decoded, straight from Vert.x Web. Why the router's validation is not used: see the
 * package note.
 */
public final class EventLoopRequestValidation {

  private final RequestValidatorImpl validator;
  private final ValidatorViolations violations;

  public EventLoopRequestValidation(Vertx vertx, OpenAPIContract contract) {
    this.validator = new RequestValidatorImpl(vertx, contract);
    this.violations = new ValidatorViolations(contract.getRawContract());
  }

  /** The first handler of {@code operation}'s route; turn the route's own validation off. */
  public Handler<RoutingContext> of(Operation operation) {
    return handler(operation, true);
  }

  /**
   * As {@link #of}, for an operation whose body the validator cannot read (a multipart upload):
   * checks its parameters only, and leaves the body to the operation's own handler.
   */
  public Handler<RoutingContext> parametersOf(Operation operation) {
    return handler(operation, false);
  }

  private Handler<RoutingContext> handler(Operation operation, boolean withBody) {
    return rc -> {
      ValidatedRequest validated;
      try {
        validated = validate(rc, operation, withBody);
      } catch (InvalidRequest invalid) {
        rc.fail(400, invalid);
        return;
      }
      rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
      rc.next();
    };
  }

  private ValidatedRequest validate(RoutingContext rc, Operation operation, boolean withBody) {
    Map<Location, Map<String, RequestParameter>> parameters = new EnumMap<>(Location.class);
    for (Location location : Location.values()) {
      parameters.put(location, new HashMap<>());
    }
    List<Violation> found = new ArrayList<>();
    boolean queryDecodes = queryDecodes(rc);
    if (!queryDecodes) {
      found.add(Violation.of(Violation.QUERY, Violation.Rules.URL_ENCODING));
    }
    for (Parameter parameter : operation.getParameters()) {
      if (parameter.getIn() == Location.QUERY && !queryDecodes) {
        continue;
      }
      RequestParameter raw = new RequestParameterImpl(rawValue(rc, parameter));
      try {
        parameters
            .get(parameter.getIn())
            .put(parameter.getName(), validator.validateParameter(parameter, raw));
      } catch (ValidatorException invalid) {
        found.addAll(
            violations.ofParameter(
                invalid,
                parameter.getName(),
                parameter.getOpenAPIModel().getJsonObject("schema", new JsonObject())));
      }
    }
    RequestParameter body = new RequestParameterImpl(null);
    if (withBody) {
      Buffer bytes = rc.body() == null ? null : rc.body().buffer();
      try {
        body =
            validator.validateBody(
                operation.getRequestBody(),
                new ValidatableRequestImpl(
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    Map.of(),
                    new RequestParameterImpl(bytes),
                    rc.request().getHeader("content-type")));
      } catch (ValidatorException invalid) {
        found.addAll(
            violations.ofBody(
                invalid,
                bodySchema(operation),
                parsed(bytes),
                bytes == null || bytes.length() == 0));
      }
    }
    if (!found.isEmpty()) {
      throw new InvalidRequest(found);
    }
    return new ValidatedRequestImpl(
        parameters.get(Location.COOKIE),
        parameters.get(Location.HEADER),
        parameters.get(Location.PATH),
        parameters.get(Location.QUERY),
        body);
  }

  /**
   * Whether the query string URL-decodes. Vert.x Web refuses one with a {@code %} not followed by
   * two hex digits by throwing, in its own words, from the first read of any parameter; refused
   * here instead, whichever parameters the operation takes, it is answered in a person's words.
   */
  private static boolean queryDecodes(RoutingContext rc) {
    try {
      rc.queryParams();
      return true;
    } catch (HttpException undecodable) {
      return false;
    }
  }

  /** The schema of the operation's JSON body, as the contract writes it. */
  private static JsonObject bodySchema(Operation operation) {
    MediaType json =
        operation.getRequestBody() == null
            ? null
            : operation.getRequestBody().getContent().get("application/json");
    return json == null
        ? new JsonObject()
        : json.getOpenAPIModel().getJsonObject("schema", new JsonObject());
  }

  /** The body as JSON, or null when it is not JSON. */
  private static Object parsed(Buffer bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return Json.decodeValue(bytes);
    } catch (RuntimeException notJson) {
      return null;
    }
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
