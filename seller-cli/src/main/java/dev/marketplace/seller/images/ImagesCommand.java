package dev.marketplace.seller.images;

import dev.marketplace.client.model.ProductImage;
import dev.marketplace.seller.command.LocalFile;
import dev.marketplace.seller.command.SellerContext;
import dev.marketplace.seller.output.ListPrinter;
import dev.marketplace.seller.output.OutputFormat;
import dev.marketplace.seller.output.OutputOptions;
import dev.marketplace.seller.output.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code images ...}: a product's pictures (JPEG, PNG or WebP, up to 5 MB each). */
@Command(
    name = "images",
    aliases = "image",
    mixinStandardHelpOptions = true,
    description = "Add, list and remove a product's images (JPEG, PNG or WebP, up to 5 MB).")
public final class ImagesCommand {

  @ParentCommand SellerContext cli;

  @Spec CommandSpec spec;

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Upload images, in order, after the product's others.")
  int add(
      @Parameters(index = "0", paramLabel = "PRODUCT") long productId,
      @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE") List<Path> files,
      @Mixin OutputOptions output) {
    for (Path file : files) {
      LocalFile.readable(spec, file);
    }
    List<ProductImage> added = new ArrayList<>();
    for (Path file : files) {
      added.add(cli.client().images().add(productId, file));
    }
    print(added, output.format());
    return 0;
  }

  @Command(
      name = "list",
      aliases = "ls",
      mixinStandardHelpOptions = true,
      description = "A product's images, in order.")
  int list(@Parameters(paramLabel = "PRODUCT") long productId, @Mixin OutputOptions output) {
    print(cli.client().sellerProducts().get(productId).images(), output.format());
    return 0;
  }

  @Command(
      name = "remove",
      aliases = "rm",
      mixinStandardHelpOptions = true,
      description = "Remove one image of a product.")
  int remove(
      @Parameters(index = "0", paramLabel = "PRODUCT") long productId,
      @Parameters(index = "1", paramLabel = "IMAGE") long imageId) {
    cli.client().images().remove(productId, imageId);
    cli.environment().out().println("Removed image " + imageId + " of product " + productId + ".");
    return 0;
  }

  private void print(List<ProductImage> images, OutputFormat format) {
    new ListPrinter<ProductImage>()
        .text("ID", "id", ProductImage::id)
        .text("POSITION", "position", ProductImage::position)
        .text("TYPE", "content_type", ProductImage::contentType)
        .text("SIZE", "size", image -> image.width() + "x" + image.height())
        .text("URL", "url", ProductImage::url)
        .text("THUMBNAIL", "thumbnail_url", ProductImage::thumbnailUrl)
        .print(images, format, cli.environment().out(), new Styles(cli.environment().colour()));
  }
}
