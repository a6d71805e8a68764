package dev.marketplace.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.common.error.DomainException;
import dev.marketplace.common.error.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What an upload really is, told by its bytes: real JPEGs and PNGs are accepted with their size and
 * a thumbnail; anything else, whatever it claims to be, is refused, and an image too large to
 * decode safely is refused before it is decoded.
 */
class ImageInspectorTest {

  private final ImageInspector inspector = new ImageInspector();

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg"})
  void acceptsARealImageWithItsSizeAndAThumbnail(String format) throws IOException {
    byte[] bytes = image(format, 1200, 800, BufferedImage.TYPE_INT_RGB);

    ImageInspector.Inspected inspected = inspector.inspect(bytes);

    assertThat(inspected.contentType()).isEqualTo("image/" + format);
    assertThat(inspected.width()).isEqualTo(1200);
    assertThat(inspected.height()).isEqualTo(800);
    assertThat(inspected.sha256()).hasSize(64);
    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(inspected.thumbnail()));
    assertThat(thumbnail.getWidth()).isEqualTo(ImageInspector.THUMBNAIL_SIDE);
    assertThat(thumbnail.getHeight()).isEqualTo(213);
  }

  @Test
  void aSmallImageKeepsItsSizeInTheThumbnail() throws IOException {
    byte[] bytes = image("png", 40, 30, BufferedImage.TYPE_INT_ARGB);

    ImageInspector.Inspected inspected = inspector.inspect(bytes);

    BufferedImage thumbnail = ImageIO.read(new ByteArrayInputStream(inspected.thumbnail()));
    assertThat(thumbnail.getWidth()).isEqualTo(40);
    assertThat(thumbnail.getHeight()).isEqualTo(30);
  }

  @Test
  void theSameBytesHaveTheSameHash() throws IOException {
    byte[] bytes = image("png", 10, 10, BufferedImage.TYPE_INT_RGB);

    assertThat(inspector.inspect(bytes).sha256())
        .isEqualTo(inspector.inspect(bytes.clone()).sha256());
  }

  @Test
  void refusesWhatIsNoImage() {
    assertRefused(new byte[0], ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertRefused(
        "GIF89a not supported".getBytes(StandardCharsets.US_ASCII),
        ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertRefused(
        "<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(StandardCharsets.UTF_8),
        ErrorCode.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void refusesAFileThatOnlyStartsLikeAnImage() throws IOException {
    byte[] png = image("png", 200, 200, BufferedImage.TYPE_INT_RGB);

    assertRefused(Arrays.copyOf(png, 40), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertRefused(Arrays.copyOf(png, 8), ErrorCode.UNSUPPORTED_MEDIA_TYPE);
    assertRefused(
        "RIFF\0\0\0\0WEBPVP8 garbage".getBytes(StandardCharsets.ISO_8859_1),
        ErrorCode.UNSUPPORTED_MEDIA_TYPE);
  }

  @Test
  void refusesAnImageWiderThanAllowedBeforeDecodingIt() throws IOException {
    byte[] wide = image("png", ImageInspector.MAX_SIDE + 1, 1, BufferedImage.TYPE_BYTE_BINARY);

    assertRefused(wide, ErrorCode.PAYLOAD_TOO_LARGE);
  }

  @Test
  void refusesAnImageOfTooManyPixelsEvenWithinTheSideLimit() throws IOException {
    int side = ImageInspector.MAX_SIDE;
    int rows = (int) (ImageInspector.MAX_PIXELS / side) + 1;
    byte[] huge = image("png", side, rows, BufferedImage.TYPE_BYTE_BINARY);

    assertRefused(huge, ErrorCode.PAYLOAD_TOO_LARGE);
  }

  private void assertRefused(byte[] bytes, ErrorCode code) {
    assertThatThrownBy(() -> inspector.inspect(bytes))
        .isInstanceOfSatisfying(
            DomainException.class, refused -> assertThat(refused.code()).isEqualTo(code));
  }

  private static byte[] image(String format, int width, int height, int type) throws IOException {
    BufferedImage image = new BufferedImage(width, height, type);
    for (int x = 0; x < Math.min(width, 50); x++) {
      image.setRGB(x, x % height, 0xFF3366);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
    return out.toByteArray();
  }
}
