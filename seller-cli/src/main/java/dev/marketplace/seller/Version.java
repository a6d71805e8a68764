package dev.marketplace.seller;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest at build time. */
public final class Version implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = Version.class.getPackage().getImplementationVersion();
    return new String[] {
      "marketplace-seller " + (version == null ? "(development build)" : version),
      "Java ${java.version} (${java.vendor})"
    };
  }
}
