package dev.marketplace.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.marketplace.client.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The sessions of the terminal clients, in one JSON file readable by its owner only (0600, in a
 * 0700 directory): one entry per server and role, so that a seller and a buyer session on the same
 * server live side by side.
 *
 * <pre>{"servers": {"http://localhost:8080": {"seller": {...}, "buyer": {...}}}}</pre>
 *
 * <p>Every change is a read-modify-write under an exclusive lock (a lock file, plus a lock per file
 * within this JVM), written to a private temporary file and moved into place, so that several
 * processes (a {@code watch} in one terminal, commands in another) never lose each other's changes
 * or read a half-written file.
 */
public final class CredentialStore {

  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final Path file;

  private CredentialStore(Path file) {
    this.file = file.toAbsolutePath();
  }

  public static CredentialStore at(Path file) {
    return new CredentialStore(file);
  }

  /**
   * {@code $XDG_CONFIG_HOME/marketplace/credentials.json}, or {@code
   * ~/.config/marketplace/credentials.json} when that variable is unset or not an absolute path.
   */
  public static CredentialStore defaultLocation(Map<String, String> environment) {
    String configHome = environment.get("XDG_CONFIG_HOME");
    Path base =
        configHome != null && !configHome.isBlank() && Path.of(configHome).isAbsolute()
            ? Path.of(configHome)
            : Path.of(System.getProperty("user.home"), ".config");
    return at(base.resolve("marketplace").resolve("credentials.json"));
  }

  public Path path() {
    return file;
  }

  /** The session stored for this server and role, if any. */
  public Optional<Session> load(URI server, Role role) {
    JsonNode entry = read().path("servers").path(server.toString()).path(role.wireName());
    if (!entry.isObject()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().treeToValue(entry, Session.class));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /** Stores the session of this server and role, replacing the one there was. */
  public void save(URI server, Role role, Session session) {
    locked(
        () -> {
          ObjectNode all = read();
          ObjectNode servers = all.withObject("servers");
          servers
              .withObject(server.toString())
              .set(role.wireName(), Json.mapper().valueToTree(session));
          write(all);
          return null;
        });
  }

  /** Forgets the session of this server and role; true if there was one. */
  public boolean remove(URI server, Role role) {
    return locked(
        () -> {
          ObjectNode all = read();
          JsonNode forServer = all.path("servers").path(server.toString());
          if (!(forServer instanceof ObjectNode entries)
              || entries.remove(role.wireName()) == null) {
            return false;
          }
          if (entries.isEmpty()) {
            ((ObjectNode) all.get("servers")).remove(server.toString());
          }
          write(all);
          return true;
        });
  }

  /**
   * Runs {@code work} holding the store's lock against every other thread and process; calls inside
   * it (save, remove, a nested lock) do not wait for themselves.
   */
  public <T> T locked(Supplier<T> work) {
    ReentrantLock lock = LOCKS.computeIfAbsent(file, path -> new ReentrantLock());
    lock.lock();
    try {
      if (lock.getHoldCount() > 1) {
        return work.get();
      }
      createDirectory();
      Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
      try (FileChannel channel =
              FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        return work.get();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot lock " + lockFile, e);
      }
    } finally {
      lock.unlock();
    }
  }

  private ObjectNode read() {
    if (!Files.exists(file)) {
      return Json.mapper().createObjectNode();
    }
    try {
      JsonNode root = Json.mapper().readTree(file.toFile());
      return root instanceof ObjectNode object ? object : Json.mapper().createObjectNode();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read " + file + " (remove it to sign in afresh): " + e.getMessage(), e);
    }
  }

  private void write(ObjectNode all) {
    try {
      Path temporary =
          Files.createTempFile(file.getParent(), ".credentials", ".tmp", ownerOnly("rw-------"));
      try {
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), all);
        move(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void move(Path temporary) throws IOException {
    try {
      Files.move(
          temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void createDirectory() {
    Path directory = file.getParent();
    if (Files.isDirectory(directory)) {
      return;
    }
    try {
      Files.createDirectories(directory, ownerOnly("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The permissions as a creation attribute where the file system has POSIX permissions. */
  private static FileAttribute<?>[] ownerOnly(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
