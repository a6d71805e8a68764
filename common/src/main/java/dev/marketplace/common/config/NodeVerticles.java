package dev.marketplace.common.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which verticles this process runs, and how many instances of each. Without a cluster the process
 * runs everything; in a cluster, {@code MARKETPLACE_VERTICLES} says which, as a comma-separated
 * list such as {@code api,catalog}, where {@code catalog:4} asks for four instances of one of them
 * instead of {@code MARKETPLACE_VERTICLE_INSTANCES}.
 */
public record NodeVerticles(Map<VerticleKind, Integer> instances) {

  static final String VARIABLE = "MARKETPLACE_VERTICLES";

  public NodeVerticles {
    instances = Collections.unmodifiableMap(new EnumMap<>(instances));
  }

  /**
   * Every verticle, as one process runs them; the sandbox gateway only when no other gateway is
   * configured.
   */
  public static NodeVerticles everything(int instancesEach, boolean withSandbox) {
    Map<VerticleKind, Integer> all = new EnumMap<>(VerticleKind.class);
    for (VerticleKind kind : VerticleKind.values()) {
      if (kind != VerticleKind.SANDBOX) {
        all.put(kind, instancesEach);
      } else if (withSandbox) {
        all.put(kind, 1);
      }
    }
    return new NodeVerticles(all);
  }

  static NodeVerticles read(
      EnvironmentReader reader, boolean clustered, int instancesEach, boolean withSandbox) {
    String list = reader.text(VARIABLE).orElse(null);
    if (!clustered) {
      if (list != null) {
        throw new IllegalArgumentException(
            VARIABLE + " chooses what a cluster node runs: set MARKETPLACE_CLUSTER=true with it");
      }
      return everything(instancesEach, withSandbox);
    }
    if (list == null) {
      throw new IllegalArgumentException(
          "MARKETPLACE_CLUSTER=true needs "
              + VARIABLE
              + ", the verticles this node runs: a comma-separated subset of "
              + VerticleKind.allNames());
    }
    Map<VerticleKind, Integer> chosen = new EnumMap<>(VerticleKind.class);
    for (String item : list.split(",")) {
      String entry = item.strip();
      if (entry.isEmpty()) {
        continue;
      }
      String[] nameAndCount = entry.split(":", 2);
      VerticleKind kind = VerticleKind.named(nameAndCount[0].strip());
      int count = nameAndCount.length == 2 ? count(entry, nameAndCount[1]) : instancesEach;
      if (kind == VerticleKind.SANDBOX) {
        if (nameAndCount.length == 2 && count != 1) {
          throw new IllegalArgumentException(
              "The sandbox keeps its ledger in memory: run one instance, not " + count);
        }
        count = 1;
      }
      if (chosen.put(kind, count) != null) {
        throw new IllegalArgumentException(VARIABLE + " names " + kind.wireName() + " twice");
      }
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException(VARIABLE + " names no verticle");
    }
    return new NodeVerticles(chosen);
  }

  private static int count(String entry, String text) {
    try {
      int count = Integer.parseInt(text.strip());
      if (count >= 1 && count <= 64) {
        return count;
      }
    } catch (NumberFormatException e) {
      // Explained below.
    }
    throw new IllegalArgumentException(
        VARIABLE + ": '" + entry + "' must give between 1 and 64 instances, as in catalog:4");
  }

  public boolean runs(VerticleKind kind) {
    return instances.containsKey(kind);
  }

  public int instancesOf(VerticleKind kind) {
    return instances.getOrDefault(kind, 0);
  }

  public Set<VerticleKind> kinds() {
    return instances.keySet();
  }

  /** Whether any verticle here reads or writes the database. */
  public boolean useDatabase() {
    return instances.keySet().stream().anyMatch(VerticleKind::usesDatabase);
  }

  /** Whether any verticle here signs or verifies access tokens. */
  public boolean useSigningKeys() {
    return runs(VerticleKind.API) || runs(VerticleKind.ACCOUNT);
  }
}
