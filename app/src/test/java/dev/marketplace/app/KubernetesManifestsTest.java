package dev.marketplace.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * ops/k8s as {@code kubectl kustomize} renders it (kubectl must be installed: .ci/run installs
 * Debian's kubernetes-client when it is missing). No cluster runs here: this checks the objects a
 * cluster would be given, not how a cluster would run them.
 */
class KubernetesManifestsTest {

  private static final List<String> GROUPS =
      List.of("api", "account", "catalog", "order", "payment");
  private static final Path K8S = Path.of("..", "ops", "k8s");

  @Test
  void everyGroupIsADeploymentWithProbesResourcesAndADrainPause() throws Exception {
    List<Map<String, Object>> objects = render(K8S.resolve("base"));

    for (String group : GROUPS) {
      Map<String, Object> deployment = object(objects, "Deployment", "marketplace-" + group);
      Map<String, Object> pod = map(map(deployment, "spec", "template"), "spec");
      Map<String, Object> container = first(pod, "containers");
      assertThat(env(container)).containsEntry("MARKETPLACE_VERTICLES", group);
      assertThat(fieldRef(container, "MARKETPLACE_CLUSTER_HOST")).isEqualTo("status.podIP");
      assertThat(map(container, "readinessProbe", "httpGet").get("path"))
          .isEqualTo("/health/ready");
      assertThat(map(container, "livenessProbe", "httpGet").get("path")).isEqualTo("/health/live");
      assertThat(map(container, "resources", "requests")).containsKeys("cpu", "memory");
      assertThat(map(container, "resources", "limits")).containsKey("memory");
      assertThat(list(map(container, "lifecycle", "preStop", "exec"), "command"))
          .containsExactly("sleep", "5");
      assertThat(map(map(deployment, "spec", "template", "metadata"), "labels"))
          .containsEntry("app.kubernetes.io/part-of", "marketplace")
          .containsEntry("app.kubernetes.io/component", group);
      // A rolling update starts the new pod before the old one drains (ChaosSuiteTest's rolling
      // restart does the same), so a group with one ready pod is never left empty.
      assertThat(map(deployment, "spec", "strategy", "rollingUpdate"))
          .containsEntry("maxSurge", 1)
          .containsEntry("maxUnavailable", 0);
      Map<String, Object> budget = object(objects, "PodDisruptionBudget", "marketplace-" + group);
      assertThat(map(budget, "spec", "selector", "matchLabels"))
          .containsEntry("app.kubernetes.io/component", group);
    }
  }

  @Test
  void nodesFindEachOtherThroughTheHeadlessServiceAndOnlyMembersReachTheClusterPorts()
      throws Exception {
    List<Map<String, Object>> objects = render(K8S.resolve("base"));

    Map<String, Object> service = object(objects, "Service", "marketplace-cluster");
    assertThat(map(service, "spec")).containsEntry("clusterIP", "None");
    assertThat(map(service, "spec")).containsEntry("publishNotReadyAddresses", true);
    assertThat(map(service, "spec", "selector"))
        .isEqualTo(Map.of("app.kubernetes.io/part-of", "marketplace"));
    Map<String, Object> config = object(objects, "ConfigMap", "marketplace-config");
    assertThat(map(config, "data"))
        .containsEntry("MARKETPLACE_CLUSTER_DISCOVERY", "kubernetes")
        .containsEntry("MARKETPLACE_CLUSTER_SERVICE_DNS", "marketplace-cluster")
        .containsEntry("MARKETPLACE_CLUSTER_PORT", "5701")
        .containsEntry("MARKETPLACE_CLUSTER_BUS_PORT", "5702");

    Map<String, Object> policy = object(objects, "NetworkPolicy", "marketplace-members");
    assertThat(map(policy, "spec", "podSelector", "matchLabels"))
        .isEqualTo(Map.of("app.kubernetes.io/part-of", "marketplace"));
    List<Map<String, Object>> rules = maps(list(map(policy, "spec"), "ingress"));
    for (Map<String, Object> rule : rules) {
      Set<Object> ports = new TreeSet<>();
      maps(list(rule, "ports")).forEach(port -> ports.add(port.get("port")));
      if (ports.contains(5701) || ports.contains(5702)) {
        assertThat(maps(list(rule, "from")))
            .as("who may reach the cluster ports")
            .containsExactly(
                Map.of(
                    "podSelector",
                    Map.of("matchLabels", Map.of("app.kubernetes.io/part-of", "marketplace"))));
      } else {
        assertThat(ports).containsExactly(8080);
      }
    }
  }

  @Test
  void apiCatalogAndOrderScaleOnTheirOwn() throws Exception {
    List<Map<String, Object>> objects = render(K8S.resolve("base"));

    for (String group : List.of("api", "catalog", "order")) {
      Map<String, Object> autoscaler =
          object(objects, "HorizontalPodAutoscaler", "marketplace-" + group);
      assertThat(map(autoscaler, "spec", "scaleTargetRef"))
          .containsEntry("kind", "Deployment")
          .containsEntry("name", "marketplace-" + group);
      assertThat((Integer) map(autoscaler, "spec").get("minReplicas")).isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void theDevOverlayHasEverySecretTheBaseReferencesTheSandboxAndAPostgresql() throws Exception {
    List<Map<String, Object>> objects = render(K8S.resolve("overlays/dev"));

    Set<String> referenced = new TreeSet<>();
    for (Map<String, Object> deployment : kind(objects, "Deployment")) {
      Map<String, Object> pod = map(deployment, "spec", "template", "spec");
      for (Map<String, Object> variable : maps(list(first(pod, "containers"), "env"))) {
        Object from = variable.get("valueFrom");
        if (from instanceof Map<?, ?> source
            && source.get("secretKeyRef") instanceof Map<?, ?> ref) {
          referenced.add(ref.get("name") + "/" + ref.get("key"));
        }
      }
      for (Map<String, Object> volume : maps(list(pod, "volumes"))) {
        if (volume.get("secret") instanceof Map<?, ?> secret) {
          referenced.add(secret.get("secretName") + "/");
        }
      }
    }
    assertThat(referenced)
        .contains(
            "marketplace-database/url",
            "marketplace-jwt/",
            "marketplace-payment/api-key",
            "marketplace-payment/webhook-secret");
    for (String reference : referenced) {
      String[] parts = reference.split("/", -1);
      Map<String, Object> secret = object(objects, "Secret", parts[0]);
      if (!parts[1].isEmpty()) {
        assertThat(map(secret, "data")).as(reference).containsKey(parts[1]);
      }
    }
    assertThat(map(object(objects, "Secret", "marketplace-jwt"), "data"))
        .containsKeys("private.pem", "public.pem");

    Map<String, Object> sandbox = object(objects, "Deployment", "marketplace-sandbox");
    assertThat(env(first(map(sandbox, "spec", "template", "spec"), "containers")))
        .containsEntry("MARKETPLACE_VERTICLES", "sandbox");
    assertThat(map(object(objects, "ConfigMap", "marketplace-payment-gateway"), "data"))
        .containsEntry("url", "http://marketplace-sandbox:8081");
    object(objects, "StatefulSet", "marketplace-postgres");
    object(objects, "Service", "marketplace-postgres");
    for (Map<String, Object> object : objects) {
      if (!object.get("kind").equals("Namespace")) {
        assertThat(map(object, "metadata")).containsEntry("namespace", "marketplace-dev");
      }
    }
  }

  /** The objects {@code kubectl kustomize directory} renders; fails on anything it complains of. */
  private static List<Map<String, Object>> render(Path directory) throws Exception {
    Path out = Files.createTempFile("kustomize", ".yaml");
    Path err = Files.createTempFile("kustomize", ".err");
    try {
      Process kubectl =
          new ProcessBuilder("kubectl", "kustomize", directory.toString())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(kubectl.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(kubectl.exitValue()).as(Files.readString(err)).isZero();
      List<Map<String, Object>> objects = new ArrayList<>();
      Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
      for (Object document : yaml.loadAll(Files.readString(out, StandardCharsets.UTF_8))) {
        if (document != null) {
          objects.add(cast(document));
        }
      }
      return objects;
    } catch (IOException notInstalled) {
      throw new AssertionError(
          "kubectl is needed to render ops/k8s (.ci/run installs Debian's kubernetes-client)",
          notInstalled);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<Map<String, Object>> kind(List<Map<String, Object>> objects, String kind) {
    return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
  }

  private static Map<String, Object> object(
      List<Map<String, Object>> objects, String kind, String name) {
    return kind(objects, kind).stream()
        .filter(object -> name.equals(map(object, "metadata").get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static Map<String, String> env(Map<String, Object> container) {
    Map<String, String> values = new java.util.HashMap<>();
    for (Map<String, Object> variable : maps(list(container, "env"))) {
      if (variable.get("value") != null) {
        values.put((String) variable.get("name"), variable.get("value").toString());
      }
    }
    return values;
  }

  private static String fieldRef(Map<String, Object> container, String name) {
    return maps(list(container, "env")).stream()
        .filter(variable -> name.equals(variable.get("name")))
        .map(variable -> (String) map(variable, "valueFrom", "fieldRef").get("fieldPath"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not set"));
  }

  private static Map<String, Object> map(Map<String, Object> from, String... path) {
    Map<String, Object> at = from;
    for (String key : path) {
      assertThat(at).as("has " + key).containsKey(key);
      at = cast(at.get(key));
    }
    return at;
  }

  private static List<Object> list(Map<String, Object> from, String key) {
    Object value = from.get(key);
    return value == null ? List.of() : cast(value);
  }

  private static List<Map<String, Object>> maps(List<Object> items) {
    return items.stream().map(KubernetesManifestsTest::<Map<String, Object>>cast).toList();
  }

  private static Map<String, Object> first(Map<String, Object> from, String key) {
    return cast(list(from, key).getFirst());
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }
}
