package dev.marketplace.client.model;

import java.time.Instant;

/** An account, as registration answers it. */
public record User(long id, String name, String email, String role, Instant createdAt) {}
