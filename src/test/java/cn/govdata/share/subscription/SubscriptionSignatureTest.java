package cn.govdata.share.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;

class SubscriptionSignatureTest {

    private static final String SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final byte[] BODY = "{\"changes\":[{\"values\":{\"xm\":\"张*\"},\"deleted\":false}]}"
            .getBytes(StandardCharsets.UTF_8);

    private static String signed() {
        return SubscriptionSignature.sign(SECRET, NOW.getEpochSecond(), "d-1", BODY);
    }

    private static boolean verify(String secret, long timestamp, String delivery, byte[] body, String signature) {
        return SubscriptionSignature.verify(secret, Long.toString(timestamp), delivery, body, signature, NOW,
                Duration.ofMinutes(5));
    }

    @Test
    void theSignatureIsTheHexHmacSm3OfTimestampDeliveryAndBody() {
        byte[] message = (NOW.getEpochSecond() + "\nd-1\n" + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        assertThat(signed()).isEqualTo(hmacSm3ByDefinition(SECRET.getBytes(StandardCharsets.UTF_8), message));
        assertThat(verify(SECRET, NOW.getEpochSecond(), "d-1", BODY, signed())).isTrue();
        assertThat(verify(SECRET, NOW.getEpochSecond(), "d-1", BODY, signed().toUpperCase())).isTrue();
    }

    /** RFC 2104 HMAC spelled out over the plain SM3 digest (64-byte blocks), independent of BouncyCastle's HMac. */
    private static String hmacSm3ByDefinition(byte[] key, byte[] message) {
        byte[] block = new byte[64];
        System.arraycopy(key, 0, block, 0, key.length);  // the secret (64 bytes) fits one block
        byte[] inner = new byte[64];
        byte[] outer = new byte[64];
        for (int i = 0; i < 64; i++) {
            inner[i] = (byte) (block[i] ^ 0x36);
            outer[i] = (byte) (block[i] ^ 0x5c);
        }
        return HexFormat.of().formatHex(sm3(outer, sm3(inner, message)));
    }

    private static byte[] sm3(byte[] first, byte[] second) {
        SM3Digest digest = new SM3Digest();
        digest.update(first, 0, first.length);
        digest.update(second, 0, second.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    @Test
    void aWrongSignatureOrSecretIsRejected() {
        String signature = signed();
        String flipped = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        assertThat(verify(SECRET, NOW.getEpochSecond(), "d-1", BODY, flipped)).isFalse();
        assertThat(verify(SECRET.replace('0', '1'), NOW.getEpochSecond(), "d-1", BODY, signature)).isFalse();
        assertThat(verify(SECRET, NOW.getEpochSecond(), "d-1", BODY, "")).isFalse();
        assertThat(verify(SECRET, NOW.getEpochSecond(), "d-1", BODY, null)).isFalse();
    }

    @Test
    void aChangedBodyDeliveryIdOrTimestampIsRejected() {
        String signature = signed();
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("false", "true ").getBytes(StandardCharsets.UTF_8);
        assertThat(verify(SECRET, NOW.getEpochSecond(), "d-1", changed, signature)).isFalse();
        assertThat(verify(SECRET, NOW.getEpochSecond(), "d-2", BODY, signature)).isFalse();
        assertThat(verify(SECRET, NOW.getEpochSecond() - 1, "d-1", BODY, signature)).isFalse();
    }

    @Test
    void aTimestampOutsideTheWindowIsRejectedEvenWhenSignedRightly() {
        long old = NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond();
        long future = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1).getEpochSecond();
        long edge = NOW.minus(Duration.ofMinutes(5)).getEpochSecond();
        assertThat(verify(SECRET, old, "d-1", BODY, SubscriptionSignature.sign(SECRET, old, "d-1", BODY))).isFalse();
        assertThat(verify(SECRET, future, "d-1", BODY, SubscriptionSignature.sign(SECRET, future, "d-1", BODY))).isFalse();
        assertThat(verify(SECRET, edge, "d-1", BODY, SubscriptionSignature.sign(SECRET, edge, "d-1", BODY))).isTrue();
        assertThat(SubscriptionSignature.verify(SECRET, "yesterday", "d-1", BODY, signed(), NOW, Duration.ofMinutes(5)))
                .isFalse();
    }
}
