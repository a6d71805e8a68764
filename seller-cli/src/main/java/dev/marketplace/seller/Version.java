package dev.marketplace.seller;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest at build time. */
public final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    return lines();
  }

  /** What {@code --version} prints: this build's version, and the Java it runs on. */
  static String[] lines() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {
      "marketplace-seller " + (version == null ? "(development build)" : version),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
