package dev.marketplace.client.model;

/** A product and how many of it, for a checkout. */
public record CartLine(long productId, int quantity) {}
