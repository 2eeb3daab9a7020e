package cn.govdata.security.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Yearly security risk self-assessments (SEC-6): opened per department by the authority's security administrator,
 * answered item by item with evidence by the department's administrator, submitted, returned or accepted; one not
 * submitted by its due date is overdue for the authority to see.
 */
class AssessmentApiTest extends ApiIntegrationTest {

    @Autowired
    private WorkingDayCalendar calendar;

    private Api admin;
    private Api security;
    private Api departmentAdmin;
    private Api stranger;
    private long departmentId;

    @BeforeEach
    void setUp() {
        admin = admin();
        security = newUser(admin, authorityDepartmentId(admin), Role.SECURITY_ADMIN).api();
        departmentId = newDepartment(admin, "人社局").id();
        departmentAdmin = newUser(admin, departmentId, Role.DEPARTMENT_ADMIN).api();
        stranger = newUser(admin, newDepartment(admin, "农业农村局").id(), Role.DEPARTMENT_ADMIN).api();
    }

    @Test
    void aDepartmentAnswersWithEvidenceSubmitsAndTheAuthorityReviewsWhileOverdueShows() {
        int lastYear = calendar.today().getYear() - 1;
        assertThat(departmentAdmin.post("/api/v1/security/assessments/open", Map.of("year", lastYear)).status())
                .isEqualTo(403);
        Api.Response opened = security.post("/api/v1/security/assessments/open", Map.of("year", lastYear));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("opened").asInt()).isPositive();
        assertThat(security.post("/api/v1/security/assessments/open", Map.of("year", lastYear)).json().get("opened")
                .asInt()).isZero();

        JsonNode own = departmentAdmin.get("/api/v1/security/assessments?year=" + lastYear).json();
        assertThat(own.size()).isEqualTo(1);
        long id = own.get(0).get("id").asLong();
        assertThat(own.get(0).get("overdue").asBoolean()).isTrue();  // last year's, due on its last working day
        assertThat(own.get(0).get("dueOn").asString()).startsWith(lastYear + "-12-");
        JsonNode region = security.get("/api/v1/security/assessments?year=" + lastYear).json();
        assertThat(overdue(region, id)).isTrue();
        assertThat(stranger.get("/api/v1/security/assessments/" + id).status()).isEqualTo(404);

        String path = "/api/v1/security/assessments/" + id;
        assertThat(departmentAdmin.post(path + "/submit", Map.of()).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(departmentAdmin.put(path + "/items/ACCESS-1", Map.of("answer", "MET")).code())
                .isEqualTo("FIELD_REQUIRED");
        assertThat(departmentAdmin.put(path + "/items/ACCESS-1", Map.of("answer", "MET", "evidence",
                List.of("javascript:alert(1)"))).code()).isEqualTo("INVALID_VALUE");
        assertThat(stranger.put(path + "/items/ACCESS-1", Map.of("answer", "MET", "evidence",
                List.of("https://oa.example.gov.cn/doc/1"))).status()).isEqualTo(404);
        JsonNode items = departmentAdmin.get(path).json().get("items");
        for (JsonNode item : items) {
            String code = item.get("item").get("code").asString();
            Api.Response answered = code.equals("SUPPLIER-1")
                    ? departmentAdmin.put(path + "/items/" + code, Map.of("answer", "NOT_APPLICABLE", "note", "无外包运维"))
                    : departmentAdmin.put(path + "/items/" + code, Map.of("answer", "MET", "evidence",
                            List.of("https://oa.example.gov.cn/security/" + code)));
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        }
        Api.Response submitted = departmentAdmin.post(path + "/submit", Map.of());
        assertThat(submitted.text("status")).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("overdue").asBoolean()).isFalse();

        assertThat(departmentAdmin.post(path + "/review", Map.of("outcome", "ACCEPT")).status()).isEqualTo(403);
        assertThat(security.post(path + "/review", Map.of("outcome", "RETURN")).code()).isEqualTo("FIELD_REQUIRED");
        Api.Response returned = security.post(path + "/review", Map.of("outcome", "RETURN", "comment", "备份演练证据不足"));
        assertThat(returned.text("status")).isEqualTo("RETURNED");
        assertThat(returned.json().get("overdue").asBoolean()).isTrue();
        assertThat(departmentAdmin.post(path + "/submit", Map.of()).text("status")).isEqualTo("SUBMITTED");
        Api.Response accepted = security.post(path + "/review", Map.of("outcome", "ACCEPT"));
        assertThat(accepted.text("status")).isEqualTo("ACCEPTED");
        assertThat(security.post(path + "/review", Map.of("outcome", "ACCEPT")).code()).isEqualTo("INVALID_STATE");
    }

    private static boolean overdue(JsonNode assessments, long id) {
        for (JsonNode assessment : assessments) {
            if (assessment.get("id").asLong() == id) {
                return assessment.get("overdue").asBoolean();
            }
        }
        throw new AssertionError("assessment " + id + " not listed");
    }
}
