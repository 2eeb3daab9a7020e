package cn.govdata.shared.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 in GCM mode (GB/T 32907), as the platform seals the secrets it keeps (subscription signing secrets, peers'
 * client secrets): a random 96-bit nonce before the ciphertext and its 128-bit tag; the associated data binds a
 * sealed secret to the row it belongs to, so it does not open when moved to another.
 */
public final class Sm4Gcm {

    public static final int KEY_BYTES = 16;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm4Gcm() {
    }

    /** The nonce followed by the ciphertext and tag. */
    public static byte[] seal(byte[] key, byte[] associated, byte[] clear) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        GCMModeCipher gcm = gcm(true, key, nonce, associated);
        byte[] sealed = Arrays.copyOf(nonce, NONCE_BYTES + gcm.getOutputSize(clear.length));
        try {
            int length = gcm.processBytes(clear, 0, clear.length, sealed, NONCE_BYTES);
            gcm.doFinal(sealed, NONCE_BYTES + length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM sealing failed", e); // encryption never checks a tag
        }
        return sealed;
    }

    /**
     * The clear bytes of what {@link #seal} made with the same key and associated data.
     *
     * @throws InvalidCipherTextException when it was altered, sealed with another key or for other associated data
     */
    public static byte[] open(byte[] key, byte[] associated, byte[] sealed) throws InvalidCipherTextException {
        GCMModeCipher gcm = gcm(false, key, Arrays.copyOf(sealed, NONCE_BYTES), associated);
        byte[] clear = new byte[gcm.getOutputSize(sealed.length - NONCE_BYTES)];
        int length = gcm.processBytes(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES, clear, 0);
        length += gcm.doFinal(clear, length);
        return Arrays.copyOf(clear, length);
    }

    private static GCMModeCipher gcm(boolean sealing, byte[] key, byte[] nonce, byte[] associated) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(sealing, new AEADParameters(new KeyParameter(key), TAG_BYTES * 8, nonce, associated));
        return gcm;
    }
}
