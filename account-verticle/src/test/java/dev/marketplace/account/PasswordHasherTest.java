package dev.marketplace.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void verifiesOnlyTheRightPassword() {
    String hash = hasher.hash("correct horse");

    assertThat(hasher.verify("correct horse", hash)).isTrue();
    assertThat(hasher.verify("correct horsE", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  void usesArgon2idWithOwaspParametersAndAFreshSalt() {
    String first = hasher.hash("same password");
    String second = hasher.hash("same password");

    assertThat(first).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void matchesAReferenceHashFromAnotherImplementation() {
    // From the reference implementation: echo -n password | argon2 somesalt -id -m 12 -t 2 -p 1 -e
    String reference =
        "$argon2id$v=19$m=4096,t=2,p=1$c29tZXNhbHQ$jacJHQ+PoBstB/ZoVNk8re3s1yzVABZujceGiwVNJnk";

    assertThat(hasher.verify("password", reference)).isTrue();
  }

  @Test
  void refusesMalformedHashes() {
    assertThat(hasher.verify("x", "not a hash")).isFalse();
    assertThat(hasher.verify("x", "$argon2i$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
    assertThat(hasher.verify("x", "$argon2id$v=19$m=zz,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
  }
}
