package dev.marketplace.client.http;

/** Where authenticated calls get their access token. */
public interface TokenSource {

  /** A token to send now, refreshed first if it has expired or is about to. */
  String accessToken();

  /**
   * The server refused {@code token} (401): a token to try once more with, or a {@link
   * dev.marketplace.client.failure.NotSignedInException} when the session has ended.
   */
  String rejected(String token);
}
