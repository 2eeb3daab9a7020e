package cn.govdata.share.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionSecretsTest {

    private static final String SECRET = "3f1c0a7d9b2e4c6f8a1b3d5e7f9a0c2e4b6d8f0a1c3e5a7b9d1f3a5c7e9b0d2f";

    private final SubscriptionSecrets secrets = new SubscriptionSecrets(key(1));

    @Test
    void aSealedSecretOpensToItselfForItsSubscription() {
        String sealed = secrets.seal(42, SECRET);
        assertThat(sealed).startsWith("sm4gcm:v1:").doesNotContain(SECRET);
        assertThat(SubscriptionSecrets.isSealed(sealed)).isTrue();
        // fits the column (V51): nonce, 64 characters, tag
        assertThat(sealed).hasSizeLessThanOrEqualTo(200);
        assertThat(secrets.open(42, sealed)).isEqualTo(SECRET);
        assertThat(new SubscriptionSecrets(key(1)).open(42, sealed)).as("the key, not the instance").isEqualTo(SECRET);
    }

    @Test
    void everySealingTakesAFreshNonce() {
        Set<String> sealed = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String one = secrets.seal(42, SECRET);
            sealed.add(one);
            nonces.add(Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOf(Base64.getDecoder().decode(one.substring("sm4gcm:v1:".length())), 12)));
        }
        assertThat(sealed).hasSize(100);
        assertThat(nonces).hasSize(100);
    }

    @Test
    void aSecretSealedForOneSubscriptionDoesNotOpenForAnother() {
        String sealed = secrets.seal(42, SECRET);
        assertThatThrownBy(() -> secrets.open(43, sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subscription 43").hasMessageContaining("does not open");
    }

    @Test
    void anAlteredOrForeignSealedSecretDoesNotOpen() {
        String sealed = secrets.seal(42, SECRET);
        byte[] bytes = Base64.getDecoder().decode(sealed.substring("sm4gcm:v1:".length()));
        for (int position : new int[] { 0, 12, bytes.length - 1 }) { // nonce, ciphertext, tag
            byte[] altered = bytes.clone();
            altered[position] ^= 1;
            String tampered = "sm4gcm:v1:" + Base64.getEncoder().encodeToString(altered);
            assertThatThrownBy(() -> secrets.open(42, tampered)).as("bit flipped at " + position)
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> new SubscriptionSecrets(key(2)).open(42, sealed)).as("another key")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> secrets.open(42, "sm4gcm:v1:AAAA")).hasMessageContaining("too short");
        assertThatThrownBy(() -> secrets.open(42, "sm4gcm:v1:not base64!")).hasMessageContaining("not Base64");
        assertThatThrownBy(() -> secrets.open(42, "sm4gcm:v2:" + sealed.substring(10)))
                .hasMessageContaining("unknown key version v2");
        assertThatThrownBy(() -> secrets.open(42, "sm4gcm:" + sealed.substring(10)))
                .hasMessageContaining("unknown key version (none)");
    }

    @Test
    void aClearSecretOfAnEarlierVersionIsTakenAsItIs() {
        assertThat(SubscriptionSecrets.isSealed(SECRET)).isFalse();
        assertThat(secrets.open(42, SECRET)).isEqualTo(SECRET);
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyAtTheFirstStartAndReadAfterwards(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys/subscription-sm4.key");
        byte[] created = SubscriptionSecrets.readOrCreateKey(file, 0);
        assertThat(created).hasSize(16);
        assertThat(Files.readString(file).strip()).isEqualTo(Base64.getEncoder().encodeToString(created));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(SubscriptionSecrets.readOrCreateKey(file, 3)).isEqualTo(created);
        assertThat(SubscriptionSecrets.readOrCreateKey(dir.resolve("other.key"), 0)).isNotEqualTo(created);
    }

    @Test
    void aMissingKeyFileWithSealedSecretsStopsTheStartInsteadOfMakingANewKey(@TempDir Path dir) {
        Path file = dir.resolve("subscription-sm4.key");
        assertThatThrownBy(() -> SubscriptionSecrets.readOrCreateKey(file, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is missing").hasMessageContaining("2 subscription secrets are sealed");
        assertThat(file).doesNotExist();
    }

    @Test
    void aMalformedKeyFileStopsTheStartAndIsNeverReplaced(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("subscription-sm4.key");
        for (String content : new String[] { "", "not base64!", Base64.getEncoder().encodeToString(new byte[15]) }) {
            Files.writeString(file, content, StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> SubscriptionSecrets.readOrCreateKey(file, 0)).as(content)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("is malformed");
            assertThat(Files.readString(file)).isEqualTo(content);
        }
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[16];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (seed * 31 + i);
        }
        return key;
    }
}
