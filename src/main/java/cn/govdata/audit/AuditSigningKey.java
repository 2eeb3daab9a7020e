package cn.govdata.audit;

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

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The SM2 key pair that signs audit checkpoints. Generated at first start and kept in the data directory
 * ({@code keys/audit-sm2.pem}, owner-only), so that it survives restarts; the public key is published for
 * anyone who wants to verify the log independently.
 */
@Component
class AuditSigningKey {

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    private static final String ALGORITHM = "SM3withSM2";

    private final KeyPair keys;
    private final String fingerprint;

    /** The key belongs with the audit chain it signs: one per database, by default in the data directory. */
    @Autowired
    AuditSigningKey(@Value("${govdata.audit.signing-key:${govdata.data-dir}/keys/audit-sm2.pem}") String file) {
        this(Path.of(file));
    }

    AuditSigningKey(Path file) {
        try {
            this.keys = Files.exists(file) ? read(file) : generate(file);
            this.fingerprint = AuditChain.sm3(publicKeyPem()).substring(0, 16);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load or create the audit signing key " + file, e);
        }
    }

    String sign(String message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BouncyCastleProvider.PROVIDER_NAME);
            signature.initSign(keys.getPrivate());
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    boolean verify(String message, String signatureBase64) {
        return verify(keys.getPublic(), message, signatureBase64);
    }

    static boolean verify(PublicKey key, String message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BouncyCastleProvider.PROVIDER_NAME);
            signature.initVerify(key);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    String fingerprint() {
        return fingerprint;
    }

    String publicKeyPem() {
        return pem(keys.getPublic());
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

    static PublicKey readPublicKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaPEMKeyConverter().setProvider(BouncyCastleProvider.PROVIDER_NAME)
                    .getPublicKey((SubjectPublicKeyInfo) parser.readObject());
        }
    }

    private static String pem(Object key) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(key instanceof PrivateKey p ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(p, null)
                    : key);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

}
