package dev.marketplace.seller.command;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Reads a file the user named, saying in plain words why it cannot be read (a usage error, exit 2):
 * the JDK's own messages are only the file's name again.
 */
public final class LocalFile {

  private LocalFile() {}

  /** The file's text (UTF-8). */
  public static String text(CommandSpec spec, Path file) {
    check(spec, file);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw Usage.error(spec, "Cannot read " + file + ": it is not UTF-8 text.");
    } catch (IOException e) {
      throw Usage.error(spec, "Cannot read " + file + ": " + why(e));
    }
  }

  /** Checks that the file is there and may be read, before anything is sent. */
  public static void readable(CommandSpec spec, Path file) {
    check(spec, file);
    if (!Files.isReadable(file)) {
      throw Usage.error(spec, "Cannot read " + file + ": permission denied.");
    }
  }

  private static void check(CommandSpec spec, Path file) {
    if (!Files.exists(file)) {
      throw Usage.error(spec, "Cannot read " + file + ": there is no such file.");
    }
    if (Files.isDirectory(file)) {
      throw Usage.error(spec, "Cannot read " + file + ": it is a directory, not a file.");
    }
  }

  private static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "there is no such file.";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied.";
    }
    String reason = e.getMessage();
    return reason == null || reason.contains(String.valueOf(java.io.File.separatorChar))
        ? "it cannot be read."
        : reason;
  }
}
