package cn.govdata.share.signature;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The platform's SM2 key that signs share decisions on behalf of the approver (SEC-7), with its self-signed X.509
 * certificate (SM3withSM2). A key of its own, not the audit log's: the audit key attests the log's integrity and is
 * internal to the audit module; a decision signature is handed to other departments, and either key can be replaced
 * without touching what the other signed. Generated at first start into the data directory
 * ({@code keys/decision-sm2.pem}, owner-only, and {@code keys/decision-sm2.crt}).
 */
@Component
class DecisionSigningKey {

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    static final String ALGORITHM = "SM3withSM2";
    private static final Duration VALIDITY = Duration.ofDays(20 * 366);

    private final KeyPair keys;
    private final String certificatePem;
    private final String fingerprint;

    @Autowired
    DecisionSigningKey(@Value("${govdata.data-dir}") String dataDir) {
        this(Path.of(dataDir, "keys", "decision-sm2.pem"), Path.of(dataDir, "keys", "decision-sm2.crt"));
    }

    DecisionSigningKey(Path keyFile, Path certificateFile) {
        try {
            this.keys = Files.exists(keyFile) ? read(keyFile) : generate(keyFile);
            if (!Files.exists(certificateFile)) {
                Files.writeString(certificateFile, pem(selfSigned(keys)), StandardCharsets.US_ASCII);
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
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BouncyCastleProvider.PROVIDER_NAME);
            signature.initSign(keys.getPrivate());
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
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
            return new JcaX509CertificateConverter().setProvider(BouncyCastleProvider.PROVIDER_NAME)
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
        return new JcaX509CertificateConverter().setProvider(BouncyCastleProvider.PROVIDER_NAME).getCertificate(
                builder.build(new JcaContentSignerBuilder(ALGORITHM).setProvider(BouncyCastleProvider.PROVIDER_NAME)
                        .build(pair.getPrivate())));
    }

    private static KeyPair generate(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(file.getParent());
        Files.writeString(file, pem(new JcaPKCS8Generator(pair.getPrivate(), null)) + pem(pair.getPublic()),
                StandardCharsets.US_ASCII);
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
        java.security.PublicKey publicKey = null;
        try (PEMParser parser = new PEMParser(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof PrivateKeyInfo info) {
                    privateKey = converter.getPrivateKey(info);
                } else if (object instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info) {
                    publicKey = converter.getPublicKey(info);
                }
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IOException("the file must hold the SM2 private and public key");
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
