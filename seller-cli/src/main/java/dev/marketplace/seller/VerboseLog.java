package dev.marketplace.seller;

import dev.marketplace.client.http.Exchange;
import dev.marketplace.client.http.ExchangeListener;
import dev.marketplace.client.http.Redaction;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code --verbose}: every HTTP exchange on standard error, with tokens and passwords masked. */
final class VerboseLog implements ExchangeListener {

  private static final int MAX_BODY = 4000;

  private final PrintWriter err;

  VerboseLog(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void exchanged(Exchange exchange) {
    err.println("> " + exchange.method() + " " + exchange.uri());
    headers("> ", exchange.requestHeaders());
    body("> ", Redaction.body(exchange.requestBody()));
    if (exchange.failure() != null) {
      err.println(
          "< (no answer: " + exchange.failure() + ", " + exchange.duration().toMillis() + " ms)");
    } else {
      err.println("< " + exchange.status() + " (" + exchange.duration().toMillis() + " ms)");
      headers("< ", exchange.responseHeaders());
      body("< ", Redaction.body(exchange.responseBody()));
    }
    err.println();
    err.flush();
  }

  private void headers(String prefix, Map<String, List<String>> headers) {
    headers.forEach(
        (name, values) ->
            values.forEach(
                value -> err.println(prefix + name + ": " + Redaction.header(name, value))));
  }

  private void body(String prefix, String body) {
    if (body == null) {
      return;
    }
    String shown =
        body.length() > MAX_BODY
            ? body.substring(0, MAX_BODY) + "…(" + (body.length() - MAX_BODY) + " more characters)"
            : body;
    err.println(prefix);
    err.println(shown);
  }
}
