package dev.marketplace.api.openapi;

import dev.marketplace.api.validation.BodyCheck;
import dev.marketplace.api.validation.ContractBodies;
import dev.marketplace.api.validation.ContractReferences;
import dev.marketplace.api.validation.FieldViolations;
import dev.marketplace.api.validation.InvalidRequest;
import dev.marketplace.api.validation.Violation;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.RequestBody;
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
import java.util.Set;

/**
 * Validates each request against its operation in the contract, on the event loop that serves it:
 * parameters with the library's own checks, a JSON body with the check generated from the contract
 * at build time ({@link ContractBodies}, which refuses what the library's interpreting validator
 * refuses, in the same words, at a fraction of the cost); the validated request is where the
 * router's own validation would leave it. Every parameter and the body are checked, and what is
 * wrong with each is reported together, as {@link Violation}s in an {@link InvalidRequest} (400).
 * Each parameter is read once decoded, straight from Vert.x Web. Why the router's validation is not
 * used: see the package note.
 */
public final class EventLoopRequestValidation {

  private static final String JSON = "application/json";

  private final RequestValidatorImpl validator;
  private final ValidatorViolations violations;
  private final ContractReferences references;

  public EventLoopRequestValidation(Vertx vertx, OpenAPIContract contract) {
    this.validator = new RequestValidatorImpl(vertx, contract);
    this.references = new ContractReferences(contract.getRawContract());
    this.violations = new ValidatorViolations(references);
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
    BodyCheck compiled = withBody ? compiledCheck(operation) : null;
    JsonObject bodySchema = references.resolve(bodySchema(operation));
    return rc -> {
      ValidatedRequest validated;
      try {
        validated = validate(rc, operation, withBody, compiled, bodySchema);
      } catch (InvalidRequest invalid) {
        rc.fail(400, invalid);
        return;
      }
      rc.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
      rc.next();
    };
  }

  /**
   * The generated check of the operation's body, when its one media type is JSON; null when the
   * body is left to the library (none in today's contract: the one multipart upload is checked by
   * its own handler).
   */
  static BodyCheck compiledCheck(Operation operation) {
    RequestBody body = operation.getRequestBody();
    if (body == null || !body.getContent().keySet().equals(Set.of(JSON))) {
      return null;
    }
    return ContractBodies.of(operation.getOperationId()).orElse(null);
  }

  private ValidatedRequest validate(
      RoutingContext rc,
      Operation operation,
      boolean withBody,
      BodyCheck compiled,
      JsonObject bodySchema) {
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
      RequestParameter raw =
          new RequestParameterImpl(textAsSent(parameter, rawValue(rc, parameter)));
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
      body =
          compiled != null
              ? new RequestParameterImpl(
                  checkedBody(
                      bytes, operation.getRequestBody().isRequired(), compiled, bodySchema, found))
              : libraryCheckedBody(operation, bytes, rc.request().getHeader("content-type"), found);
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
   * The body decoded and checked by the library's interpreting validator, and what it finds added
   * to {@code found}.
   */
  RequestParameter libraryCheckedBody(
      Operation operation, Buffer bytes, String contentType, List<Violation> found) {
    try {
      return validator.validateBody(
          operation.getRequestBody(),
          new ValidatableRequestImpl(
              Map.of(),
              Map.of(),
              Map.of(),
              Map.of(),
              new RequestParameterImpl(bytes),
              contentType));
    } catch (ValidatorException invalid) {
      found.addAll(
          violations.ofBody(
              invalid, bodySchema(operation), parsed(bytes), bytes == null || bytes.length() == 0));
      return new RequestParameterImpl(null);
    }
  }

  /**
   * The body decoded and checked by its generated check, as the library's validator would: no body
   * is a fault only where the contract requires one, a body that is not JSON is one, and whatever
   * the check finds is added to {@code found}. Of a body the check refuses without naming a field
   * (one whose only fault is a field without a name), the body's type is what the client is told,
   * as when the library's report names no field.
   */
  static Object checkedBody(
      Buffer bytes, boolean required, BodyCheck check, JsonObject schema, List<Violation> found) {
    if (bytes == null || bytes.length() == 0) {
      if (required) {
        found.add(Violation.of(Violation.BODY, "required"));
      }
      return null;
    }
    Object decoded;
    try {
      decoded = Json.decodeValue(bytes);
    } catch (DecodeException notJson) {
      found.add(Violation.of(Violation.BODY, Violation.Rules.JSON));
      return null;
    }
    FieldViolations faults = new FieldViolations();
    check.check(asJson(decoded), faults);
    if (faults.failed()) {
      List<Violation> named = faults.violations();
      found.addAll(
          named.isEmpty() ? List.of(new Violation(Violation.BODY, "type", schema)) : named);
    }
    return decoded;
  }

  /**
   * A decoded object or list as the JSON types the checks take, as the library's validator does.
   */
  @SuppressWarnings("unchecked")
  private static Object asJson(Object decoded) {
    return switch (decoded) {
      case Map<?, ?> map -> new JsonObject((Map<String, Object>) map);
      case List<?> list -> new JsonArray(list);
      case null, default -> decoded;
    };
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
  static JsonObject bodySchema(Operation operation) {
    MediaType json =
        operation.getRequestBody() == null
            ? null
            : operation.getRequestBody().getContent().get(JSON);
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

  /**
   * A text parameter's value in the one form the library's transformer hands back unchanged: a JSON
   * string. The library reads every value that is not a plain word as JSON, so text such as "-5",
   * "1.5" or "[1]" (a search, a SKU, an Idempotency-Key) would arrive as a number or a list and be
   * refused as "must be text", and "\"mug\"" would lose its quotes.
   */
  private static String textAsSent(Parameter parameter, String value) {
    return value != null && parameter.getSchemaType() == SchemaType.STRING
        ? Json.encode(value)
        : value;
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
