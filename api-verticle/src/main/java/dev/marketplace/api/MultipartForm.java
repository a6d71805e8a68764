package dev.marketplace.api;

import dev.marketplace.api.validation.InvalidRequest;
import dev.marketplace.api.validation.Violation;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostMultipartRequestDecoder;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads one file out of a complete {@code multipart/form-data} body, with Netty's decoder (the one
 * Vert.x uses itself). Decoding the whole body at once, after it has arrived, means a body that
 * breaks off mid-part is simply a bad request: there is no stream left waiting for more.
 */
final class MultipartForm {

  /** A form with an image needs one field; a few spare ones cost nothing. */
  private static final int MAX_FIELDS = 16;

  private MultipartForm() {}

  /** The bytes of the file in {@code field}; 400 when the body is not a complete form with one. */
  static byte[] file(String contentType, Buffer body, String field) {
    FullHttpRequest request =
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1,
            HttpMethod.POST,
            "/",
            Unpooled.wrappedBuffer(body == null ? new byte[0] : body.getBytes()));
    request.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    if (!HttpPostRequestDecoder.isMultipart(request)) {
      request.release();
      throw new InvalidRequest(List.of(Violation.of(Violation.BODY, Violation.Rules.MULTIPART)));
    }
    HttpPostMultipartRequestDecoder decoder = null;
    try {
      // Nothing is buffered beyond the body, which the reader already limited.
      decoder =
          new HttpPostMultipartRequestDecoder(
              new DefaultHttpDataFactory(false), request, StandardCharsets.UTF_8, MAX_FIELDS, -1);
      for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
        if (data instanceof FileUpload upload
            && upload.getName().equals(field)
            && upload.isCompleted()) {
          return upload.get();
        }
      }
      throw new InvalidRequest(List.of(Violation.of(field, Violation.Rules.FORM_FILE)));
    } catch (DecoderException | IOException malformed) {
      throw new InvalidRequest(List.of(Violation.of(Violation.BODY, Violation.Rules.MULTIPART)));
    } finally {
      if (decoder != null) {
        decoder.destroy();
      }
      request.release();
    }
  }
}
