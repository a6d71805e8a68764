package dev.marketplace.client.auth;

import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.http.TokenSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Keeps one server and role's session fresh. An access token about to expire is refreshed before it
 * is sent; one the server refuses is refreshed once. Refresh tokens work once (reusing one ends the
 * whole session), so a refresh holds the credential store's lock and first looks whether another
 * thread or process has refreshed meanwhile, and then uses that pair instead.
 */
public final class SessionKeeper implements TokenSource {

  /** Tokens this close to expiry are refreshed before use, so they cannot expire in flight. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

  /** Trades a refresh token for new tokens at the server. */
  @FunctionalInterface
  public interface Refresher {
    Tokens refresh(String refreshToken);
  }

  /** What a refresh answers. */
  public record Tokens(String accessToken, String refreshToken, long expiresIn) {}

  private final CredentialStore store;
  private final URI server;
  private final Role role;
  private final Clock clock;
  private final Refresher refresher;
  private Session current;

  public SessionKeeper(
      CredentialStore store, URI server, Role role, Clock clock, Refresher refresher) {
    this.store = store;
    this.server = server;
    this.role = role;
    this.clock = clock;
    this.refresher = refresher;
  }

  /** The stored session, as last seen. */
  public synchronized Optional<Session> session() {
    current = store.load(server, role).orElse(null);
    return Optional.ofNullable(current);
  }

  /** The stored session, or {@link NotSignedInException}. */
  public synchronized Session require() {
    return session().orElseThrow(() -> notSignedIn("Not signed in to " + server + "."));
  }

  /** Keeps a new session, e.g. after login. */
  public synchronized void signedIn(Session session) {
    store.save(server, role, session);
    current = session;
  }

  /** Forgets the session; the one there was, if any. */
  public synchronized Optional<Session> signOut() {
    Optional<Session> was = session();
    store.remove(server, role);
    current = null;
    return was;
  }

  @Override
  public synchronized String accessToken() {
    Session session = current != null ? current : require();
    if (session.expiresWithin(EXPIRY_MARGIN, clock.instant())) {
      session = refresh(session);
    }
    return session.accessToken();
  }

  @Override
  public synchronized String rejected(String token) {
    Session session = current != null ? current : require();
    if (!session.accessToken().equals(token)) {
      return session.accessToken();
    }
    return refresh(session).accessToken();
  }

  private Session refresh(Session stale) {
    return store.locked(
        () -> {
          Session stored = store.load(server, role).orElse(null);
          if (stored == null) {
            current = null;
            throw notSignedIn("Signed out of " + server + ".");
          }
          // Another process refreshed after we last looked: its pair is the live one.
          if (!stored.refreshToken().equals(stale.refreshToken())
              && !stored.expiresWithin(EXPIRY_MARGIN, clock.instant())) {
            current = stored;
            return stored;
          }
          Tokens tokens;
          try {
            tokens = refresher.refresh(stored.refreshToken());
          } catch (ApiException refused) {
            if (refused.status() == 401 || refused.status() == 400) {
              store.remove(server, role);
              current = null;
              throw notSignedIn("Your session on " + server + " has ended.");
            }
            throw refused;
          }
          Session fresh =
              stored.withTokens(
                  tokens.accessToken(),
                  tokens.refreshToken(),
                  clock.instant().plusSeconds(tokens.expiresIn()));
          store.save(server, role, fresh);
          current = fresh;
          return fresh;
        });
  }

  private static NotSignedInException notSignedIn(String what) {
    return new NotSignedInException(what);
  }
}
