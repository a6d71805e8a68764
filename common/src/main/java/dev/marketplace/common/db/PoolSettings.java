package dev.marketplace.common.db;

/**
 * The database a verticle works on and the size of the one pool that every verticle of the process
 * shares.
 */
public record PoolSettings(DatabaseSettings database, int size) {}
