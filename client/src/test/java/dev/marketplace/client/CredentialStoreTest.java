package dev.marketplace.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketplace.client.auth.CredentialStore;
import dev.marketplace.client.auth.Role;
import dev.marketplace.client.auth.Session;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credentials file: where it is, who may read it, and that writers never lose each other. */
class CredentialStoreTest {

  @TempDir Path home;

  @Test
  void livesUnderXdgConfigHomeOrElseTheHomeConfigFolder() {
    Path xdg = home.resolve("xdg");

    assertThat(CredentialStore.defaultLocation(Map.of("XDG_CONFIG_HOME", xdg.toString())).path())
        .isEqualTo(xdg.resolve("marketplace/credentials.json"));
    assertThat(CredentialStore.defaultLocation(Map.of("XDG_CONFIG_HOME", "relative/dir")).path())
        .isEqualTo(
            Path.of(System.getProperty("user.home"), ".config/marketplace/credentials.json"));
    assertThat(CredentialStore.defaultLocation(Map.of()).path())
        .isEqualTo(
            Path.of(System.getProperty("user.home"), ".config/marketplace/credentials.json"));
  }

  @Test
  void concurrentWritersOfManyServersLoseNothing() throws Exception {
    CredentialStore store = CredentialStore.at(home.resolve("c/credentials.json"));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      URI server = URI.create("http://shop" + i + ".example:8080");
      Role role = i % 2 == 0 ? Role.BUYER : Role.SELLER;
      long id = i;
      writes.add(pool.submit(() -> store.save(server, role, session(id))));
    }
    for (Future<?> write : writes) {
      write.get();
    }
    pool.shutdown();

    for (int i = 0; i < 40; i++) {
      URI server = URI.create("http://shop" + i + ".example:8080");
      assertThat(store.load(server, i % 2 == 0 ? Role.BUYER : Role.SELLER))
          .map(Session::userId)
          .contains((long) i);
    }
    try (var leftovers = Files.list(store.path().getParent())) {
      assertThat(leftovers.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("credentials.json", "credentials.json.lock");
    }
  }

  @Test
  void removingOneRoleKeepsTheOther() {
    CredentialStore store = CredentialStore.at(home.resolve("credentials.json"));
    URI server = URI.create("http://localhost:8080");
    store.save(server, Role.BUYER, session(1));
    store.save(server, Role.SELLER, session(2));

    assertThat(store.remove(server, Role.SELLER)).isTrue();
    assertThat(store.remove(server, Role.SELLER)).isFalse();

    assertThat(store.load(server, Role.BUYER)).map(Session::userId).contains(1L);
    assertThat(store.load(server, Role.SELLER)).isEmpty();
  }

  /** Every field of a session comes back as it was saved, beside other servers' and roles'. */
  @Test
  void aSessionComesBackWhole() {
    CredentialStore store = CredentialStore.at(home.resolve("credentials.json"));
    URI server = URI.create("http://localhost:8080");
    Session seller =
        new Session(7, "Seller", "s@example.com", "seller", "access", "refresh", Instant.now());
    Session buyer = session(2);
    store.save(URI.create("http://other.example:8080"), Role.SELLER, session(1));
    store.save(server, Role.BUYER, buyer);
    store.save(server, Role.SELLER, seller);

    assertThat(store.load(server, Role.SELLER)).contains(seller);
    assertThat(store.load(server, Role.BUYER)).contains(buyer);
    assertThat(store.load(URI.create("http://nowhere.example"), Role.SELLER)).isEmpty();
  }

  /** A session whose fields hold what they cannot is no session: the person signs in again. */
  @Test
  void aSessionThatCannotBeReadIsNone() throws Exception {
    Path file = home.resolve("credentials.json");
    Files.writeString(
        file,
        """
        {"servers": {"http://localhost:8080": {
          "seller": {"user_id": "seven", "name": "S"},
          "buyer": {"user_id": 3, "access_expires_at": "tomorrow"}}}}""");
    CredentialStore store = CredentialStore.at(file);

    assertThat(store.load(URI.create("http://localhost:8080"), Role.SELLER)).isEmpty();
    assertThat(store.load(URI.create("http://localhost:8080"), Role.BUYER)).isEmpty();
  }

  @Test
  void aDamagedFileSaysWhatToDo() throws Exception {
    Path file = home.resolve("credentials.json");
    Files.writeString(file, "{not json");
    CredentialStore store = CredentialStore.at(file);

    assertThatThrownBy(() -> store.load(URI.create("http://localhost:8080"), Role.BUYER))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("remove it to sign in afresh");
  }

  private static Session session(long id) {
    return new Session(
        id, "User " + id, id + "@example.com", "buyer", "a" + id, "r" + id, Instant.now());
  }
}
