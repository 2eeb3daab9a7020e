package cn.govdata.federation.peer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.govdata.shared.crypto.Sm4Gcm;

/**
 * The peers' client secrets at rest. This platform must present a peer's secret to sign in there, so it cannot
 * keep a hash; the secret is sealed with SM4 in GCM mode under a key kept in a file beside the database (by default
 * in the data directory), so that a copy of the database alone does not hand out the credentials of the linked
 * platforms. The peer's address and client id are the associated data: a sealed secret copied to another peer does
 * not open there. Stored form: {@code sm4gcm:v1:} and the Base64 of nonce, ciphertext and tag (as the share
 * module's subscription secrets).
 */
@Component
class PeerSecrets {

    private static final String SEALED = "sm4gcm:v1:";
    private static final int KEY_BYTES = Sm4Gcm.KEY_BYTES;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private volatile byte[] key;

    PeerSecrets(@Value("${govdata.federation.secret-key:${govdata.data-dir}/keys/federation-sm4.key}") String file) {
        this.file = Path.of(file);
    }

    String seal(String baseUrl, String clientId, String secret) {
        return SEALED + Base64.getEncoder().encodeToString(
                Sm4Gcm.seal(key(), associated(baseUrl, clientId), secret.getBytes(StandardCharsets.UTF_8)));
    }

    String open(String baseUrl, String clientId, String stored) {
        if (!stored.startsWith(SEALED)) {
            throw new IllegalStateException("the client secret of peer " + baseUrl + " is not sealed");
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(SEALED.length()));
        try {
            return new String(Sm4Gcm.open(key(), associated(baseUrl, clientId), sealed), StandardCharsets.UTF_8);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("the client secret of peer " + baseUrl
                    + " does not open with the federation key " + file + " (altered, or another key file)", e);
        }
    }

    private static byte[] associated(String baseUrl, String clientId) {
        return ("federation_peer:" + baseUrl + ":" + clientId).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] key() {
        byte[] loaded = key;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (key == null) {
                try {
                    key = readOrCreate();
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read or create the federation key " + file, e);
                }
            }
            return key;
        }
    }

    private byte[] readOrCreate() throws IOException {
        if (!Files.exists(file)) {
            byte[] created = new byte[KEY_BYTES];
            RANDOM.nextBytes(created);
            Path directory = file.toAbsolutePath().getParent();
            Files.createDirectories(directory);
            // written whole beside it, then moved into place: a reader never sees a half-written key
            Path written;
            try {
                written = Files.createTempFile(directory, "federation-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                written = Files.createTempFile(directory, "federation-key", ".tmp");
            }
            Files.writeString(written, Base64.getEncoder().encodeToString(created) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(written, file);
                return created;
            } catch (FileAlreadyExistsException createdMeanwhile) {
                // another node or context sharing the directory was quicker: use its key
                Files.deleteIfExists(written);
            }
        }
        byte[] read = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        if (read.length != KEY_BYTES) {
            throw new IllegalStateException("The federation key " + file + " is malformed: it must hold the Base64 of "
                    + KEY_BYTES + " bytes. Restore it from the backup.");
        }
        return read;
    }
}
