package dev.marketplace.seller.command;

import dev.marketplace.client.MarketplaceClient;
import java.net.URI;

/**
 * What every command gets from the top command ({@code @ParentCommand}): the run's environment, its
 * global options and the client of the server they name. An interface, so that the commands'
 * packages need nothing from the package that lists them.
 */
public interface SellerContext {

  Environment environment();

  boolean verbose();

  /** The server this run talks to, normalized. */
  URI server();

  /** The seller's client of that server, made on first use. */
  MarketplaceClient client();
}
