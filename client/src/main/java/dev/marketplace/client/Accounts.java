package dev.marketplace.client;

import dev.marketplace.client.auth.Role;
import dev.marketplace.client.auth.Session;
import dev.marketplace.client.auth.SessionKeeper;
import dev.marketplace.client.failure.ApiException;
import dev.marketplace.client.failure.NotSignedInException;
import dev.marketplace.client.http.Call;
import dev.marketplace.client.http.Transport;
import dev.marketplace.client.model.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Registration, sign-in and sign-out for the client's role; the session is kept in the store. */
public final class Accounts {

  private final Transport transport;
  private final SessionKeeper sessions;
  private final Role role;
  private final Clock clock;

  Accounts(Transport transport, SessionKeeper sessions, Role role, Clock clock) {
    this.transport = transport;
    this.sessions = sessions;
    this.role = role;
    this.clock = clock;
  }

  /** Creates an account of the client's role (409 {@code duplicate} if the email is taken). */
  public User register(String name, String email, String password) {
    return transport.send(
        Call.post("/api/" + role.pathSegment() + "/register")
            .json(Map.of("name", name, "email", email, "password", password)),
        User.class);
  }

  /** Signs in and keeps the session; a wrong password is 401 {@code invalid_credentials}. */
  public Session login(String email, String password) {
    LoginAnswer answer =
        transport.send(
            Call.post("/api/" + role.pathSegment() + "/login")
                .json(Map.of("email", email, "password", password)),
            LoginAnswer.class);
    Session session =
        new Session(
            answer.id(),
            answer.name(),
            answer.email(),
            answer.role(),
            answer.accessToken(),
            answer.refreshToken(),
            clock.instant().plusSeconds(answer.expiresIn()));
    sessions.signedIn(session);
    return session;
  }

  /**
   * Ends the session at the server (its refresh tokens stop working) and forgets it here, even when
   * the server cannot be told; the session there was, if any.
   */
  public Optional<Session> logout() {
    Optional<Session> session = sessions.session();
    try {
      session.ifPresent(
          known ->
              transport.send(
                  Call.post("/api/auth/logout")
                      .json(Map.of("refresh_token", known.refreshToken()))));
    } catch (ApiException alreadyEnded) {
      // 401: the server had ended it already; forgetting it here is all that is left to do.
    } finally {
      sessions.signOut();
    }
    return session;
  }

  /** The stored session, without asking the server. */
  public Optional<Session> session() {
    return sessions.session();
  }

  /**
   * The stored session, after checking with the server that it still works (refreshing it if its
   * access token has expired); {@link NotSignedInException} if there is none or it has ended.
   */
  public Session verify() {
    Session session = sessions.require();
    String ownList = "/api/" + role.pathSegment() + "/" + session.userId();
    transport.send(
        Call.get(role == Role.SELLER ? ownList + "/products" : ownList + "/orders")
            .query("limit", 1)
            .authenticated());
    return sessions.require();
  }

  /** Trades a refresh token for new tokens (the old one stops working). */
  static SessionKeeper.Tokens refresh(Transport transport, String refreshToken) {
    TokenAnswer answer =
        transport.send(
            Call.post("/api/auth/refresh").json(Map.of("refresh_token", refreshToken)),
            TokenAnswer.class);
    return new SessionKeeper.Tokens(
        answer.accessToken(), answer.refreshToken(), answer.expiresIn());
  }

  record LoginAnswer(
      long id,
      String name,
      String email,
      String role,
      Instant createdAt,
      String accessToken,
      String refreshToken,
      String tokenType,
      long expiresIn) {}

  record TokenAnswer(String accessToken, String refreshToken, String tokenType, long expiresIn) {}
}
