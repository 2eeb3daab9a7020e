package cn.govdata.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

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

        gradeTheRegisterCore();

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
    void aSubscriptionToDataGradedCoreIsSuspendedAndNothingMoreIsPushed() throws Exception {
        List<byte[]> received = new CopyOnWriteArrayList<>();
        HttpServer subscriber = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        subscriber.createContext("/hook", exchange -> {
            received.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        subscriber.start();
        try {
            grantId = narrowedGrant(entryId, systemId, List.of("QUERY", "SUBSCRIPTION"), Map.of());
            Api.Response created = system.post("/api/v1/share/subscriptions", Map.of("entryId", entryId, "endpoint",
                    "http://localhost:" + subscriber.getAddress().getPort() + "/hook"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long id = created.id();

            gradeTheRegisterCore();
            load("gmsfhm,xm,xzqh,zz\n" + LI + ",李思,370602,芝罘区和平路2号\n");
            await(() -> system.get("/api/v1/share/subscriptions/" + id).json().get("status").asString()
                    .equals("SUSPENDED"));
            assertThat(system.get("/api/v1/share/subscriptions/" + id).text("statusReason")).isEqualTo("GRADE_REFUSES_USE");
            assertThat(received).isEmpty();
            Api.Response resumed = system.post("/api/v1/share/subscriptions/" + id + "/resume", Map.of());
            assertThat(resumed.status()).isEqualTo(403);
            assertThat(resumed.code()).isEqualTo("GRADE_REFUSES_USE");
        } finally {
            subscriber.stop(0);
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

    /** The police grade the register as core data; the authority publishes the new version. */
    private void gradeTheRegisterCore() {
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
