package cn.govdata.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The auditor reads actions and object types by their labels, and finds actions by label or part of a code. */
class AuditVocabularyApiTest extends ApiIntegrationTest {

    @Test
    void everyActionOfEveryModuleHasAChineseAndAnEnglishLabel() {
        Api.Response vocabulary = auditor().get("/api/v1/audit/vocabulary");
        assertThat(vocabulary.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode action : vocabulary.json().get("actions")) {
            String code = action.get("code").asString();
            codes.add(code);
            assertThat(action.get("zh").asString()).as(code).isNotEqualTo(code).doesNotContain(".");
            assertThat(action.get("en").asString()).as(code).isNotEqualTo(code);
        }
        assertThat(codes).contains("auth.login", "share.grant.issue", "catalog.publish", "lake.push", "audit.search",
                "user.create", "calendar.update");
        JsonNode objectTypes = vocabulary.json().get("objectTypes");
        assertThat(objectTypes.findValuesAsString("code")).contains("catalog-entry", "share-application", "dataset");
        assertThat(objectTypes.findValuesAsString("zh")).contains("目录条目");
    }

    @Test
    void anActionIsFoundByItsChineseLabelOrPartOfItsCode() {
        String nobody = "ghost" + unique();
        anonymous.post("/api/v1/auth/login", Map.of("username", nobody, "password", "whatever-1"));
        Api auditor = auditor();
        Api.Response byLabel = auditor.get("/api/v1/audit?actor=" + nobody + "&action="
                + URLEncoder.encode("登录", StandardCharsets.UTF_8));
        assertThat(byLabel.json().get("total").asLong()).isEqualTo(1);
        Api.Response byPart = auditor.get("/api/v1/audit?actor=" + nobody + "&action=login");
        assertThat(byPart.json().get("total").asLong()).isEqualTo(1);
        Api.Response other = auditor.get("/api/v1/audit?actor=" + nobody + "&action="
                + URLEncoder.encode("发布", StandardCharsets.UTF_8));
        assertThat(other.json().get("total").asLong()).isZero();
    }

    @Test
    void onlyTheAuditAdministratorReadsTheVocabulary() {
        assertThat(admin().get("/api/v1/audit/vocabulary").status()).isEqualTo(403);
    }

    private Api auditor() {
        Api admin = admin();
        return newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
    }
}
