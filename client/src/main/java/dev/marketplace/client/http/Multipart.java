package dev.marketplace.client.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** A {@code multipart/form-data} body with one file part, as image uploads take it. */
public final class Multipart {

  private final String boundary;
  private final byte[] bytes;

  private Multipart(String boundary, byte[] bytes) {
    this.boundary = boundary;
    this.bytes = bytes;
  }

  /** A form whose field {@code field} is the content of {@code file}. */
  public static Multipart ofFile(String field, Path file) throws IOException {
    byte[] content = Files.readAllBytes(file);
    String type = Files.probeContentType(file);
    String boundary = "marketplace-" + UUID.randomUUID();
    String fileName = file.getFileName().toString().replaceAll("[\"\\r\\n]", "_");
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 512);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + field
                + "\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + (type == null ? "application/octet-stream" : type)
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart(boundary, body.toByteArray());
  }

  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  public int size() {
    return bytes.length;
  }

  HttpRequest.BodyPublisher publisher() {
    return HttpRequest.BodyPublishers.ofByteArray(bytes);
  }
}
