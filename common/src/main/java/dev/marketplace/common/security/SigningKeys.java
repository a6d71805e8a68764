package dev.marketplace.common.security;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The ES256 (ECDSA P-256) key pair that signs access tokens, as PEM text. Only the account verticle
 * is given the private key; the HTTP edge verifies with the public one.
 */
public record SigningKeys(String privateKeyPem, String publicKeyPem) {

  public static final String ALGORITHM = "ES256";

  private static final String PRIVATE_FILE = "es256-private.pem";
  private static final String PUBLIC_FILE = "es256-public.pem";
  private static final String LOCK_FILE = ".lock";
  private static final Object IN_PROCESS = new Object();

  /** A new random key pair. */
  public static SigningKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = generator.generateKeyPair();
      return new SigningKeys(
          pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
          pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("This JVM cannot make P-256 keys", e);
    }
  }

  /**
   * The configured key files when given (a PKCS#8 private key and its X.509 public key); otherwise
   * the pair kept in {@code keyDirectory}, made there on first start so that restarts keep every
   * issued token valid.
   */
  public static SigningKeys loadOrCreate(
      Optional<Path> privateKeyFile, Optional<Path> publicKeyFile, Path keyDirectory)
      throws IOException {
    if (privateKeyFile.isPresent() != publicKeyFile.isPresent()) {
      throw new IllegalArgumentException(
          "Set both MARKETPLACE_JWT_PRIVATE_KEY_FILE and MARKETPLACE_JWT_PUBLIC_KEY_FILE, or"
              + " neither.");
    }
    if (privateKeyFile.isPresent()) {
      return new SigningKeys(
          Files.readString(privateKeyFile.get()), Files.readString(publicKeyFile.get()));
    }
    Files.createDirectories(keyDirectory);
    // Nodes of a cluster that share the folder may start at the same instant: the first to hold
    // the lock makes the pair, the others read it, so that all sign and verify with one pair. A
    // file lock is held per JVM, hence the monitor for threads of one.
    synchronized (IN_PROCESS) {
      try (FileChannel lockFile =
              FileChannel.open(
                  keyDirectory.resolve(LOCK_FILE),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock held = lockFile.lock()) {
        return readOrCreate(keyDirectory);
      }
    }
  }

  private static SigningKeys readOrCreate(Path keyDirectory) throws IOException {
    Path privatePath = keyDirectory.resolve(PRIVATE_FILE);
    Path publicPath = keyDirectory.resolve(PUBLIC_FILE);
    if (Files.exists(privatePath) && Files.exists(publicPath)) {
      return new SigningKeys(Files.readString(privatePath), Files.readString(publicPath));
    }
    SigningKeys keys = generate();
    Files.writeString(publicPath, keys.publicKeyPem(), StandardCharsets.US_ASCII);
    Path written = Files.createTempFile(keyDirectory, PRIVATE_FILE, ".new");
    try {
      Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder's own permissions protect the file.
    }
    Files.writeString(written, keys.privateKeyPem(), StandardCharsets.US_ASCII);
    // Written under another name first: a crash half-way never leaves a torn private key.
    Files.move(written, privatePath, StandardCopyOption.ATOMIC_MOVE);
    return keys;
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
