package cn.govdata.open.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.open.PublicFixtures;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Who may apply is the region's profile's: under Fuzhou's (FZ16) only enterprises, universities and research
 * institutes may apply for data open on application, not citizens; FZ sets no period for the decision; the data
 * authority authorises, not the providing department (FZ16); and commercial use goes only to the winner of a
 * competitive selection whose result the authority records first (FZ17).
 */
@TestPropertySource(properties = "govdata.policy=fuzhou")
class OpenApplicantsApiTest extends PublicFixtures {

    /** A context of its own needs a data directory of its own (the catalog's search index is locked per directory). */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-open-applicants-"
            + java.util.UUID.randomUUID();

    @DynamicPropertySource
    static void ownDataDirectory(DynamicPropertyRegistry registry) {
        registry.add("govdata.test.data-dir", () -> DATA_DIR);
    }

    private String packageId;

    @BeforeEach
    void setUp() {
        setUpOpenData();
        Map<String, Object> content = policeOffices();
        content.put("openType", "CONDITIONAL_OPEN");
        content.put("openCondition", "仅向境内企业和科研机构提供");
        long entryId = publishedWithRecords(content, officesCsv(3, new ArrayList<>()));
        Api.Response asked = provider.post("/api/v1/open/datasets", openRequest(entryId, officeRules()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        Api.Response confirmed = reviewer.post("/api/v1/open/datasets/" + asked.id() + "/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        packageId = asked.text("packageId");
    }

    private Map<String, Object> application() {
        Map<String, Object> body = new HashMap<>();
        body.put("dataset", packageId);
        body.put("use", "COMMERCIAL");
        body.put("purpose", "开发警务室导航服务");
        body.put("scenario", "在地图应用中标注社区警务室");
        body.put("securityMeasures", "等保三级系统存放");
        body.put("until", LocalDate.now(WorkingDayCalendar.ZONE).plusDays(365).toString());
        body.put("agreementAccepted", true);
        return body;
    }

    private Api company(String name) {
        From from = fromNewAddress();
        String email = newEmail();
        Answer registered = register(from, "LEGAL_PERSON", name, randomCreditCode(), "EMAIL", email, PASSWORD, false);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        return anonymous.withToken(from.login(email, PASSWORD).text("token"));
    }

    private static List<String> noticeKinds(Api holder) {
        return Api.texts(holder.get("/api/v1/public/account/notices").json(), "kind");
    }

    @Test
    void theAuthorityAuthorisesAndCommercialUseGoesOnlyToTheWinnerOfACompetitiveSelection() {
        Api mapMaker = company("某某地图科技有限公司");
        Api.Response applied = mapMaker.post("/api/v1/public/account/applications", application());
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String path = "/api/v1/open/applications/" + applied.id();

        assertThat(provider.get(path).json().get("decidable").asBoolean()).as("FZ16: not the department").isFalse();
        assertThat(provider.post(path + "/approve", Map.of()).status()).isEqualTo(403);
        JsonNode seen = reviewer.get(path).json();
        assertThat(seen.get("decidable").asBoolean()).as("FZ16: the authority authorises").isTrue();
        assertThat(seen.get("selectionNeeded").asBoolean()).as("FZ17").isTrue();
        assertThat(reviewer.get("/api/v1/workbench").json().get("items").toString())
                .contains("open.application.decide", path.replace("/api/v1", ""));
        assertThat(provider.get("/api/v1/workbench").json().get("items").toString()).doesNotContain(path.replace("/api/v1", ""));

        Api.Response early = reviewer.post(path + "/approve", Map.of());
        assertThat(early.status()).as(early.body()).isEqualTo(400);
        assertThat(early.code()).isEqualTo("OPEN_APPLICATION_INVALID");
        assertThat(early.text("detail")).contains("FZ17");

        Map<String, Object> selection = new HashMap<>(Map.of("method", "公开招标", "result", "WON", "decidedOn",
                LocalDate.now(WorkingDayCalendar.ZONE).toString(), "reference", "榕数字〔2026〕12号中标公告"));
        assertThat(provider.post(path + "/selection", selection).status()).as("only the authority records it")
                .isEqualTo(403);
        Map<String, Object> future = new HashMap<>(selection);
        future.put("decidedOn", LocalDate.now(WorkingDayCalendar.ZONE).plusDays(3).toString());
        assertThat(reviewer.post(path + "/selection", future).status()).isEqualTo(400);
        Map<String, Object> blank = new HashMap<>(selection);
        blank.remove("method");
        assertThat(reviewer.post(path + "/selection", blank).code()).isEqualTo("FIELD_REQUIRED");
        Api.Response recorded = reviewer.post(path + "/selection", selection);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("selection").get("result").asString()).isEqualTo("WON");
        assertThat(recorded.json().get("selectionNeeded").asBoolean()).isFalse();
        assertThat(noticeKinds(mapMaker)).as("the applicant is told the selection was recorded")
                .containsExactly("APPLICATION_SELECTION");
        assertThat(reviewer.post(path + "/selection", selection).code()).as("once").isEqualTo("OPEN_APPLICATION_INVALID");

        Api.Response approved = reviewer.post(path + "/approve", Map.of("conditions", "仅用于中标项目"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        assertThat(noticeKinds(mapMaker)).containsExactly("APPLICATION_APPROVED", "APPLICATION_SELECTION");

        Map<String, Object> research = application();
        research.put("use", "RESEARCH");
        Api.Response other = company("某某大学数据研究所").post("/api/v1/public/account/applications", research);
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        assertThat(reviewer.post("/api/v1/open/applications/" + other.id() + "/selection", selection).code())
                .as("research use needs no selection").isEqualTo("OPEN_APPLICATION_INVALID");
        assertThat(reviewer.post("/api/v1/open/applications/" + other.id() + "/approve", Map.of()).status())
                .isEqualTo(200);
        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        assertThat(auditor.get("/api/v1/audit?action=open.application.selection&size=50").body())
                .contains("公开招标", "榕数字〔2026〕12号中标公告");
    }

    @Test
    void onlyOrganisationsMayApplyUnderFuzhouAndTheDecisionHasNoStatutoryPeriod() {
        Api.Response citizen = newCitizen("孙个人").api().post("/api/v1/public/account/applications", application());
        assertThat(citizen.status()).as(citizen.body()).isEqualTo(409);
        assertThat(citizen.code()).isEqualTo("OPEN_APPLICATION_NOT_ALLOWED");
        assertThat(citizen.text("detail")).contains("FZ16");

        From from = fromNewAddress();
        String email = newEmail();
        Answer registered = register(from, "LEGAL_PERSON", "某某导航科技有限公司", randomCreditCode(), "EMAIL", email,
                PASSWORD, false);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Api company = anonymous.withToken(from.login(email, PASSWORD).text("token"));
        Api.Response applied = company.post("/api/v1/public/account/applications", application());
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("dueOn") == null || applied.json().get("dueOn").isNull()).as("FZ16 sets none")
                .isTrue();
        assertThat(applied.json().get("competitiveSelection").asBoolean()).as("FZ17").isTrue();
        assertThat(provider.get("/api/v1/open/applications/" + applied.id()).json().get("applicant").get("name")
                .asString()).as("an organisation is named to officials").isEqualTo("某某导航科技有限公司");
    }
}
