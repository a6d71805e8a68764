package dev.marketplace.common.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Path privatePath = keyDirectory.resolve(PRIVATE_FILE);
    Path publicPath = keyDirectory.resolve(PUBLIC_FILE);
    if (Files.exists(privatePath) && Files.exists(publicPath)) {
      return new SigningKeys(Files.readString(privatePath), Files.readString(publicPath));
    }
    SigningKeys keys = generate();
    Files.createDirectories(keyDirectory);
    Files.writeString(publicPath, keys.publicKeyPem(), StandardCharsets.US_ASCII);
    Files.writeString(privatePath, keys.privateKeyPem(), StandardCharsets.US_ASCII);
    try {
      Files.setPosixFilePermissions(privatePath, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the folder's own permissions protect the file.
    }
    return keys;
  }

  private static String pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }
}
