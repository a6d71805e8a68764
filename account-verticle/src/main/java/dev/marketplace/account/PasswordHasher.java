package dev.marketplace.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code
 * $argon2id$v=19$m=..,t=..,p=..$salt$hash}), with OWASP's minimum parameters: 19 MiB of memory, 2
 * iterations, 1 lane. Hashing is deliberately slow (tens of milliseconds): call it off the event
 * loop.
 */
public final class PasswordHasher {

  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getDecoder();

  private final SecureRandom random = new SecureRandom();

  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m="
        + MEMORY_KIB
        + ",t="
        + ITERATIONS
        + ",p="
        + PARALLELISM
        + "$"
        + ENCODER.encodeToString(salt)
        + "$"
        + ENCODER.encodeToString(hash);
  }

  /** True when {@code password} produces {@code encoded}; false for any malformed hash. */
  public boolean verify(String password, String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
      return false;
    }
    try {
      String[] costs = parts[3].split(",");
      int memory = Integer.parseInt(costs[0].substring(2));
      int iterations = Integer.parseInt(costs[1].substring(2));
      int parallelism = Integer.parseInt(costs[2].substring(2));
      byte[] salt = DECODER.decode(parts[4]);
      byte[] expected = DECODER.decode(parts[5]);
      byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (RuntimeException malformed) {
      return false;
    }
  }

  private static byte[] derive(
      String password, byte[] salt, int memory, int iterations, int parallelism, int length) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory)
            .withIterations(iterations)
            .withParallelism(parallelism)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
