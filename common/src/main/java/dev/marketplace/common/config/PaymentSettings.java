package dev.marketplace.common.config;

import java.util.Optional;

/**
 * Which card gateway the payment verticle talks to, and how. Without a gateway URL the app starts
 * the sandbox gateway on {@code sandboxPort}, with secrets of its own unless given.
 *
 * @param provider the gateway's name in the webhook path {@code /api/payments/webhooks/{provider}}
 * @param gatewayUrl base URL of an external gateway, or empty for the sandbox
 * @param apiKey the key the gateway expects as bearer token
 * @param webhookSecret the secret gateway notifications are signed with
 * @param sandboxHost the address the sandbox listens on
 * @param sandboxPort where the sandbox listens (0 for any free port)
 * @param sandboxWebhookUrl where the sandbox sends its webhooks, or empty for this process's own
 *     HTTP port on 127.0.0.1
 * @param timeoutMillis how long one gateway call may take before its outcome counts as unknown
 * @param reconcileSeconds how often unsettled payments and due refunds are swept
 */
public record PaymentSettings(
    String provider,
    Optional<String> gatewayUrl,
    Optional<String> apiKey,
    Optional<String> webhookSecret,
    String sandboxHost,
    int sandboxPort,
    Optional<String> sandboxWebhookUrl,
    int timeoutMillis,
    int reconcileSeconds) {

  static PaymentSettings read(EnvironmentReader reader) {
    PaymentSettings settings =
        new PaymentSettings(
            reader.text("MARKETPLACE_PAYMENT_PROVIDER").orElse("sandbox"),
            reader.text("MARKETPLACE_PAYMENT_GATEWAY_URL"),
            reader.text("MARKETPLACE_PAYMENT_API_KEY"),
            reader.text("MARKETPLACE_PAYMENT_WEBHOOK_SECRET"),
            reader.text("MARKETPLACE_SANDBOX_HOST").orElse("127.0.0.1"),
            reader.integer("MARKETPLACE_SANDBOX_PORT", 8081, 0, 65535),
            reader.text("MARKETPLACE_SANDBOX_WEBHOOK_URL"),
            reader.integer("MARKETPLACE_PAYMENT_TIMEOUT_MS", 2000, 100, 60_000),
            reader.integer("MARKETPLACE_PAYMENT_RECONCILE_SECONDS", 30, 1, 3600));
    if (!settings.provider().matches("[a-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException(
          "MARKETPLACE_PAYMENT_PROVIDER must be 1 to 32 lowercase letters, digits, '-' or '_'");
    }
    if (settings.gatewayUrl().isPresent()
        && (settings.apiKey().isEmpty() || settings.webhookSecret().isEmpty())) {
      throw new IllegalArgumentException(
          "MARKETPLACE_PAYMENT_GATEWAY_URL needs MARKETPLACE_PAYMENT_API_KEY and"
              + " MARKETPLACE_PAYMENT_WEBHOOK_SECRET");
    }
    settings.gatewayUrl().ifPresent(url -> checkHttpUrl("MARKETPLACE_PAYMENT_GATEWAY_URL", url));
    settings
        .sandboxWebhookUrl()
        .ifPresent(url -> checkHttpUrl("MARKETPLACE_SANDBOX_WEBHOOK_URL", url));
    return settings;
  }

  private static void checkHttpUrl(String variable, String url) {
    if (!url.matches("https?://[^/\\s]+(/\\S*)?")) {
      throw new IllegalArgumentException(
          variable + " must be an http:// or https:// URL, not '" + url + "'");
    }
  }

  /** Whether the sandbox's API key and webhook secret are given rather than made at start. */
  public boolean sharedSecrets() {
    return apiKey.isPresent() && webhookSecret.isPresent();
  }

  public boolean usesSandbox() {
    return gatewayUrl.isEmpty();
  }
}
