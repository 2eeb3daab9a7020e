package cn.govdata.supervise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Supervision through the HTTP API: detection of an overdue catalog obligation, idempotent; the correction
 * order, the department's answer, the re-check that sends it back or closes it, the notice; who sees what.
 */
class SupervisionApiTest extends CatalogFixtures {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        admin = admin();
    }

    /** A department with a catalog editor and an obligation triggered 60 days ago (long overdue in every profile). */
    private record Late(Dept department, LoggedIn editor, long obligationId) {
    }

    private Late lateDepartment(String prefix) {
        Dept department = newDepartment(admin, prefix);
        LoggedIn editor = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        Api.Response recorded = editor.api().post("/api/v1/catalog/obligations", Map.of("trigger", "LAW_CHANGED",
                "triggerDate", TODAY.minusDays(60).toString(), "description", "条例修订" + unique()));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.json().get("overdue").asBoolean()).isTrue();
        return new Late(department, editor, recorded.id());
    }

    private List<JsonNode> violationsOf(Api api, long departmentId) {
        Api.Response listed = api.get("/api/v1/supervision/violations?departmentId=" + departmentId);
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        listed.json().forEach(found::add);
        return found;
    }

    private JsonNode detectedFor(Late late) {
        Api.Response detected = admin.post("/api/v1/supervision/detect", Map.of());
        assertThat(detected.status()).as(detected.body()).isEqualTo(200);
        List<JsonNode> violations = violationsOf(admin, late.department().id());
        assertThat(violations).hasSize(1);
        return violations.get(0);
    }

    @Test
    void anOverdueObligationIsDetectedOnceAndItsDepartmentSeesItAloneAmongDepartments() {
        Late late = lateDepartment("监督测试局");
        JsonNode violation = detectedFor(late);
        assertThat(violation.get("type").asString()).isEqualTo("CATALOG_OBLIGATION_OVERDUE");
        assertThat(violation.get("typeLabel").asString()).isEqualTo("目录未按时更新");
        assertThat(violation.get("departmentId").asLong()).isEqualTo(late.department().id());
        assertThat(violation.get("detectedOn").asString()).isEqualTo(TODAY.toString());
        assertThat(violation.get("status").asString()).isEqualTo("DETECTED");
        assertThat(violation.has("dueOn")).isFalse();

        Api.Response again = admin.post("/api/v1/supervision/detect", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("stillOpen").asInt()).isPositive();
        assertThat(violationsOf(admin, late.department().id())).hasSize(1);

        // the department sees its own without asking; another department neither lists nor opens it
        Api.Response own = late.editor().api().get("/api/v1/supervision/violations");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().size()).isEqualTo(1);
        assertThat(own.json().get(0).get("id").asLong()).isEqualTo(violation.get("id").asLong());
        Dept other = newDepartment(admin, "旁观局");
        Api stranger = newUser(admin, other.id(), Role.CATALOG_EDITOR).api();
        assertThat(stranger.get("/api/v1/supervision/violations").json().size()).isZero();
        assertThat(stranger.get("/api/v1/supervision/violations?departmentId=" + late.department().id()).status())
                .isEqualTo(403);
        assertThat(stranger.get("/api/v1/supervision/violations/" + violation.get("id").asLong()).status())
                .isEqualTo(404);
        // neither a department nor its editor may run the detection or issue an order
        assertThat(stranger.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(403);
        assertThat(late.editor().api().post("/api/v1/supervision/violations/" + violation.get("id").asLong()
                + "/order", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void anOrderAnsweredWithoutCorrectionGoesBackAndEndsInANotice() {
        Late late = lateDepartment("通报测试局");
        long id = detectedFor(late).get("id").asLong();
        Api.Response ordered = admin.post("/api/v1/supervision/violations/" + id + "/order", Map.of());
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(200);
        assertThat(ordered.text("status")).isEqualTo("ORDERED");
        assertThat(LocalDate.parse(ordered.text("dueOn"))).isAfter(TODAY);
        assertThat(ordered.json().get("workingDaysLeft").asInt()).isEqualTo(10);

        // escalating before the order ran out and before a failed re-check is refused
        assertThat(admin.post("/api/v1/supervision/violations/" + id + "/escalate", Map.of("note", "通报")).status())
                .isEqualTo(409);
        assertThat(late.editor().api().post("/api/v1/supervision/violations/" + id + "/answer", Map.of()).status())
                .isEqualTo(400);
        Api.Response answered = late.editor().api().post("/api/v1/supervision/violations/" + id + "/answer",
                Map.of("description", "正在整理，尚未提交"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.text("status")).isEqualTo("ANSWERED");

        Api.Response rechecked = admin.post("/api/v1/supervision/violations/" + id + "/recheck", Map.of());
        assertThat(rechecked.status()).as(rechecked.body()).isEqualTo(200);
        assertThat(rechecked.text("status")).isEqualTo("ORDERED");
        assertThat(rechecked.json().get("recheckFires").asBoolean()).isTrue();

        Api.Response escalated = admin.post("/api/v1/supervision/violations/" + id + "/escalate",
                Map.of("note", "逾期未更新目录，予以通报"));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.text("status")).isEqualTo("ESCALATED");
        assertThat(escalated.text("statusLabel")).isEqualTo("已通报");
        assertThat(admin.post("/api/v1/supervision/violations/" + id + "/order", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void detectOrderAnswerRecheckCloseWhenTheDepartmentSubmittedItsCatalog() {
        Late late = lateDepartment("整改测试局");
        long id = detectedFor(late).get("id").asLong();
        assertThat(admin.post("/api/v1/supervision/violations/" + id + "/order", Map.of("note", "请十个工作日内更新目录"))
                .text("orderText")).isEqualTo("请十个工作日内更新目录");

        // the department updates its catalog: a submitted entry meets the obligation
        Api.Response drafted = late.editor().api().post("/api/v1/catalog/entries",
                Map.of("content", content("监督测试信息" + unique())));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        assertThat(late.editor().api().post("/api/v1/catalog/entries/" + drafted.id() + "/submit", Map.of()).status())
                .isEqualTo(200);
        Api.Response answered = late.editor().api().post("/api/v1/supervision/violations/" + id + "/answer",
                Map.of("description", "已按修订后的条例更新目录并提交审核"));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        Api.Response closed = admin.post("/api/v1/supervision/violations/" + id + "/recheck", Map.of());
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(closed.json().get("recheckFires").asBoolean()).isFalse();
        assertThat(closed.text("closedBy")).isEqualTo("admin");
        // and a new detection does not open it again
        admin.post("/api/v1/supervision/detect", Map.of());
        assertThat(violationsOf(admin, late.department().id())).extracting(v -> v.get("status").asString())
                .containsExactly("CLOSED");

        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        Api.Response audit = auditor.get("/api/v1/audit?action=supervise.close&objectType=violation&objectId=" + id);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        assertThat(audit.json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void scorecardsListEachDepartmentWithScoreAndMetricsAndTheRecordsBehindThem() {
        Late late = lateDepartment("评分测试局");
        detectedFor(late);
        int year = TODAY.getYear();
        Api.Response cards = admin.get("/api/v1/supervision/scorecards?year=" + year);
        assertThat(cards.status()).as(cards.body()).isEqualTo(200);
        JsonNode card = null;
        for (JsonNode c : cards.json()) {
            if (c.get("departmentId").asLong() == late.department().id()) {
                card = c;
            }
        }
        assertThat(card).isNotNull();
        assertThat(card.get("score").isNumber()).isTrue();
        assertThat(card.get("methodVersion").asString()).isEqualTo("default-1");
        assertThat(card.get("metrics").get("sharedShare").asDouble()).isZero();
        assertThat(card.get("metrics").get("violations").asDouble()).isEqualTo(1.0);
        // nothing catalogued, one violation: 0 points, less the penalty, never below 0
        assertThat(card.get("score").asDouble()).isZero();
        assertThat(card.get("gradeLabel").asString()).isEqualTo("不合格");

        Api.Response own = late.editor().api().get("/api/v1/supervision/scorecards?year=" + year);
        assertThat(own.json().size()).isEqualTo(1);
        assertThat(own.json().get(0).get("departmentId").asLong()).isEqualTo(late.department().id());

        String drill = "/api/v1/supervision/scorecards/" + year + "/departments/" + late.department().id()
                + "/metrics/violations";
        Api.Response records = late.editor().api().get(drill);
        assertThat(records.status()).as(records.body()).isEqualTo(200);
        assertThat(records.text("label")).isEqualTo("违规次数");
        assertThat(records.json().get("records").size()).isEqualTo(1);
        assertThat(records.json().get("records").get(0).get("kind").asString()).isEqualTo("violation");
        Api stranger = newUser(admin, newDepartment(admin, "旁观局").id(), Role.DATA_USER).api();
        assertThat(stranger.get(drill).status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/supervision/scorecards/" + year + "/departments/" + late.department().id()
                + "/metrics/speed").status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/supervision/scorecards?year=1999").status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/supervision/scorecards?year=abc").status()).isEqualTo(400);

        JsonNode metrics = admin.get("/api/v1/supervision/metrics").json();
        assertThat(metrics.toString()).contains("共享申请按时答复率", "applicationsOnTime");
        Api.Response region = admin.get("/api/v1/supervision/scorecards/region?year=" + year);
        assertThat(region.status()).as(region.body()).isEqualTo(200);
        assertThat(region.json().get("score").isNumber()).isTrue();
    }

    @Test
    void aPastYearsScoresAreFrozenWithTheMethodVersionTheyUsed() {
        lateDepartment("往年测试局");
        int lastYear = TODAY.getYear() - 1;
        Api.Response first = admin.get("/api/v1/supervision/scorecards?year=" + lastYear);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().size()).isPositive();
        first.json().forEach(card -> {
            assertThat(card.get("frozen").asBoolean()).isTrue();
            assertThat(card.get("methodVersion").asString()).isEqualTo("default-1");
        });
        // a department created after the year was frozen is not added to it; the stored cards come back as they were
        Late newcomer = lateDepartment("新设测试局");
        Api.Response again = admin.get("/api/v1/supervision/scorecards?year=" + lastYear);
        assertThat(again.json().toString()).doesNotContain("\"departmentId\":" + newcomer.department().id() + ",");
        assertThat(Api.texts(again.json(), "departmentName")).containsAll(Api.texts(first.json(), "departmentName"));
        assertThat(admin.get("/api/v1/supervision/scorecards?year=" + TODAY.getYear()).json().get(0).get("frozen")
                .asBoolean()).isFalse();
    }

    @Test
    void theYearlyReportIsAPdfNamingTheDepartmentsForTheAuthorityOnly() throws Exception {
        Late late = lateDepartment("报告测试局");
        detectedFor(late);
        int year = TODAY.getYear();
        Api.Download report = admin.download("/api/v1/supervision/reports/" + year + ".pdf");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.contentType()).startsWith("application/pdf");
        String text;
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(report.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains(late.department().name(), "年度监督评估报告", "目录未按时更新", "共享申请按时答复率");
        assertThat(late.editor().api().download("/api/v1/supervision/reports/" + year + ".pdf").status())
                .isEqualTo(403);
        assertThat(admin.download("/api/v1/supervision/reports/1999.pdf").status()).isEqualTo(400);
    }
}
