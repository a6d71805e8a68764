package dev.marketplace.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

/**
 * The contract for people and tools: {@code /openapi.yaml} as written, {@code /openapi.json}, and
 * {@code /docs}, a reference page rendered by Swagger UI from its webjar in this jar (no CDN, so it
 * works offline). These three answer requests from any origin (CORS), so that other sites' tools
 * can read the contract; nothing else of the API does.
 */
final class ReferencePages {

  private static final String PAGE = "reference/index.html";
  private static final String SCRIPT = "reference/reference.js";

  /** Where the Swagger UI webjar keeps its files, by its version. */
  static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion();

  /**
   * Only what Swagger UI needs: its own scripts, its inline styles, its data: images, and this
   * server for the contract and for "Try it out".
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

  private final Buffer yaml;
  private final Buffer json;
  private final Buffer page;
  private final Buffer script;

  ReferencePages(Buffer yaml, JsonObject contract) {
    this.yaml = yaml;
    this.json = Buffer.buffer(contract.encodePrettily());
    this.page = resource(PAGE);
    this.script = resource(SCRIPT);
  }

  void install(Router router) {
    CorsHandler cors =
        CorsHandler.create()
            .addOrigin("*")
            .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.HEAD))
            .exposedHeader(RequestIds.HEADER);
    for (String path : new String[] {"/openapi.yaml", "/openapi.json", "/docs", "/docs/*"}) {
      router.route(path).handler(cors);
    }
    router.get("/openapi.yaml").handler(send(yaml, "application/yaml"));
    router.get("/openapi.json").handler(send(json, "application/json"));
    router.get("/docs").handler(send(page, "text/html; charset=utf-8"));
    router.get("/docs/").handler(rc -> rc.redirect("/docs"));
    router.get("/docs/reference.js").handler(send(script, "text/javascript; charset=utf-8"));
    router
        .get("/docs/*")
        .handler(
            StaticHandler.create(SWAGGER_UI)
                .setDirectoryListing(false)
                .setDefaultContentEncoding("UTF-8")
                .setMaxAgeSeconds(24 * 3600));
  }

  private static Handler<RoutingContext> send(Buffer content, String mediaType) {
    return rc ->
        rc.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, mediaType)
            .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            .putHeader("X-Content-Type-Options", "nosniff")
            .end(content);
  }

  private static Buffer resource(String name) {
    try (InputStream in = ReferencePages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the classpath");
      }
      return Buffer.buffer(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String swaggerUiVersion() {
    String name = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    try (InputStream in = ReferencePages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("The Swagger UI webjar is missing from the classpath");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
