package dev.marketplace.client.testing;

import dev.marketplace.client.MarketplaceClient;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts for the client tests and the terminal clients' tests: each one new, so that tests
 * sharing a marketplace never meet each other's users.
 */
public final class TestAccounts {

  /** Every test account's password. */
  public static final String PASSWORD = "correct-horse-battery";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private TestAccounts() {}

  /** An email no other account has: the name, a counter and the clock (for reruns on one DB). */
  public static String uniqueEmail(String name) {
    return name.toLowerCase().replaceAll("[^a-z]+", ".")
        + "-"
        + SEQUENCE.incrementAndGet()
        + "-"
        + System.nanoTime()
        + "@example.com";
  }

  /** Registers {@code name} with a new email through {@code client} and signs it in there. */
  public static MarketplaceClient signUp(MarketplaceClient client, String name) {
    String email = uniqueEmail(name);
    client.accounts().register(name, email, PASSWORD);
    client.accounts().login(email, PASSWORD);
    return client;
  }
}
