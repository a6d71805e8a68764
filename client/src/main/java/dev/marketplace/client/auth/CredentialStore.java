package dev.marketplace.client.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private static final JsonFactory STREAMS = new JsonFactory();
  private static final Set<String> SESSION_FIELDS =
      Set.of(
          "user_id", "name", "email", "role", "access_token", "refresh_token", "access_expires_at");

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

  /**
   * The session stored for this server and role, if any. Read with Jackson's streaming parser, not
   * the mapper: the first ObjectMapper of a process loads the JDK's locale data for its date
   * format, tens of milliseconds of a command such as whoami, which needs no other JSON mapping.
   */
  public Optional<Session> load(URI server, Role role) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (JsonParser parser = STREAMS.createParser(file.toFile())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      return Optional.ofNullable(
          find(parser, List.of("servers", server.toString(), role.wireName())));
    } catch (IOException e) {
      throw unreadable(e);
    }
  }

  /**
   * In the object the parser has just entered, reading it to its end: the session at the end of
   * {@code path} (the names of nested objects), or null.
   */
  private static Session find(JsonParser parser, List<String> path) throws IOException {
    Session found = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      if (parser.nextToken() == JsonToken.START_OBJECT && name.equals(path.get(0))) {
        found = path.size() == 1 ? session(parser) : find(parser, path.subList(1, path.size()));
      } else {
        parser.skipChildren();
      }
    }
    return found;
  }

  /**
   * The session in the object the parser has just entered, as {@link #save} wrote it (the API's
   * snake_case names); null where the mapper would not read it either: an object or a list for a
   * field, a user id that is not a whole number, a time that is not ISO-8601. CredentialStoreTest
   * checks that every field comes back.
   */
  private static Session session(JsonParser parser) throws IOException {
    Map<String, String> values = new HashMap<>();
    long userId = 0;
    boolean readable = true;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("user_id")) {
        readable &= value == JsonToken.VALUE_NUMBER_INT;
        userId = readable ? parser.getLongValue() : 0;
      } else if (value.isScalarValue()) {
        values.put(field, value == JsonToken.VALUE_NULL ? null : parser.getText());
      } else {
        readable &= !SESSION_FIELDS.contains(field);
        parser.skipChildren();
      }
    }
    try {
      String expires = values.get("access_expires_at");
      return readable
          ? new Session(
              userId,
              values.get("name"),
              values.get("email"),
              values.get("role"),
              values.get("access_token"),
              values.get("refresh_token"),
              expires == null ? null : Instant.parse(expires))
          : null;
    } catch (DateTimeParseException e) {
      return null;
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
      throw unreadable(e);
    }
  }

  private UncheckedIOException unreadable(IOException e) {
    return new UncheckedIOException(
        "Cannot read " + file + " (remove it to sign in afresh): " + e.getMessage(), e);
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
