package cn.govdata.open.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import cn.govdata.open.PublicFixtures;
import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.support.Api;

/**
 * Who may apply is the region's profile's: under Fuzhou's (FZ16) only enterprises, universities and research
 * institutes may apply for data open on application, not citizens; and FZ sets no period for the decision.
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
