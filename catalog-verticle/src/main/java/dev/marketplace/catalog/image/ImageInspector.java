package dev.marketplace.catalog.image;

import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import dev.marketplace.common.security.Sha256;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decides what an upload really is, by its bytes rather than its name or declared type: a JPEG, PNG
 * or WebP that decodes, within the size limits, and makes its thumbnail. Decoding is slow and
 * blocking: call it off the event loop.
 */
public final class ImageInspector {

  static final int MAX_SIDE = 8000;
  static final long MAX_PIXELS = 40_000_000L;
  static final int THUMBNAIL_SIDE = 320;

  /** What an accepted image is, with its thumbnail (always a JPEG). */
  public record Inspected(
      String contentType, int width, int height, String sha256, byte[] thumbnail) {}

  public Inspected inspect(byte[] bytes) {
    String contentType = typeByMagicBytes(bytes);
    if (contentType == null) {
      throw unsupported();
    }
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw unsupported();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        // Checked before decoding, so a small file claiming huge dimensions is never expanded.
        if (width > MAX_SIDE || height > MAX_SIDE || (long) width * height > MAX_PIXELS) {
          throw new DomainException(
              ErrorCode.PAYLOAD_TOO_LARGE,
              "Images may be at most " + MAX_SIDE + " pixels on a side.");
        }
        BufferedImage image = reader.read(0);
        return new Inspected(contentType, width, height, Sha256.hex(bytes), thumbnail(image));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException broken) {
      if (broken instanceof DomainException domain) {
        throw domain;
      }
      throw unsupported();
    }
  }

  private static String typeByMagicBytes(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (b.length >= 8
        && (b[0] & 0xFF) == 0x89
        && b[1] == 'P'
        && b[2] == 'N'
        && b[3] == 'G'
        && b[4] == 0x0D
        && b[5] == 0x0A
        && b[6] == 0x1A
        && b[7] == 0x0A) {
      return "image/png";
    }
    if (b.length >= 12
        && b[0] == 'R'
        && b[1] == 'I'
        && b[2] == 'F'
        && b[3] == 'F'
        && b[8] == 'W'
        && b[9] == 'E'
        && b[10] == 'B'
        && b[11] == 'P') {
      return "image/webp";
    }
    return null;
  }

  private static byte[] thumbnail(BufferedImage image) throws IOException {
    double scale =
        Math.min(1.0, (double) THUMBNAIL_SIDE / Math.max(image.getWidth(), image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = small.createGraphics();
    try {
      graphics.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      graphics.drawImage(image, 0, 0, width, height, java.awt.Color.WHITE, null);
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(small, "jpeg", out);
    return out.toByteArray();
  }

  private static DomainException unsupported() {
    return new DomainException(
        ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The file must be a JPEG, PNG or WebP image.");
  }
}
