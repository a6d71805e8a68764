package dev.marketplace.api.readcache;

import io.vertx.core.buffer.Buffer;

/**
 * A 200 answer as the edge sends it: the encoded JSON body, its entity tag, and the route it is
 * counted under in the HTTP metrics. The body is never written to, so every event loop may send it.
 */
public record CachedAnswer(Buffer body, String etag, String route) {}
