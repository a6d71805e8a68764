package dev.marketplace.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  @TempDir Path folder;

  @Test
  void theFirstStartMakesAPairAndLaterStartsReadIt() throws Exception {
    SigningKeys first = SigningKeys.loadOrCreate(Optional.empty(), Optional.empty(), folder);
    SigningKeys again = SigningKeys.loadOrCreate(Optional.empty(), Optional.empty(), folder);

    assertThat(again).isEqualTo(first);
    assertThat(Files.getPosixFilePermissions(folder.resolve("es256-private.pem")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void nodesStartingTogetherOnASharedFolderAllGetTheSamePair() throws Exception {
    ExecutorService starts = Executors.newFixedThreadPool(8);
    try {
      List<Future<SigningKeys>> loaded = new ArrayList<>();
      Callable<SigningKeys> start =
          () -> SigningKeys.loadOrCreate(Optional.empty(), Optional.empty(), folder);
      for (int i = 0; i < 8; i++) {
        loaded.add(starts.submit(start));
      }
      SigningKeys first = loaded.get(0).get();
      for (Future<SigningKeys> keys : loaded) {
        assertThat(keys.get()).isEqualTo(first);
      }
      assertThat(SigningKeys.loadOrCreate(Optional.empty(), Optional.empty(), folder))
          .isEqualTo(first);
    } finally {
      starts.shutdownNow();
    }
  }
}
