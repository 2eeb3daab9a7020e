package cn.govdata.share.subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;

import cn.govdata.shared.crypto.Sm4Gcm;

/**
 * The subscriptions' signing secrets at rest (SHR-5). The platform must be able to read a secret back to sign
 * with it, so it cannot keep only a hash; instead the secret is sealed with SM4 (GB/T 32907) in GCM mode under a
 * platform data key kept in a file outside the database. A copy of the database — a backup, a replica, a
 * reporting account — then no longer hands out what makes a push look genuine to its subscriber.
 *
 * <p>Stored form: {@code sm4gcm:v1:} and the Base64 of a fresh random 12-byte nonce, the ciphertext and the
 * 16-byte tag. {@code v1} names the key, so that a rotation can add a key {@code v2} and seal anew. The
 * subscription's id is the associated data: a sealed secret copied to another row does not open there.
 */
final class SubscriptionSecrets {

    static final String SCHEME = "sm4gcm:";
    static final String KEY_VERSION = "v1";
    static final int KEY_BYTES = Sm4Gcm.KEY_BYTES;

    private static final String SEALED = SCHEME + KEY_VERSION + ":";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    SubscriptionSecrets(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an SM4 key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = key.clone();
    }

    /** Whether a stored value is sealed (by any key version), rather than a clear secret of an earlier version. */
    static boolean isSealed(String stored) {
        return stored.startsWith(SCHEME);
    }

    /** The secret sealed for the subscription, as it is stored. */
    String seal(long subscriptionId, String secret) {
        return SEALED + Base64.getEncoder().encodeToString(
                Sm4Gcm.seal(key, associated(subscriptionId), secret.getBytes(StandardCharsets.UTF_8)));
    }

    String open(long subscriptionId, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        if (!stored.startsWith(SEALED)) {
            int end = stored.indexOf(':', SCHEME.length());
            String version = end < 0 ? "(none)" : stored.substring(SCHEME.length(), end);
            throw new IllegalStateException("the secret of subscription " + subscriptionId
                    + " is sealed with an unknown key version " + version);
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the sealed secret of subscription " + subscriptionId + " is not Base64",
                    e);
        }
        if (sealed.length < Sm4Gcm.NONCE_BYTES + Sm4Gcm.TAG_BYTES) {
            throw new IllegalStateException("the sealed secret of subscription " + subscriptionId + " is too short");
        }
        try {
            return new String(Sm4Gcm.open(key, associated(subscriptionId), sealed), StandardCharsets.UTF_8);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("the sealed secret of subscription " + subscriptionId
                    + " does not open with the platform's key: altered, moved from another subscription, or sealed"
                    + " with another key file", e);
        }
    }

    private static byte[] associated(long subscriptionId) {
        return ("share_subscription:" + subscriptionId).getBytes(StandardCharsets.US_ASCII);
    }

    // --- the key file ---------------------------------------------------------------------------------------

    /**
     * The data key in the file: one line, the Base64 of 16 bytes. Created with a random key (owner-only where the
     * file system knows POSIX permissions) only when the file does not exist and no secret is sealed yet: with
     * sealed secrets a new key would silently make every subscription's pushes fail, so a missing or malformed
     * file stops the start instead.
     */
    static byte[] readOrCreateKey(Path file, long sealedSecrets) throws IOException {
        if (!Files.exists(file)) {
            if (sealedSecrets > 0) {
                throw new IllegalStateException("The subscription secret key " + file + " is missing, but "
                        + sealedSecrets + " subscription secrets are sealed with it. Restore the file from the backup"
                        + " (or point govdata.share.subscription.secret-key at it); a new key could not open them.");
            }
            try {
                return create(file);
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // another node or context sharing the directory was quicker: use its key
            }
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The subscription secret key " + file + " is malformed: it must hold the"
                    + " Base64 of " + KEY_BYTES + " bytes. Restore it from the backup; it is never replaced"
                    + " automatically.");
        }
        return key;
    }

    private static byte[] create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            // owner-only from the start, not after a moment readable by others
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. Windows: rely on the data directory's own permissions
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        return key;
    }
}
