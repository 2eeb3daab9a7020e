package cn.govdata.lake.sealing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.crypto.StreamCipher;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.SICBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.govdata.lake.sealing.LakeKeys.Version;

/**
 * Seals the values of personal-information items for the lake's tables (SEC-4, SEC-8) with SM4 as a deterministic
 * authenticated encryption (the SIV construction, RFC 5297's idea with the national algorithms): the synthetic IV is
 * the HMAC-SM3 of the value under the version's MAC key, cut to 16 bytes, and the value is encrypted with SM4 in CTR
 * mode from that IV. Stored as {@code <version>:<Base64 of IV and ciphertext>}. Deterministic on purpose: equal
 * values seal equal under one version, so the batch apply's "unchanged record keeps its version" comparison, an
 * equality condition and the discrepancy scan still run in SQL; what it reveals is only which values are equal. Opening
 * recomputes the IV, so an altered value is detected ({@link SealBroken}) instead of read as garbage.
 *
 * <p>Record keys made of personal items are stored as a keyed HMAC-SM3 digest ({@link #lookupKey}) under a key of their
 * own that never rotates: a record key is the table's primary key and the join key of histories, objections and
 * cursors, so it must not change when the sealing keys do.
 */
@Component
public class SealedValues {

    private static final int IV_BYTES = 16;
    /** What stands before a personal record key's digest, so that it never meets a plain key. */
    private static final String LOOKUP = "k:";

    private final LakeKeys keys;
    private final boolean enabled;

    SealedValues(LakeKeys keys, @Value("${govdata.lake.sealing.enabled:true}") boolean enabled) {
        this.keys = keys;
        this.enabled = enabled;
    }

    /** Whether new datasets seal their personal items (a property turns it off, for a bench's comparison). */
    public boolean enabled() {
        return enabled;
    }

    /** The number of the key version that seals new values. */
    public int activeVersion() {
        return keys.active().number();
    }

    /** The value sealed under the active key version; null stays null. */
    public String seal(String value) {
        return value == null ? null : seal(keys.active(), value);
    }

    /** The value sealed under every version the key file holds: what an equality condition looks for. */
    public List<String> needles(String value) {
        List<String> needles = new ArrayList<>();
        for (Version version : keys.live()) {
            needles.add(seal(version, value));
        }
        return needles;
    }

    /** The key version a stored value is sealed under. */
    public static int versionOf(String sealed) {
        int colon = sealed.indexOf(':');
        if (colon < 1) {
            throw new SealBroken("a sealed lake value is malformed");
        }
        try {
            return Integer.parseInt(sealed, 0, colon, 10);
        } catch (NumberFormatException e) {
            throw new SealBroken("a sealed lake value is malformed");
        }
    }

    /**
     * The value a stored one seals; null stays null.
     *
     * @throws SealBroken when it was altered or its key version is gone
     */
    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        int number = versionOf(sealed);
        Version version = keys.version(number).orElseThrow(() -> new SealBroken(
                "a lake value is sealed under key version " + number + ", which the key file " + keys.file()
                        + " no longer holds"));
        byte[] both;
        try {
            both = Base64.getDecoder().decode(sealed.substring(sealed.indexOf(':') + 1));
        } catch (IllegalArgumentException e) {
            throw new SealBroken("a sealed lake value is malformed");
        }
        if (both.length < IV_BYTES) {
            throw new SealBroken("a sealed lake value is malformed");
        }
        byte[] iv = Arrays.copyOf(both, IV_BYTES);
        byte[] clear = ctr(version.sm4(), iv, both, IV_BYTES, both.length - IV_BYTES);
        if (!MessageDigest.isEqual(iv, syntheticIv(version.mac(), clear))) {
            throw new SealBroken("a sealed lake value was altered (it does not match its synthetic IV)");
        }
        return new String(clear, StandardCharsets.UTF_8);
    }

    /** The value under this version, re-sealed under the active one (what a rotation writes back). */
    public String resealed(String sealed) {
        return sealed == null ? null : seal(open(sealed));
    }

    /** The stored record key that stands for a key made of personal items: a keyed digest, hex. */
    public String lookupKey(String recordKey) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(keys.lookup()));
        byte[] text = recordKey.getBytes(StandardCharsets.UTF_8);
        hmac.update(text, 0, text.length);
        byte[] digest = new byte[hmac.getMacSize()];
        hmac.doFinal(digest, 0);
        return LOOKUP + HexFormat.of().formatHex(digest);
    }

    static String seal(Version version, String value) {
        byte[] clear = value.getBytes(StandardCharsets.UTF_8);
        byte[] iv = syntheticIv(version.mac(), clear);
        byte[] both = Arrays.copyOf(iv, IV_BYTES + clear.length);
        byte[] cipher = ctr(version.sm4(), iv, clear, 0, clear.length);
        System.arraycopy(cipher, 0, both, IV_BYTES, cipher.length);
        return version.number() + ":" + Base64.getEncoder().encodeToString(both);
    }

    private static byte[] syntheticIv(byte[] macKey, byte[] clear) {
        HMac hmac = new HMac(new SM3Digest());
        hmac.init(new KeyParameter(macKey));
        hmac.update(clear, 0, clear.length);
        byte[] mac = new byte[hmac.getMacSize()];
        hmac.doFinal(mac, 0);
        return Arrays.copyOf(mac, IV_BYTES);
    }

    private static byte[] ctr(byte[] key, byte[] iv, byte[] in, int offset, int length) {
        StreamCipher ctr = SICBlockCipher.newInstance(new SM4Engine());
        ctr.init(true, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[length];
        ctr.processBytes(in, offset, length, out, 0);
        return out;
    }
}
