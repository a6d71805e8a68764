package dev.marketplace.seller.account;

import dev.marketplace.client.auth.Session;
import java.net.URI;

/** How the account commands name who is signed in. */
final class SignedIn {

  private SignedIn() {}

  /** {@code Gadget Hut <shop@example.com> (seller 1)}. */
  static String who(Session session) {
    return session.name() + " <" + session.email() + "> (seller " + session.userId() + ")";
  }

  /** {@code to http://localhost:8080 as Gadget Hut <shop@example.com> (seller 1).} */
  static String to(URI server, Session session) {
    return "to " + server + " as " + who(session) + ".";
  }
}
