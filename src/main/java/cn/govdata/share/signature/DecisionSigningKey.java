package cn.govdata.share.signature;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.govdata.shared.crypto.Sm2KeyFile;

/**
 * The platform's SM2 key that signs share decisions on behalf of the approver (SEC-7), with its self-signed X.509
 * certificate (SM3withSM2). A key of its own, not the audit log's: the audit key attests the log's integrity and is
 * internal to the audit module; a decision signature is handed to other departments, and either key can be replaced
 * without touching what the other signed. Generated at first start into the data directory
 * ({@code keys/decision-sm2.pem}, owner-only, and {@code keys/decision-sm2.crt}).
 */
@Component
class DecisionSigningKey {

    private static final Duration VALIDITY = Duration.ofDays(20 * 366);

    private final Sm2KeyFile key;
    private final String certificatePem;
    private final String fingerprint;

    @Autowired
    DecisionSigningKey(@Value("${govdata.data-dir}") String dataDir) {
        this(Path.of(dataDir, "keys", "decision-sm2.pem"), Path.of(dataDir, "keys", "decision-sm2.crt"));
    }

    DecisionSigningKey(Path keyFile, Path certificateFile) {
        try {
            this.key = Sm2KeyFile.readOrCreate(keyFile);
            if (!Files.exists(certificateFile)) {
                Files.writeString(certificateFile, Sm2KeyFile.pem(selfSigned(key.keys())), StandardCharsets.US_ASCII);
            }
            this.certificatePem = Files.readString(certificateFile, StandardCharsets.US_ASCII);
            this.fingerprint = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(certificate(certificatePem).getEncoded()));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot load or create the decision signing key " + keyFile, e);
        }
    }

    /** The SM2 signature (DER, Base64) of the text's UTF-8 bytes, with SM2's default signer id. */
    String sign(String content) {
        return key.sign(content);
    }

    String certificatePem() {
        return certificatePem;
    }

    /** SHA-256 of the certificate's DER encoding, hex: how a reader matches a signature to the certificate. */
    String fingerprint() {
        return fingerprint;
    }

    static X509Certificate certificate(String pem) throws IOException, GeneralSecurityException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaX509CertificateConverter().setProvider(Sm2KeyFile.provider())
                    .getCertificate((X509CertificateHolder) parser.readObject());
        }
    }

    private static X509Certificate selfSigned(KeyPair pair)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        X500Name name = new X500Name("CN=govdata share decisions, O=govdata, C=CN");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter().setProvider(Sm2KeyFile.provider()).getCertificate(
                builder.build(new JcaContentSignerBuilder(Sm2KeyFile.ALGORITHM).setProvider(Sm2KeyFile.provider())
                        .build(pair.getPrivate())));
    }
}
