package cn.govdata.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Third-party assessors (SUP-5): within the period the authority grants, an assessor reads the region's scorecards,
 * metrics with their records, violations and reports, every read audited as an assessor's; outside it, once
 * revoked, or to change anything, it is refused; bad grants are problems.
 */
class AssessorApiTest extends CatalogFixtures {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        admin = admin();
    }

    private static Map<String, Object> grant(LoggedIn user, LocalDate from, LocalDate until) {
        Map<String, Object> body = new HashMap<>();
        body.put("userId", user.id());
        body.put("departmentId", user.departmentId());
        body.put("validFrom", from == null ? null : from.toString());
        body.put("validUntil", until == null ? null : until.toString());
        body.put("note", "年度第三方评估");
        return body;
    }

    @Test
    void anAssessorReadsTheRegionsSupervisionDataWithinThePeriodOnlyAndEveryReadIsAudited() {
        Dept late = newDepartment(admin, "评估对象局");
        Api editor = newUser(admin, late.id(), Role.CATALOG_EDITOR).api();
        Api.Response obligation = editor.post("/api/v1/catalog/obligations", Map.of("trigger", "LAW_CHANGED",
                "triggerDate", TODAY.minusDays(60).toString(), "description", "条例修订" + unique()));
        assertThat(obligation.status()).as(obligation.body()).isEqualTo(201);
        assertThat(admin.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(200);

        Dept firm = newDepartment(admin, "第三方评估公司");
        LoggedIn assessor = newUser(admin, firm.id(), Role.ASSESSOR);
        int year = TODAY.getYear();
        String scorecards = "/api/v1/supervision/scorecards?year=" + year;

        // no grant yet: refused
        assertThat(assessor.api().get(scorecards).status()).isEqualTo(403);

        Api.Response granted = admin.post("/api/v1/supervision/assessors",
                grant(assessor, TODAY.minusDays(1), TODAY.plusDays(10)));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(granted.json().get("activeToday").asBoolean()).isTrue();

        Api.Response cards = assessor.api().get(scorecards);
        assertThat(cards.status()).as(cards.body()).isEqualTo(200);
        assertThat(Api.texts(cards.json(), "departmentName")).contains(late.name());
        Api.Response violations = assessor.api().get("/api/v1/supervision/violations");
        assertThat(violations.status()).isEqualTo(200);
        assertThat(violations.json().findValues("departmentId").stream().map(JsonNode::asLong)).contains(late.id());
        Api.Response drillDown = assessor.api().get("/api/v1/supervision/scorecards/" + year + "/departments/"
                + late.id() + "/metrics/obligationsOnTime");
        assertThat(drillDown.status()).as(drillDown.body()).isEqualTo(200);
        assertThat(drillDown.json().get("records").size()).isPositive();
        assertThat(assessor.api().download("/api/v1/supervision/reports/" + year + ".pdf").status()).isEqualTo(200);
        assertThat(assessor.api().get("/api/v1/supervision/self-reports?year=" + (year - 1)).status()).isEqualTo(200);

        // read-only: no detection, no order, no grant
        assertThat(assessor.api().post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(403);
        long violationId = violations.json().get(0).get("id").asLong();
        assertThat(assessor.api().post("/api/v1/supervision/violations/" + violationId + "/order", Map.of())
                .status()).isEqualTo(403);

        // each read is in the audit log as the assessor's
        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        Api.Response reads = auditor.get("/api/v1/audit?action=supervise.assessor.read&size=100");
        assertThat(reads.status()).as(reads.body()).isEqualTo(200);
        String logged = reads.json().get("items").toString();
        assertThat(logged).contains(assessor.username(), "/api/v1/supervision/scorecards", "/api/v1/supervision/violations",
                "/api/v1/supervision/reports/" + year + ".pdf");

        // the officer ends the access: refused from then on
        Api.Response revoked = admin.post("/api/v1/supervision/assessors/" + granted.id() + "/revoke", Map.of());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("activeToday").asBoolean()).isFalse();
        assertThat(assessor.api().get(scorecards).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/supervision/assessors/" + granted.id() + "/revoke", Map.of()).status())
                .isEqualTo(409);

        // a period that ended yesterday, or starts tomorrow, lets nothing through
        LoggedIn former = newUser(admin, firm.id(), Role.ASSESSOR);
        assertThat(admin.post("/api/v1/supervision/assessors", grant(former, TODAY.minusDays(30), TODAY.minusDays(1)))
                .status()).isEqualTo(201);
        assertThat(former.api().get(scorecards).status()).isEqualTo(403);
        LoggedIn future = newUser(admin, firm.id(), Role.ASSESSOR);
        assertThat(admin.post("/api/v1/supervision/assessors", grant(future, TODAY.plusDays(1), TODAY.plusDays(30)))
                .status()).isEqualTo(201);
        assertThat(future.api().get(scorecards).status()).isEqualTo(403);

        Api.Response listed = admin.get("/api/v1/supervision/assessors");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().findValues("userId").stream().map(JsonNode::asLong))
                .contains(assessor.id(), former.id(), future.id());
    }

    @Test
    void badGrantsAreProblems() {
        Dept firm = newDepartment(admin, "评估校验公司");
        LoggedIn assessor = newUser(admin, firm.id(), Role.ASSESSOR);

        Api.Response reversed = admin.post("/api/v1/supervision/assessors",
                grant(assessor, TODAY.plusDays(5), TODAY));
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.code()).isEqualTo("INVALID_VALUE");
        assertThat(reversed.contentType()).startsWith("application/problem+json");
        Api.Response noUntil = admin.post("/api/v1/supervision/assessors", grant(assessor, TODAY, null));
        assertThat(noUntil.status()).isEqualTo(400);
        assertThat(noUntil.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(admin.post("/api/v1/supervision/assessors", grant(assessor, TODAY, TODAY.plusDays(400)))
                .status()).isEqualTo(400);
        assertThat(admin.send("POST", "/api/v1/supervision/assessors", "{\"userId\": \"x\"}",
                "Content-Type", "application/json").status()).isEqualTo(400);

        // an assessor is never an account of the authority (which reads the lake), nor a user without the role
        LoggedIn insider = newUser(admin, authorityDepartmentId(admin), Role.ASSESSOR);
        assertThat(admin.post("/api/v1/supervision/assessors", grant(insider, TODAY, TODAY.plusDays(5))).status())
                .isEqualTo(409);
        LoggedIn clerk = newUser(admin, firm.id(), Role.DATA_USER);
        assertThat(admin.post("/api/v1/supervision/assessors", grant(clerk, TODAY, TODAY.plusDays(5))).status())
                .isEqualTo(409);

        // only the authority's officers grant
        Api departmentAdmin = newUser(admin, firm.id(), Role.DEPARTMENT_ADMIN).api();
        assertThat(departmentAdmin.post("/api/v1/supervision/assessors", grant(assessor, TODAY, TODAY.plusDays(5)))
                .status()).isEqualTo(403);
        assertThat(departmentAdmin.get("/api/v1/supervision/assessors").status()).isEqualTo(403);
    }
}
