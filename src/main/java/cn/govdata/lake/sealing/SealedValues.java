package cn.govdata.lake.sealing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
        Engines engines = Engines.of(version);
        byte[] clear = new byte[both.length - IV_BYTES];
        engines.ctr(iv, both, IV_BYTES, clear.length, clear, 0);
        if (!MessageDigest.isEqual(iv, engines.syntheticIv(clear))) {
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
        byte[] key = keys.lookup();
        LookupMac kept = LOOKUP_MAC.get();
        if (kept == null || kept.key() != key) {
            HMac hmac = new HMac(new SM3Digest());
            hmac.init(new KeyParameter(key));
            kept = new LookupMac(key, hmac);
            LOOKUP_MAC.set(kept);
        }
        byte[] text = recordKey.getBytes(StandardCharsets.UTF_8);
        kept.hmac().update(text, 0, text.length);
        byte[] digest = new byte[kept.hmac().getMacSize()];
        kept.hmac().doFinal(digest, 0);
        return LOOKUP + HexFormat.of().formatHex(digest);
    }

    /** One thread's HMAC-SM3 under the lookup key (the key's array, to notice a key file read anew). */
    private record LookupMac(byte[] key, HMac hmac) {
    }

    private static final ThreadLocal<LookupMac> LOOKUP_MAC = new ThreadLocal<>();

    static String seal(Version version, String value) {
        Engines engines = Engines.of(version);
        byte[] clear = value.getBytes(StandardCharsets.UTF_8);
        byte[] iv = engines.syntheticIv(clear);
        byte[] both = Arrays.copyOf(iv, IV_BYTES + clear.length);
        engines.ctr(iv, clear, 0, clear.length, both, IV_BYTES);
        return version.number() + ":" + Base64.getEncoder().encodeToString(both);
    }

    /**
     * One thread's HMAC-SM3 and SM4-CTR keyed for one version, kept between values: the key schedules and the HMAC's
     * padded keys are computed once rather than for every value (a third of an ingest's time otherwise).
     */
    private static final class Engines {

        private static final ThreadLocal<Map<Version, Engines>> BY_VERSION = ThreadLocal.withInitial(IdentityHashMap::new);

        private final HMac mac = new HMac(new SM3Digest());
        private final StreamCipher ctr = SICBlockCipher.newInstance(new SM4Engine());
        private final byte[] digest = new byte[mac.getMacSize()];

        private Engines(Version version) {
            mac.init(new KeyParameter(version.mac()));
            ctr.init(true, new ParametersWithIV(new KeyParameter(version.sm4()), new byte[IV_BYTES]));
        }

        static Engines of(Version version) {
            Map<Version, Engines> engines = BY_VERSION.get();
            if (engines.size() > 16) {
                engines.clear();  // versions of key files reread since: never many
            }
            return engines.computeIfAbsent(version, Engines::new);
        }

        byte[] syntheticIv(byte[] clear) {
            mac.update(clear, 0, clear.length);  // doFinal leaves the HMAC keyed and ready for the next value
            mac.doFinal(digest, 0);
            return Arrays.copyOf(digest, IV_BYTES);
        }

        void ctr(byte[] iv, byte[] in, int offset, int length, byte[] out, int outOffset) {
            ctr.init(true, new ParametersWithIV(null, iv));  // a new IV under the key already scheduled
            ctr.processBytes(in, offset, length, out, outOffset);
        }
    }
}
