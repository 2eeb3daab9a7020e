package cn.govdata.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.support.Api;

/**
 * Grading (SEC-4) through HTTP on the real database: the catalog refuses share and open types an entry's grade
 * forbids; core data never leaves by exchange or push, also when it was graded after the grant was issued; the
 * default masking of a grant follows each item's grade and personal-information flags.
 */
class GradingApiTest extends GrantedDataFixtures {

    @BeforeEach
    void setUp() {
        setUpData("救助核对系统");
    }

    @Test
    void aCoreEntryCannotBePublishedAsUnconditionallySharedOrOpenAndTheRefusalSaysWhyInTheUsersLanguage() {
        Map<String, Object> content = content("重要设施分布" + unique());
        content.put("grade", "CORE");
        long id = draft(police.api(), content).id();

        Api.Response refused = police.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of("revision", 0));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(Api.texts(refused.json().get("errors"), "code"))
                .containsExactly("GRADE_RESTRICTS_USE", "GRADE_RESTRICTS_USE");
        assertThat(locations(refused)).containsExactly("shareType", "openType");
        assertThat(refused.json().get("errors").toString()).contains("核心数据不得无条件共享", "核心数据不得无条件开放");
        Api.Response english = police.api().inLanguage("en").post("/api/v1/catalog/entries/" + id + "/submit",
                Map.of("revision", 0));
        assertThat(english.json().get("errors").toString()).contains("core data may not be shared unconditionally");

        // an entry is graded at least as high as its items
        Map<String, Object> belowItem = content("储备物资信息" + unique());
        ((Map<String, Object>) ((List<?>) belowItem.get("dataItems")).get(1)).put("grade", "IMPORTANT");
        belowItem.put("grade", "GENERAL");
        belowItem.put("shareType", "CONDITIONAL");
        long second = draft(police.api(), belowItem).id();
        Api.Response below = police.api().post("/api/v1/catalog/entries/" + second + "/submit", Map.of("revision", 0));
        assertThat(locations(below)).contains("dataItems[1].grade");
        assertThat(below.json().get("errors").toString()).contains("不得低于其任一信息项");

        // without a grade an entry is general data, as every entry was before grading
        Api.Response general = published(police, content("办件结果" + unique()));
        assertThat(general.json().get("published").get("content").get("grade").asString()).isEqualTo("GENERAL");
    }

    @Test
    void coreDataNeverLeavesByExchangeOrPushEvenUnderAGrantIssuedBeforeItWasGraded() throws Exception {
        grantId = narrowedGrant(entryId, systemId, List.of("QUERY", "EXCHANGE"), Map.of("dailyQuota", 1000));
        assertThat(exchange().statusCode()).isEqualTo(200);

        // the police grade the register as core data; the authority publishes the new version
        Map<String, Object> core = ShareFixtures.population("CONDITIONAL");
        core.put("name", published(entryId).get("content").get("name").asString());
        core.put("grade", "CORE");
        Api.Response saved = police.api().put("/api/v1/catalog/entries/" + entryId,
                Map.of("content", core, "revision", revision(entryId)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(police.api().post("/api/v1/catalog/entries/" + entryId + "/submit",
                Map.of("revision", revision(entryId))).status()).isEqualTo(200);
        assertThat(reviewer.post("/api/v1/catalog/entries/" + entryId + "/publish", Map.of()).status()).isEqualTo(200);
        assertThat(published(entryId).get("content").get("grade").asString()).isEqualTo("CORE");

        HttpResponse<String> refused = exchange();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains("GRADE_REFUSES_USE", "核心数据不得批量导出").doesNotContain("张三", ZHANG);
        // one record at a time under the approved grant is still possible, masked as before
        Api.Response queried = query(system, Map.of("key", Map.of("gmsfhm", ZHANG)));
        assertThat(queried.status()).as(queried.body()).isEqualTo(200);
        assertThat(queried.body()).doesNotContain("张三", ZHANG);

        // nobody may apply for exchange or push of core data at all
        for (String way : List.of("EXCHANGE", "SUBSCRIPTION")) {
            Map<String, Object> application = application(entryId);
            application.put("ways", new ArrayList<>(List.of("QUERY", way)));
            Api.Response applied = civilUser.api().post("/api/v1/share/applications", application);
            assertThat(applied.status()).as(applied.body()).isEqualTo(403);
            assertThat(applied.code()).isEqualTo("GRADE_REFUSES_USE");
        }
    }

    @Test
    void aGrantsDefaultMaskingFollowsEachItemsGradeAndPersonalInformationFlags() {
        Map<String, Object> content = ShareFixtures.population("CONDITIONAL");
        List<Map<String, Object>> items = (List<Map<String, Object>>) content.get("dataItems");
        items.get(1).put("grade", "IMPORTANT");                               // 姓名: important data
        items.get(3).put("sensitivity", "SENSITIVE_PERSONAL_INFORMATION");    // 住址: sensitive personal information
        long graded = published(police, content).id();
        assertThat(published(graded).get("content").get("grade").asString()).isEqualTo("IMPORTANT");

        Map<String, Object> application = application(graded);
        application.put("items", List.of("gmsfhm", "xm", "xzqh", "zz"));
        Api.Response drafted = civilUser.api().post("/api/v1/share/applications", application);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        attachAll(drafted.id());
        assertThat(civilUser.api().post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of()).status())
                .isEqualTo(200);
        Api.Response approved = policeApprover.post("/api/v1/share/applications/" + drafted.id() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        long grant = approved.json().get("grantIds").get(0).asLong();

        var masking = civilUser.api().get("/api/v1/share/grants/" + grant).json().get("masking");
        assertThat(masking.get("gmsfhm").asString()).isEqualTo("ID_NUMBER");  // personal information: the usual rule
        assertThat(masking.get("xm").asString()).isEqualTo("FULL");           // important: masked whole
        assertThat(masking.get("zz").asString()).isEqualTo("FULL");           // sensitive personal: masked whole
        assertThat(masking.get("xzqh").asString()).isEqualTo("NONE");
    }

    private tools.jackson.databind.JsonNode published(long id) {
        return police.api().get("/api/v1/catalog/entries/" + id).json().get("published");
    }

    private int revision(long id) {
        return police.api().get("/api/v1/catalog/entries/" + id).json().get("latest").get("revision").asInt();
    }

    private HttpResponse<String> exchange() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(java.net.URI.create(system.baseUrl() + "/api/v1/share/data/"
                + entryId + "/exchange?since=0&format=CSV")).header("Authorization", "Bearer " + system.token())
                .header("Accept-Language", "zh-CN").GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
