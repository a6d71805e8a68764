package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The contract as a product: served as YAML and JSON, rendered at /docs from the jar alone, and
 * readable from any origin on those three paths only. The page is loaded in headless Chromium,
 * which must show every operation's summary; about 10 s, most of it Chromium starting and Swagger
 * UI rendering, bounded at 90 s.
 */
class ReferencePageTest extends ApiTest {

  @Test
  void theContractIsServedAsYamlAndAsTheSameJson() {
    ApiResponse yaml = api.getOutsideContract("/openapi.yaml");
    ApiResponse json = api.getOutsideContract("/openapi.json");

    assertThat(yaml.status()).isEqualTo(200);
    assertThat(yaml.headers().get("content-type")).startsWith("application/yaml");
    assertThat(json.status()).isEqualTo(200);
    assertThat(json.headers().get("content-type")).startsWith("application/json");
    JsonObject contract = json.json();
    assertThat(contract.getString("openapi")).isEqualTo("3.1.0");
    assertThat(contract.getJsonObject("paths").fieldNames())
        .containsAll(api.contract().operations().stream().map(Operation::getOpenAPIPath).toList());
  }

  @Test
  void theReferenceAndTheContractAnswerAnyOriginAndTheApiDoesNot() {
    Map<String, String> fromElsewhere = Map.of("Origin", "https://tools.example.org");
    for (String path : List.of("/openapi.yaml", "/openapi.json", "/docs")) {
      ApiResponse answer = api.getOutsideContract(path, fromElsewhere);
      assertThat(answer.status()).as(path).isEqualTo(200);
      assertThat(answer.headers().get("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
    }
    ApiResponse api = ApiTest.api.get("/api/categories", fromElsewhere);
    assertThat(api.headers().get("Access-Control-Allow-Origin")).isNull();
  }

  @Test
  void thePageAndSwaggerUiComeFromTheJar() {
    ApiResponse page = api.getOutsideContract("/docs");
    ApiResponse bundle = api.getOutsideContract("/docs/swagger-ui-bundle.js");
    ApiResponse styles = api.getOutsideContract("/docs/swagger-ui.css");

    assertThat(page.body().toString()).contains("/docs/swagger-ui-bundle.js").doesNotContain("//");
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.body().length()).isGreaterThan(100_000);
    assertThat(styles.status()).isEqualTo(200);
  }

  @Test
  void aBrowserShowsEveryOperationsSummary() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    boolean installed = Files.isExecutable(chromium);
    if (!installed && System.getenv("CI") != null) {
      throw new AssertionError("CI must run this test: .ci/run installs Debian's chromium");
    }
    Assumptions.assumeTrue(
        installed,
        "SKIPPED: headless Chromium is not installed here (apt-get install chromium); CI runs it");
    Path profile = Files.createTempDirectory("reference-page-chromium");
    try {
      String dom = render(chromium, profile, marketplace.baseUrl() + "/docs");
      List<String> missing = new ArrayList<>();
      for (Operation operation : api.contract().operations()) {
        String summary = operation.getOpenAPIModel().getString("summary");
        if (!dom.contains(summary)) {
          missing.add(operation.getOperationId() + ": " + summary);
        }
      }
      assertThat(missing).as("summaries missing from the rendered /docs").isEmpty();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  /** The page's DOM once its scripts have run, as Chromium serializes it. */
  private static String render(Path chromium, Path profile, String url)
      throws IOException, InterruptedException {
    Path dom = Files.createTempFile("reference-page", ".html");
    Process browser =
        new ProcessBuilder(
                chromium.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=20000",
                "--dump-dom",
                url)
            .redirectOutput(dom.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      assertThat(browser.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
      return Files.readString(dom, StandardCharsets.UTF_8)
          .replace("&amp;", "&")
          .replace("&lt;", "<")
          .replace("&gt;", ">")
          .replace("&#39;", "'")
          .replace("&quot;", "\"");
    } finally {
      browser.destroyForcibly();
      Files.deleteIfExists(dom);
    }
  }
}
