package dev.marketplace.api.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketplace.common.bus.Invalidations;
import dev.marketplace.common.bus.Invalidations.Invalidation;
import dev.marketplace.common.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadPositionsTest {

  private static final String ALICE = "Bearer alice-token";
  private static final String BOB = "Bearer bob-token";
  private static final Duration HOLD = Duration.ofSeconds(6);

  private final TestClock clock = new TestClock();
  private final ReadPositions positions = new ReadPositions(clock, HOLD);

  @Test
  void aCallersReadsReflectTheirLastWriteForTheHold() {
    positions.wrote(ALICE, "1000");
    positions.wrote(ALICE, "900");

    assertThat(positions.readAfter(ALICE, null)).as("the later of the two").isEqualTo(1000);
    assertThat(positions.readAfter(BOB, null)).as("another caller").isZero();
    assertThat(positions.readAfter(null, null)).as("nobody in particular").isZero();

    clock.advance(HOLD.plusMillis(1));
    assertThat(positions.readAfter(ALICE, null))
        .as("after the hold every serving replica has it")
        .isZero();
  }

  @Test
  void aWriteThePrimaryCouldNotPlaceSendsThatCallersReadsToThePrimary() {
    positions.wrote(ALICE, "unknown");

    assertThat(positions.readAfter(ALICE, null)).isEqualTo(Invalidations.UNKNOWN_POSITION);
    assertThat(positions.readAfter(BOB, null)).isZero();
  }

  @Test
  void anyonesReadOfAProductReflectsTheLastChangeHeardOfIt() {
    positions.heard(changed(7, 500L));
    positions.heard(changed(8, 700L));
    positions.heard(changed(7, 650L));

    assertThat(positions.readAfter(null, 7L)).isEqualTo(650);
    assertThat(positions.readAfter(BOB, 8L)).isEqualTo(700);
    assertThat(positions.readAfter(null, 9L)).as("never changed").isZero();
    assertThat(positions.readAfter(null, null)).as("a list asks for no position").isZero();
    assertThat(positions.keptIfReadAfter(null))
        .as("but is kept only if read past every change heard")
        .isEqualTo(700);
    assertThat(positions.keptIfReadAfter(7L)).isEqualTo(650);
  }

  @Test
  void aForgottenProductReflectsTheNewestChangeForgotten() {
    for (long id = 1; id <= ReadPositions.REMEMBERED_PRODUCTS + 1; id++) {
      positions.heard(changed(id, 1000 + id));
    }

    assertThat(positions.readAfter(null, 1L)).isEqualTo(1001);
    assertThat(positions.readAfter(null, 123_456_789L)).isEqualTo(1001);
  }

  @Test
  void aChangeEverywhereOrOfUnknownPosition() {
    positions.heard(new Invalidation(UUID.randomUUID().toString(), true, List.of(), 800L));
    assertThat(positions.readAfter(null, 3L)).isEqualTo(800);

    positions.heard(changed(3, Invalidations.UNKNOWN_POSITION));
    assertThat(positions.readAfter(null, null))
        .as("everything on the primary for a while")
        .isEqualTo(Invalidations.UNKNOWN_POSITION);
    clock.advance(HOLD.plusMillis(1));
    assertThat(positions.readAfter(null, 3L)).isEqualTo(800);
  }

  @Test
  void changesWithoutPositionsChangeNothing() {
    positions.heard(changed(7, null));
    positions.wrote(ALICE, null);

    assertThat(positions.readAfter(ALICE, 7L)).isZero();
  }

  private static Invalidation changed(long productId, Long position) {
    return new Invalidation(
        UUID.randomUUID().toString(), false, List.of(Long.toString(productId)), position);
  }
}
