package dev.marketplace.common.db;

/** One PostgreSQL server of a database's list: where it listens. */
public record DatabaseHost(String host, int port) {

  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
