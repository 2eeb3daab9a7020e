package cn.govdata.share.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.share.ShareFixtures;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electronic signatures on share decisions (SEC-7): an approval and the grant it issues, and a refusal, are each
 * signed with SM2 on behalf of the approver; the export alone — signed content, signature, certificate — verifies
 * with BouncyCastle, and a changed content does not.
 */
class DecisionSignatureApiTest extends ShareFixtures {

    static {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    @BeforeEach
    void setUp() {
        setUpShare();
    }

    private JsonNode decisions(Api api, long applicationId) {
        Api.Response listed = api.get("/api/v1/share/applications/" + applicationId + "/decisions");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json();
    }

    @Test
    void anApprovalAndItsGrantAreSignedAndVerifyOfflineFromTheExportAlone() throws Exception {
        long id = submitted(entry("CONDITIONAL"));
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + id + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        JsonNode decisions = decisions(civilUser.api(), id);
        assertThat(Api.texts(decisions, "decision")).containsExactly("APPROVE", "GRANT");
        long approval = decisions.get(0).get("id").asLong();
        Api.Response exported = civilUser.api().get("/api/v1/share/decisions/" + approval + "/signature");
        assertThat(exported.status()).as(exported.body()).isEqualTo(200);
        String content = exported.text("signedContent");
        JsonNode signed = JsonMapper.builder().build().readTree(content);
        assertThat(signed.get("applicationId").asLong()).isEqualTo(id);
        assertThat(signed.get("decision").asString()).isEqualTo("APPROVE");
        assertThat(signed.get("approver").asString()).isEqualTo(exported.text("signedBy"));
        assertThat(signed.get("scope").get("items").toString()).contains("gmsfhm");
        assertThat(signed.get("time").asString()).endsWith("Z");
        assertThat(exported.text("algorithm")).isEqualTo("SM3withSM2");

        X509Certificate certificate = certificate(exported.text("certificate"));
        certificate.verify(certificate.getPublicKey(), BouncyCastleProvider.PROVIDER_NAME);  // self-signed
        assertThat(verifies(certificate, content, exported.text("signature"))).isTrue();
        assertThat(verifies(certificate, content.replace("APPROVE", "REFUSE"), exported.text("signature"))).isFalse();

        long grant = decisions.get(1).get("id").asLong();
        Api.Response grantExport = policeApprover.get("/api/v1/share/decisions/" + grant + "/signature");
        assertThat(grantExport.status()).isEqualTo(200);
        assertThat(grantExport.text("signedContent")).contains("\"decision\":\"GRANT\"")
                .contains("\"grantId\":" + approved.json().get("grantIds").get(0).asLong());
        assertThat(verifies(certificate(grantExport.text("certificate")), grantExport.text("signedContent"),
                grantExport.text("signature"))).isTrue();

        // a department that is not a party sees neither the list nor the export
        assertThat(decisions(stranger, id).size()).isZero();
        assertThat(stranger.get("/api/v1/share/decisions/" + approval + "/signature").status()).isEqualTo(404);
    }

    @Test
    void aRefusalIsSignedWithItsReasonAndLegalBasis() throws Exception {
        long id = submitted(entry("CONDITIONAL"));
        Api.Response refused = policeApprover.post("/api/v1/share/applications/" + id + "/refuse",
                refusal("涉及在侦案件，暂不宜共享", basis("中华人民共和国数据安全法", "第三十八条")));
        assertThat(refused.status()).as(refused.body()).isEqualTo(200);
        JsonNode decisions = decisions(civilUser.api(), id);
        assertThat(Api.texts(decisions, "decision")).containsExactly("REFUSE");
        Api.Response exported = civilUser.api().get("/api/v1/share/decisions/" + decisions.get(0).get("id").asLong()
                + "/signature");
        assertThat(exported.text("signedContent")).contains("涉及在侦案件").contains("第三十八条");
        assertThat(verifies(certificate(exported.text("certificate")), exported.text("signedContent"),
                exported.text("signature"))).isTrue();
    }

    private static X509Certificate certificate(String pem) throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return new JcaX509CertificateConverter().setProvider(BouncyCastleProvider.PROVIDER_NAME)
                    .getCertificate((X509CertificateHolder) parser.readObject());
        }
    }

    private static boolean verifies(X509Certificate certificate, String content, String signatureBase64)
            throws Exception {
        Signature signature = Signature.getInstance("SM3withSM2", BouncyCastleProvider.PROVIDER_NAME);
        signature.initVerify(certificate.getPublicKey());
        signature.update(content.getBytes(StandardCharsets.UTF_8));
        return signature.verify(Base64.getDecoder().decode(signatureBase64));
    }
}
