package cn.govdata.share.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The signature of a subscription's delivery (SHR-5), and how a subscriber checks it. Every delivery is a
 * {@code POST} whose headers carry {@code X-Govdata-Timestamp} (seconds since 1970-01-01 UTC),
 * {@code X-Govdata-Delivery} (a unique id) and {@code X-Govdata-Signature}: the lower-case hex HMAC-SM3 (GB/T
 * 32905), keyed with the UTF-8 bytes of the subscription's secret, over
 * {@code timestamp + "\n" + deliveryId + "\n" + body} (the body's raw bytes, as received).
 *
 * <p>A subscriber written in Java may use this class as it is (it needs only BouncyCastle):
 * <pre>{@code
 * boolean genuine = SubscriptionSignature.verify(secret, timestampHeader, deliveryHeader, bodyBytes,
 *         signatureHeader, Instant.now(), Duration.ofMinutes(5));
 * }</pre>
 * and, to refuse a replay, also remember the delivery ids it accepted within the window and refuse one seen
 * before. A delivery that fails the check is answered with a 4xx and not applied.
 */
public final class SubscriptionSignature {

    /** The window within which a subscriber should accept a delivery's timestamp, either way. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private SubscriptionSignature() {
    }

    /** The hex HMAC-SM3 of a delivery. */
    public static String sign(String secret, long timestamp, String deliveryId, byte[] body) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(secret.getBytes(StandardCharsets.UTF_8)));
        byte[] head = (timestamp + "\n" + deliveryId + "\n").getBytes(StandardCharsets.UTF_8);
        mac.update(head, 0, head.length);
        mac.update(body, 0, body.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    /**
     * Whether a delivery is genuine and fresh: its signature is the one the secret gives for this timestamp,
     * delivery id and body (compared in constant time), and its timestamp lies within {@code window} of
     * {@code now}. Any header missing or malformed is a rejection. Replays within the window are refused only
     * by remembering the delivery ids already accepted.
     */
    public static boolean verify(String secret, String timestampHeader, String deliveryId, byte[] body,
            String signatureHeader, Instant now, Duration window) {
        if (secret == null || timestampHeader == null || deliveryId == null || body == null
                || signatureHeader == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > window.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, deliveryId, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
