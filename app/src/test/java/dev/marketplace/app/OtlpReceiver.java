package dev.marketplace.app;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An OTLP/HTTP receiver of traces ({@code POST /v1/traces}, protobuf), as a collector would be,
 * keeping every span it is sent with its node's resource.
 */
final class OtlpReceiver {

  /** A span as received, with the attributes of its node's resource. */
  record Span(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      io.opentelemetry.proto.trace.v1.Span.SpanKind kind,
      Map<String, String> attributes,
      Map<String, String> resource,
      List<String> node) {

    boolean isSql() {
      return attributes.containsKey("db.system");
    }

    boolean isHttpClient() {
      return kind == io.opentelemetry.proto.trace.v1.Span.SpanKind.SPAN_KIND_CLIENT
          && attributes.keySet().stream()
              .anyMatch(key -> key.startsWith("http.") || key.startsWith("url."));
    }

    /** The SQL text, under the attribute's name of the semantic conventions of either age. */
    String statement() {
      return attributes.getOrDefault("db.query.text", attributes.get("db.statement"));
    }

    String serviceName() {
      return resource.get("service.name");
    }

    String instanceId() {
      return resource.get("service.instance.id");
    }
  }

  private final HttpServer server;
  private final List<Span> spans = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer server) {
    this.server = server;
  }

  static OtlpReceiver start(Vertx vertx) {
    List<OtlpReceiver> made = new ArrayList<>(1);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    request
                        .body()
                        .onSuccess(
                            body -> {
                              made.getFirst().receive(body);
                              request
                                  .response()
                                  .putHeader("content-type", "application/x-protobuf")
                                  .end(
                                      Buffer.buffer(
                                          ExportTraceServiceResponse.getDefaultInstance()
                                              .toByteArray()));
                            }));
    made.add(new OtlpReceiver(server));
    server.listen(0, "127.0.0.1").await();
    return made.getFirst();
  }

  int port() {
    return server.actualPort();
  }

  /** The spans received so far of the trace {@code traceId} (hex). */
  List<Span> spans(String traceId) {
    return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
  }

  private void receive(Buffer body) {
    ExportTraceServiceRequest export;
    try {
      export = ExportTraceServiceRequest.parseFrom(body.getBytes());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("not an OTLP trace export", e);
    }
    for (ResourceSpans resourceSpans : export.getResourceSpansList()) {
      Map<String, String> resource = attributes(resourceSpans.getResource().getAttributesList());
      List<String> node = new ArrayList<>();
      resourceSpans.getResource().getAttributesList().stream()
          .filter(attribute -> attribute.getKey().equals("marketplace.verticles"))
          .flatMap(attribute -> attribute.getValue().getArrayValue().getValuesList().stream())
          .forEach(value -> node.add(value.getStringValue()));
      for (ScopeSpans scope : resourceSpans.getScopeSpansList()) {
        for (io.opentelemetry.proto.trace.v1.Span span : scope.getSpansList()) {
          spans.add(
              new Span(
                  hex(span.getTraceId()),
                  hex(span.getSpanId()),
                  hex(span.getParentSpanId()),
                  span.getName(),
                  span.getKind(),
                  attributes(span.getAttributesList()),
                  resource,
                  List.copyOf(node)));
        }
      }
    }
  }

  private static Map<String, String> attributes(List<KeyValue> attributes) {
    Map<String, String> values = new HashMap<>();
    for (KeyValue attribute : attributes) {
      AnyValue value = attribute.getValue();
      values.put(
          attribute.getKey(),
          switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
          });
    }
    return values;
  }

  private static String hex(ByteString bytes) {
    return HexFormat.of().formatHex(bytes.toByteArray());
  }

  static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
