package cn.govdata.audit;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.govdata.shared.crypto.Sm2KeyFile;

/**
 * The SM2 key pair that signs audit checkpoints. Generated at first start and kept in the data directory
 * ({@code keys/audit-sm2.pem}, owner-only), so that it survives restarts; the public key is published for
 * anyone who wants to verify the log independently.
 */
@Component
class AuditSigningKey {

    private final Sm2KeyFile key;
    private final String fingerprint;

    /** The key belongs with the audit chain it signs: one per database, by default in the data directory. */
    @Autowired
    AuditSigningKey(@Value("${govdata.audit.signing-key:${govdata.data-dir}/keys/audit-sm2.pem}") String file) {
        this(Path.of(file));
    }

    AuditSigningKey(Path file) {
        try {
            this.key = Sm2KeyFile.readOrCreate(file);
            this.fingerprint = AuditChain.sm3(key.publicKeyPem()).substring(0, 16);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load or create the audit signing key " + file, e);
        }
    }

    String sign(String message) {
        return key.sign(message);
    }

    boolean verify(String message, String signatureBase64) {
        return Sm2KeyFile.verify(key.keys().getPublic(), message, signatureBase64);
    }

    String fingerprint() {
        return fingerprint;
    }

    String publicKeyPem() {
        return key.publicKeyPem();
    }
}
