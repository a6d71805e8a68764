package dev.marketplace.payment.gateway;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of gateway notifications: {@code t=<unix seconds>,v1=<hex>}, where
 * the hex is HMAC-SHA256 under the shared secret of the timestamp, a dot, and the raw body. Signing
 * the timestamp with the body lets the receiver refuse a captured notification replayed later.
 */
public final class WebhookSignature {

  public static final String HEADER = "Webhook-Signature";

  /** How far a notification's timestamp may be from our clock, either way. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);

  private final byte[] secret;

  public WebhookSignature(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The header value for {@code body} sent at {@code at}. */
  public String sign(String body, Instant at) {
    long seconds = at.getEpochSecond();
    return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac(seconds, body));
  }

  /** Why {@code header} does not vouch for {@code body} at {@code now}, or null when it does. */
  public String problemWith(String header, String body, Instant now) {
    if (header == null) {
      return "The " + HEADER + " header is missing.";
    }
    Long seconds = null;
    byte[] given = null;
    for (String part : header.split(",")) {
      String[] pair = part.strip().split("=", 2);
      if (pair.length != 2) {
        continue;
      }
      try {
        if (pair[0].equals("t")) {
          seconds = Long.parseLong(pair[1]);
        } else if (pair[0].equals("v1")) {
          given = HexFormat.of().parseHex(pair[1]);
        }
      } catch (IllegalArgumentException malformed) {
        return "The " + HEADER + " header is malformed.";
      }
    }
    if (seconds == null || given == null) {
      return "The " + HEADER + " header is malformed.";
    }
    if (!MessageDigest.isEqual(mac(seconds, body), given)) {
      return "The signature does not match the body.";
    }
    if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
      return "The signature is too old or from the future; replays are refused.";
    }
    return null;
  }

  private byte[] mac(long seconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((seconds + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
