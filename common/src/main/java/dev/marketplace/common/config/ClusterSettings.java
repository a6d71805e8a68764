package dev.marketplace.common.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How this process joins a Vert.x cluster (Hazelcast, no multicast), when {@code
 * MARKETPLACE_CLUSTER=true}: through a TCP/IP member list ({@code MARKETPLACE_CLUSTER_DISCOVERY
 * =members}, the default), or on Kubernetes through the DNS records of a headless service that
 * selects every node ({@code MARKETPLACE_CLUSTER_DISCOVERY=kubernetes} with {@code
 * MARKETPLACE_CLUSTER_SERVICE_DNS}): Hazelcast's Kubernetes discovery in DNS lookup mode, which
 * needs no access to the Kubernetes API.
 *
 * @param name the cluster's name: nodes of other clusters on the same network are refused
 * @param host the address this node listens on for the cluster, and nowhere else
 * @param port the cluster membership (Hazelcast) port on {@code host}
 * @param busPort the event-bus port on {@code host}, 0 for any free one
 * @param members {@code host:port} of other nodes to join through; one that is up is enough
 * @param healthPort where a node without the api serves {@code /health/live} and {@code
 *     /health/ready}, if anywhere
 * @param serviceDns the headless service whose DNS records list the nodes, when members are found
 *     on Kubernetes instead of from {@code members}
 */
public record ClusterSettings(
    String name,
    String host,
    int port,
    int busPort,
    List<String> members,
    Optional<Integer> healthPort,
    Optional<String> serviceDns) {

  public static final int DEFAULT_PORT = 5701;

  public ClusterSettings {
    members = List.copyOf(members);
  }

  static Optional<ClusterSettings> read(EnvironmentReader reader) {
    if (!reader.bool("MARKETPLACE_CLUSTER", false)) {
      return Optional.empty();
    }
    String name = reader.text("MARKETPLACE_CLUSTER_NAME").orElse("marketplace");
    if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
      throw new IllegalArgumentException(
          "MARKETPLACE_CLUSTER_NAME must be 1 to 64 letters, digits, '.', '-' or '_'");
    }
    String host = reader.text("MARKETPLACE_CLUSTER_HOST").orElse("127.0.0.1");
    if (host.contains(":") && !host.startsWith("[")) {
      throw new IllegalArgumentException(
          "MARKETPLACE_CLUSTER_HOST is the address alone; the port goes in"
              + " MARKETPLACE_CLUSTER_PORT");
    }
    if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      throw new IllegalArgumentException(
          "MARKETPLACE_CLUSTER_HOST must be this node's own address, the one other nodes reach"
              + " it on, not the wildcard "
              + host);
    }
    int port = reader.integer("MARKETPLACE_CLUSTER_PORT", DEFAULT_PORT, 1, 65535);
    int busPort = reader.integer("MARKETPLACE_CLUSTER_BUS_PORT", 0, 0, 65535);
    if (busPort == port) {
      throw new IllegalArgumentException(
          "MARKETPLACE_CLUSTER_BUS_PORT must differ from MARKETPLACE_CLUSTER_PORT");
    }
    List<String> members = new ArrayList<>();
    for (String member : reader.text("MARKETPLACE_CLUSTER_MEMBERS").orElse("").split(",")) {
      if (!member.isBlank()) {
        members.add(member(member.strip()));
      }
    }
    Optional<Integer> healthPort =
        reader.text("MARKETPLACE_HEALTH_PORT").isPresent()
            ? Optional.of(reader.integer("MARKETPLACE_HEALTH_PORT", 0, 0, 65535))
            : Optional.empty();
    return Optional.of(
        new ClusterSettings(name, host, port, busPort, members, healthPort, serviceDns(reader)));
  }

  private static Optional<String> serviceDns(EnvironmentReader reader) {
    String discovery = reader.text("MARKETPLACE_CLUSTER_DISCOVERY").orElse("members");
    Optional<String> dns = reader.text("MARKETPLACE_CLUSTER_SERVICE_DNS");
    switch (discovery) {
      case "members" -> {
        return Optional.empty();
      }
      case "kubernetes" -> {
        if (dns.isEmpty()) {
          throw new IllegalArgumentException(
              "MARKETPLACE_CLUSTER_DISCOVERY=kubernetes needs MARKETPLACE_CLUSTER_SERVICE_DNS, the"
                  + " headless service that selects every node (as in"
                  + " marketplace-cluster.shop.svc.cluster.local)");
        }
        return dns;
      }
      default ->
          throw new IllegalArgumentException(
              "MARKETPLACE_CLUSTER_DISCOVERY must be members or kubernetes, not '"
                  + discovery
                  + "'");
    }
  }

  /** {@code host:port}, with the default port when none is given. */
  private static String member(String member) {
    int colon = member.lastIndexOf(':');
    if (colon < 0) {
      return member + ":" + DEFAULT_PORT;
    }
    String host = member.substring(0, colon);
    String port = member.substring(colon + 1);
    if (host.isEmpty() || !port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
      throw new IllegalArgumentException(
          "MARKETPLACE_CLUSTER_MEMBERS: '"
              + member
              + "' is not host:port (members are comma-separated, as in"
              + " 10.0.0.1:5701,10.0.0.2:5701)");
    }
    return member;
  }
}
