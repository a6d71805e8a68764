package dev.marketplace.client.model;

/** What putting a product by its SKU did: {@code created}, {@code updated} or {@code unchanged}. */
public record ProductUpsert(ImportOutcome outcome, Product product) {}
