package dev.marketplace.client.model;

/** A category of active products and how many it has. */
public record Category(String name, long productCount) {}
