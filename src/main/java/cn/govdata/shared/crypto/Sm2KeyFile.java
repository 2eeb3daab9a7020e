package cn.govdata.shared.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * An SM2 key pair kept in a PEM file (private key in PKCS#8, then the public key), owner-only: read when the file
 * exists, generated and written at first use otherwise. The platform signs with SM3withSM2 (GB/T 32918, GB/T
 * 32905) wherever it signs: audit checkpoints, share decisions.
 */
public final class Sm2KeyFile {

    public static final String ALGORITHM = "SM3withSM2";

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private final KeyPair keys;

    private Sm2KeyFile(KeyPair keys) {
        this.keys = keys;
    }

    /** The name of the security provider the platform's SM2, SM3 and SM4 run on, registered once. */
    public static String provider() {
        return BouncyCastleProvider.PROVIDER_NAME;
    }

    /** The key pair in the file, or a new one written there. */
    public static Sm2KeyFile readOrCreate(Path file) throws IOException, GeneralSecurityException {
        return new Sm2KeyFile(Files.exists(file) ? read(file) : generate(file));
    }

    public KeyPair keys() {
        return keys;
    }

    /** The SM2 signature (DER, Base64) of the text's UTF-8 bytes, with SM2's default signer id. */
    public String sign(String text) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BouncyCastleProvider.PROVIDER_NAME);
            signature.initSign(keys.getPrivate());
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** Whether the signature (DER, Base64) is the key's over the text; false for anything malformed. */
    public static boolean verify(PublicKey key, String text, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BouncyCastleProvider.PROVIDER_NAME);
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public String publicKeyPem() {
        return pem(keys.getPublic());
    }

    /** A key, certificate or other object in PEM; a private key as PKCS#8. */
    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object instanceof PrivateKey key ? new JcaPKCS8Generator(key, null) : object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private static KeyPair generate(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(file.getParent());
        Files.writeString(file, pem(pair.getPrivate()) + pem(pair.getPublic()), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. Windows: rely on the data directory's own permissions
        }
        return pair;
    }

    private static KeyPair read(Path file) throws IOException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BouncyCastleProvider.PROVIDER_NAME);
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PrivateKeyInfo info) {
                    privateKey = converter.getPrivateKey(info);
                } else if (object instanceof SubjectPublicKeyInfo info) {
                    publicKey = converter.getPublicKey(info);
                } else if (object instanceof PEMKeyPair pair) {
                    KeyPair keyPair = converter.getKeyPair(pair);
                    privateKey = keyPair.getPrivate();
                    publicKey = keyPair.getPublic();
                }
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IOException("the file must hold the SM2 private and public key");
        }
        return new KeyPair(publicKey, privateKey);
    }
}
