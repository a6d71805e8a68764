package dev.marketplace.common.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The verticles a process can run, by the names {@code MARKETPLACE_VERTICLES} uses. */
public enum VerticleKind {
  API(false),
  ACCOUNT(true),
  CATALOG(true),
  ORDER(true),
  PAYMENT(true),
  /** The sandbox card gateway: a stand-in for a real processor, with its ledger in memory. */
  SANDBOX(false);

  private final boolean usesDatabase;

  VerticleKind(boolean usesDatabase) {
    this.usesDatabase = usesDatabase;
  }

  public boolean usesDatabase() {
    return usesDatabase;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static VerticleKind named(String name) {
    for (VerticleKind kind : values()) {
      if (kind.wireName().equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "MARKETPLACE_VERTICLES names '" + name + "'; the verticles are " + allNames());
  }

  static String allNames() {
    return Arrays.stream(values()).map(VerticleKind::wireName).collect(Collectors.joining(", "));
  }
}
