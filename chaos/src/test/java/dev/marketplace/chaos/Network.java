package dev.marketplace.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Cuts and slows the links between nodes, and nothing else: every nftables rule lives in a table of
 * this run's own and names a pair of the nodes' addresses and their cluster and bus ports (never
 * 127.0.0.1, never all of loopback); the netem qdisc only gets packets a filter on a node's own
 * address sends it. {@link #close()} removes both, and runs from a shutdown hook too.
 */
final class Network implements AutoCloseable {

  private static final String PREFIX = "marketplace_chaos_";

  private final String table = PREFIX + ProcessHandle.current().pid();
  private final List<Integer> clusterPorts;
  private boolean tableMade;
  private boolean qdiscMade;

  Network(Collection<Integer> clusterPorts) {
    this.clusterPorts = List.copyOf(clusterPorts);
  }

  /**
   * Removes the tables of runs whose JVM is gone (killed with -9: no hook ran). Nothing to do where
   * nft is missing or not permitted.
   */
  static void removeOrphans() {
    String tables;
    try {
      tables = run(List.of("nft", "list", "tables"));
    } catch (Exception noNft) {
      return;
    }
    Matcher ours = Pattern.compile("table inet (" + PREFIX + "(\\d+))").matcher(tables);
    while (ours.find()) {
      boolean running =
          ProcessHandle.of(Long.parseLong(ours.group(2))).map(ProcessHandle::isAlive).orElse(false);
      if (!running) {
        try {
          run(List.of("nft", "delete", "table", "inet", ours.group(1)));
        } catch (Exception e) {
          System.err.println(
              "chaos: could not delete the orphaned table " + ours.group(1) + ": " + e);
        }
      }
    }
  }

  /** Whether nft and tc are there to use (root, with the kernel's support). */
  static boolean available() {
    try {
      run(List.of("nft", "list", "tables"));
      return tcWorks();
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean tcWorks() throws Exception {
    run(List.of("tc", "qdisc", "show", "dev", "lo"));
    return true;
  }

  /**
   * Drops every packet on a cluster or bus port between a node of one side and one of the other.
   */
  synchronized void cut(Collection<Node> one, Collection<Node> other) throws Exception {
    ensureTable();
    String ports = clusterPorts.stream().map(String::valueOf).collect(Collectors.joining(","));
    for (Node a : one) {
      for (Node b : other) {
        for (String[] pair :
            List.of(new String[] {a.address, b.address}, new String[] {b.address, a.address})) {
          for (String direction : List.of("dport", "sport")) {
            run(
                List.of(
                    "nft",
                    "add rule inet "
                        + table
                        + " out ip saddr "
                        + pair[0]
                        + " ip daddr "
                        + pair[1]
                        + " tcp "
                        + direction
                        + " { "
                        + ports
                        + " } drop"));
          }
        }
      }
    }
  }

  private void ensureTable() throws Exception {
    if (!tableMade) {
      run(List.of("nft", "add", "table", "inet", table));
      tableMade = true;
      run(
          List.of(
              "nft",
              "add chain inet "
                  + table
                  + " out { type filter hook output priority 0 ; policy accept ; }"));
    }
  }

  /** Removes every cut. */
  synchronized void heal() throws Exception {
    if (tableMade) {
      run(List.of("nft", "delete", "table", "inet", table));
      tableMade = false;
    }
  }

  /**
   * Delays (and drops some of) the packets that {@code node} sends from its own address: its
   * cluster and bus traffic, and its answers on them. With netem, under an htb root whose default
   * (unshaped) path everyone else's loopback traffic keeps; a kernel without netem gets the loss
   * alone, from nftables, and TCP's retransmissions make the delay. Says which it did.
   */
  synchronized String slow(Node node, int delayMillis, int lossPercent) throws Exception {
    try {
      run(
          List.of(
              "tc", "qdisc", "add", "dev", "lo", "root", "handle", "1:", "htb", "default", "999"));
      qdiscMade = true;
      run(
          List.of(
              "tc", "class", "add", "dev", "lo", "parent", "1:", "classid", "1:4", "htb", "rate",
              "10gbit"));
      run(
          List.of(
              "tc",
              "qdisc",
              "add",
              "dev",
              "lo",
              "parent",
              "1:4",
              "handle",
              "40:",
              "netem",
              "delay",
              delayMillis + "ms",
              "loss",
              lossPercent + "%"));
      for (int port : clusterPorts) {
        for (String direction : List.of("dport", "sport")) {
          run(
              List.of(
                  "tc",
                  "filter",
                  "add",
                  "dev",
                  "lo",
                  "parent",
                  "1:",
                  "protocol",
                  "ip",
                  "prio",
                  "1",
                  "u32",
                  "match",
                  "ip",
                  "src",
                  node.address + "/32",
                  "match",
                  "ip",
                  direction,
                  Integer.toString(port),
                  "0xffff",
                  "flowid",
                  "1:4"));
        }
      }
      return delayMillis + " ms delay and " + lossPercent + " % loss (netem)";
    } catch (IOException noNetem) {
      unslow();
    }
    int loss = Math.max(lossPercent, 20);
    String ports = clusterPorts.stream().map(String::valueOf).collect(Collectors.joining(","));
    ensureTable();
    for (String direction : List.of("dport", "sport")) {
      run(
          List.of(
              "nft",
              "add rule inet "
                  + table
                  + " out ip saddr "
                  + node.address
                  + " tcp "
                  + direction
                  + " { "
                  + ports
                  + " } numgen random mod 100 < "
                  + loss
                  + " drop"));
    }
    return loss + " % loss (nftables; this kernel has no netem)";
  }

  synchronized void unslow() throws Exception {
    if (qdiscMade) {
      run(List.of("tc", "qdisc", "del", "dev", "lo", "root", "handle", "1:"));
      qdiscMade = false;
    }
    heal();
  }

  @Override
  public synchronized void close() {
    try {
      heal();
    } catch (Exception e) {
      System.err.println("chaos: could not delete nft table " + table + ": " + e);
    }
    try {
      unslow();
    } catch (Exception e) {
      System.err.println("chaos: could not delete the netem qdisc on lo: " + e);
    }
  }

  /** Whether anything of this run is left in the kernel (for the tear-down check). */
  synchronized List<String> leftovers() throws Exception {
    List<String> left = new ArrayList<>();
    if (!available()) {
      return left;
    }
    if (run(List.of("nft", "list", "tables")).contains(table)) {
      left.add("nft table " + table);
    }
    if (run(List.of("tc", "qdisc", "show", "dev", "lo")).contains("qdisc htb 1:")) {
      left.add("htb/netem qdisc on lo");
    }
    return left;
  }

  private static String run(List<String> command) throws Exception {
    List<String> argv = new ArrayList<>();
    if (command.size() == 2 && command.get(0).equals("nft")) {
      argv.add("nft");
      argv.addAll(List.of(command.get(1).split(" ")));
    } else {
      argv.addAll(command);
    }
    Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", argv) + " failed: " + output.strip());
    }
    return output;
  }
}
