package dev.marketplace.client;

import dev.marketplace.client.failure.NotSignedInException;

/** Who the client is signed in as, for the operations whose path names the account. */
@FunctionalInterface
interface Identity {

  /** The signed-in account's id; {@link NotSignedInException} when there is no session. */
  long userId();
}
