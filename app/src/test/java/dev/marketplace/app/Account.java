package dev.marketplace.app;

/** A registered, logged-in test user and a client that sends their access token. */
record Account(
    long id, String email, String role, String accessToken, String refreshToken, ApiClient api) {}
