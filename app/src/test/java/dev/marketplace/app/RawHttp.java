package dev.marketplace.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Sends bytes that no well-behaved HTTP client would, over a plain socket, and reads the one
 * response: for requests a client library refuses to send (a NUL in a header, an unclosed multipart
 * body, a bad percent-escape).
 */
final class RawHttp {

  /** What came back: the status (0 when nothing did), the content type and the body. */
  record Answer(int status, String contentType, String body, String problem) {

    boolean answered() {
      return status > 0;
    }
  }

  private RawHttp() {}

  static Answer send(int port, byte[] request, Duration timeout) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout((int) timeout.toMillis());
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      return read(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      return new Answer(0, null, null, "no answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      return new Answer(0, null, null, "connection failed: " + e);
    }
  }

  static Answer send(int port, String request, Duration timeout) {
    return send(port, request.getBytes(StandardCharsets.ISO_8859_1), timeout);
  }

  private static Answer read(InputStream in) throws IOException {
    String head = readHead(in);
    if (head.isEmpty()) {
      return new Answer(0, null, null, "connection closed without an answer");
    }
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String contentType = null;
    int length = -1;
    for (String line : lines) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-type:")) {
        contentType = line.substring(line.indexOf(':') + 1).strip();
      } else if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    byte[] body = length < 0 ? new byte[0] : in.readNBytes(length);
    return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8), null);
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    int b;
    while (matched < 4 && (b = in.read()) != -1) {
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
