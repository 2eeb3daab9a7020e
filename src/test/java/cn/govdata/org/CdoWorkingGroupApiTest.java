package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.shared.Role;
import cn.govdata.shared.notify.Deadline;
import cn.govdata.shared.notify.PendingDeadlines;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The rest of the chief-data-officer system (ORG-3) and roster changes as filings (ORG-2) through the HTTP API: the
 * working group with its roles and history, documents of appointment (good and bad files), filings due 5 working
 * days after the change by the platform's calendar, reported by the department and acknowledged by the authority,
 * an overdue one detected once as a violation and closed by the re-check once reported, and the yearly summary due
 * 15 December.
 */
class CdoWorkingGroupApiTest extends ApiIntegrationTest {

    private static final String OFFICERS = "/api/v1/org/chief-data-officers";
    private static final String GROUP = "/api/v1/org/working-group";
    private static final String FILINGS = "/api/v1/org/filings";
    private static final String VIOLATIONS = "/api/v1/supervision/violations";
    private static final byte[] PDF = "%PDF-1.4\n% 任命文件\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    private List<PendingDeadlines> pendingDeadlines;

    private Api admin;

    @BeforeEach
    void setUp() {
        admin = admin();
    }

    private static Map<String, Object> member(Long departmentId, long userId, String role, String appointedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("departmentId", departmentId);
        body.put("userId", userId);
        body.put("role", role);
        body.put("appointedOn", appointedOn);
        body.put("duties", "负责本单位数据安全");
        return body;
    }

    private static Map<String, Object> officer(long departmentId, long userId, String appointedOn) {
        return Map.of("departmentId", departmentId, "userId", userId, "appointedOn", appointedOn);
    }

    private static List<JsonNode> list(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().forEach(items::add);
        return items;
    }

    private List<JsonNode> filings(Api api, long departmentId, String kind) {
        return list(api.get(FILINGS + "?departmentId=" + departmentId)).stream()
                .filter(f -> f.get("kind").asString().equals(kind)).toList();
    }

    private List<JsonNode> filingViolations(long departmentId) {
        return list(admin.get(VIOLATIONS + "?departmentId=" + departmentId)).stream()
                .filter(v -> v.get("type").asString().equals("ORG_FILING_OVERDUE")).toList();
    }

    @Test
    void aDepartmentAppointsItsWorkingGroupAndEndsTermsKeepingTheHistory() {
        Dept department = newDepartment(admin, "专班局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn specialist = newUser(admin, department.id(), Role.DATA_PROVIDER);
        Dept other = newDepartment(admin, "旁局");
        LoggedIn otherAdmin = newUser(admin, other.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn outsider = newUser(admin, other.id(), Role.DATA_USER);

        Map<String, Object> appointment = member(department.id(), specialist.id(), "SECURITY_SPECIALIST", "2026-03-02");
        assertThat(otherAdmin.api().post(GROUP, appointment).status()).isEqualTo(403);
        Api.Response appointed = departmentAdmin.api().post(GROUP, appointment);
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        assertThat(appointed.text("roleLabel")).isEqualTo("安全专员");
        assertThat(appointed.text("office")).isEqualTo(department.name());
        assertThat(appointed.json().get("serving").asBoolean()).isTrue();
        // the same person in the same role twice, a user of another department, an unknown role: refused
        assertThat(departmentAdmin.api().post(GROUP, appointment).status()).isEqualTo(409);
        Api.Response foreign = departmentAdmin.api().post(GROUP,
                member(department.id(), outsider.id(), "QUALITY_SPECIALIST", "2026-03-02"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.code()).isEqualTo("INVALID_VALUE");
        assertThat(departmentAdmin.api().post(GROUP, member(department.id(), specialist.id(), "CHIEF", "2026-03-02"))
                .status()).isEqualTo(400);
        // the same person may hold a second role
        assertThat(departmentAdmin.api().post(GROUP,
                member(department.id(), specialist.id(), "QUALITY_SPECIALIST", "2026-03-02")).status()).isEqualTo(201);

        // the department and the authority see it; another department does not
        assertThat(list(departmentAdmin.api().get(GROUP + "?departmentId=" + department.id())))
                .extracting(m -> m.get("roleLabel").asString()).containsExactlyInAnyOrder("安全专员", "质量专员");
        assertThat(list(admin.get(GROUP))).anyMatch(m -> m.get("id").asLong() == appointed.id());
        assertThat(list(otherAdmin.api().get(GROUP))).noneMatch(m -> m.get("id").asLong() == appointed.id());
        assertThat(otherAdmin.api().get(GROUP + "?departmentId=" + department.id()).status()).isEqualTo(403);

        // ending needs a reason and a day not before the appointment; the term then stays as history
        String end = GROUP + "/" + appointed.id() + "/end";
        assertThat(otherAdmin.api().post(end, Map.of("endedOn", "2026-04-01", "reason", "调任")).status())
                .isEqualTo(404);
        assertThat(departmentAdmin.api().post(end, Map.of("endedOn", "2026-04-01")).status()).isEqualTo(400);
        assertThat(departmentAdmin.api().post(end, Map.of("endedOn", "2026-03-01", "reason", "调任")).status())
                .isEqualTo(400);
        Api.Response ended = departmentAdmin.api().post(end, Map.of("endedOn", "2026-04-01", "reason", "调任"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("serving").asBoolean()).isFalse();
        assertThat(departmentAdmin.api().post(end, Map.of("endedOn", "2026-04-02", "reason", "调任")).status())
                .isEqualTo(409);
        assertThat(list(departmentAdmin.api().get(GROUP + "?departmentId=" + department.id())))
                .extracting(m -> m.get("roleLabel").asString()).containsExactly("质量专员");
        List<JsonNode> history = list(departmentAdmin.api().get(GROUP + "?departmentId=" + department.id()
                + "&history=true"));
        assertThat(history).anyMatch(m -> m.get("id").asLong() == appointed.id()
                && m.get("endReason").asString().equals("调任") && m.get("endedOn").asString().equals("2026-04-01"));

        // audited under the stable names
        LoggedIn auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN);
        JsonNode appointedEntry = auditor.api()
                .get("/api/v1/audit?action=cdo.member.appoint&objectId=" + appointed.id() + "&size=5").json()
                .get("items").get(0);
        assertThat(appointedEntry.get("detail").asString()).contains(department.name(), "SECURITY_SPECIALIST");
        JsonNode endedEntry = auditor.api()
                .get("/api/v1/audit?action=cdo.member.end&objectId=" + appointed.id() + "&size=5").json()
                .get("items").get(0);
        assertThat(endedEntry.get("detail").asString()).contains("ended 2026-04-01");
    }

    @Test
    void documentsOfAppointmentAreCheckedStoredAndReadByTheDepartmentAndTheAuthorityOnly() {
        Dept department = newDepartment(admin, "任命文件局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn colleague = newUser(admin, department.id(), Role.DATA_USER);
        LoggedIn appointee = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        Dept other = newDepartment(admin, "外局");
        LoggedIn otherAdmin = newUser(admin, other.id(), Role.DEPARTMENT_ADMIN);

        long memberId = departmentAdmin.api()
                .post(GROUP, member(department.id(), appointee.id(), "DATA_MANAGEMENT_SPECIALIST", "2026-05-06")).id();
        Api.Response stored = departmentAdmin.api().upload(GROUP + "/" + memberId + "/documents", "file",
                "任命通知.pdf", "application/pdf", PDF);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.text("fileName")).isEqualTo("任命通知.pdf");
        assertThat(stored.text("contentType")).isEqualTo("application/pdf");
        JsonNode listed = list(departmentAdmin.api().get(GROUP + "?departmentId=" + department.id())).getFirst();
        assertThat(listed.get("documents")).hasSize(1);

        String download = "/api/v1/org/appointment-documents/" + stored.id();
        Api.Download byColleague = colleague.api().download(download);
        assertThat(byColleague.status()).isEqualTo(200);
        assertThat(byColleague.contentType()).startsWith("application/pdf");
        assertThat(byColleague.body()).isEqualTo(PDF);
        assertThat(admin.download(download).status()).isEqualTo(200);
        assertThat(otherAdmin.api().download(download).status()).isEqualTo(404);

        // a text file called PDF, a PNG declared as PDF, an empty upload, another department: problems
        Api.Response fake = departmentAdmin.api().upload(GROUP + "/" + memberId + "/documents", "file", "任命.pdf",
                "application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(415);
        assertThat(fake.code()).isEqualTo("ATTACHMENT_TYPE_REFUSED");
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0 };
        assertThat(departmentAdmin.api().upload(GROUP + "/" + memberId + "/documents", "file", "任命.png",
                "application/pdf", png).code()).isEqualTo("ATTACHMENT_TYPE_REFUSED");
        assertThat(departmentAdmin.api().upload(GROUP + "/" + memberId + "/documents", "file", "任命.png",
                "image/png", png).status()).isEqualTo(201);
        Api.Response empty = departmentAdmin.api().upload(GROUP + "/" + memberId + "/documents", "file", "a.pdf",
                "application/pdf", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(otherAdmin.api().upload(GROUP + "/" + memberId + "/documents", "file", "a.pdf",
                "application/pdf", PDF).status()).isEqualTo(404);
        // a file over the limit (10 MB)
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);
        Api.Response tooLarge = departmentAdmin.api().upload(GROUP + "/" + memberId + "/documents", "file",
                "large.pdf", "application/pdf", large);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.code()).isEqualTo("ATTACHMENT_TOO_LARGE");

        // the officer's appointment carries a document the same way
        long termId = departmentAdmin.api().post(OFFICERS, officer(department.id(), appointee.id(), "2026-05-06")).id();
        assertThat(departmentAdmin.api().upload(OFFICERS + "/" + termId + "/documents", "file", "任命.pdf",
                "application/pdf", PDF).status()).isEqualTo(201);
        assertThat(otherAdmin.api().upload(OFFICERS + "/" + termId + "/documents", "file", "任命.pdf",
                "application/pdf", PDF).status()).isEqualTo(403);
        assertThat(list(admin.get(OFFICERS + "/" + termId + "/documents"))).hasSize(1);
        assertThat(otherAdmin.api().get(OFFICERS + "/" + termId + "/documents").status()).isEqualTo(404);
    }

    @Test
    void aChangeIsDueInFiveWorkingDaysAndAnOverdueOneIsAViolationDetectedOnceUntilReported() {
        Dept department = newDepartment(admin, "报备局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn appointee = newUser(admin, department.id(), Role.DATA_PROVIDER);
        Dept other = newDepartment(admin, "隔壁局");
        LoggedIn otherAdmin = newUser(admin, other.id(), Role.DEPARTMENT_ADMIN);

        // appointed on 30 September 2026: the National Day holiday (1-7 October) does not count, 10 October (a
        // Saturday worked) does: due 13 October, not 7 October
        departmentAdmin.api().post(OFFICERS, officer(department.id(), appointee.id(), "2026-09-30"));
        JsonNode filing = filings(departmentAdmin.api(), department.id(), "OFFICER_APPOINTED").getFirst();
        assertThat(filing.get("dueOn").asString()).isEqualTo("2026-10-13");
        assertThat(filing.get("effectiveOn").asString()).isEqualTo("2026-09-30");
        assertThat(filing.get("statusLabel").asString()).isEqualTo("待报送");
        assertThat(filing.get("kindLabel").asString()).isEqualTo("首席数据官任命");
        boolean overdue = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).isAfter(LocalDate.of(2026, 10, 13));
        assertThat(filing.get("overdue").asBoolean()).isEqualTo(overdue);
        long filingId = filing.get("id").asLong();
        // the authority sees every department's filings; another department none of this one's
        assertThat(list(admin.get(FILINGS))).anyMatch(f -> f.get("id").asLong() == filingId);
        assertThat(list(otherAdmin.api().get(FILINGS))).noneMatch(f -> f.get("id").asLong() == filingId);
        assertThat(otherAdmin.api().get(FILINGS + "/" + filingId).status()).isEqualTo(404);

        // on the administrator's workbench and among the deadlines the notices tell
        assertThat(departmentAdmin.api().get("/api/v1/workbench").body()).contains("org.filing", "首席数据官任命");
        List<Deadline> deadlines = pendingDeadlines.stream().flatMap(module -> module.pending().stream())
                .filter(d -> d.key().equals("org-filing:" + filingId)).toList();
        assertThat(deadlines).singleElement()
                .satisfies(d -> assertThat(d.dueOn()).isEqualTo(LocalDate.of(2026, 10, 13)))
                .satisfies(d -> assertThat(d.departmentId()).isEqualTo(department.id()));

        // overdue (the test runs after 13 October 2026): detected once, however often detection runs
        if (overdue) {
            assertThat(admin.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(200);
            assertThat(admin.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(200);
            List<JsonNode> violations = filingViolations(department.id());
            assertThat(violations).singleElement().satisfies(v -> {
                assertThat(v.get("typeLabel").asString()).isEqualTo("人员变动或年度总结逾期未报送");
                assertThat(v.get("detectedOn").asString()).isNotEmpty();
                assertThat(v.get("status").asString()).isEqualTo("DETECTED");
            });
            long violationId = violations.getFirst().get("id").asLong();
            assertThat(admin.post(VIOLATIONS + "/" + violationId + "/order", Map.of()).status()).isEqualTo(200);
            // before the filing is reported the re-check still finds it
            assertThat(admin.post(VIOLATIONS + "/" + violationId + "/recheck", Map.of()).json().get("status")
                    .asString()).isEqualTo("ORDERED");
        }

        // only the department's administrator reports it, once; the authority acknowledges it
        assertThat(otherAdmin.api().post(FILINGS + "/" + filingId + "/report", Map.of()).status()).isEqualTo(404);
        assertThat(appointee.api().post(FILINGS + "/" + filingId + "/report", Map.of()).status()).isEqualTo(403);
        assertThat(departmentAdmin.api().post(FILINGS + "/" + filingId + "/acknowledge", Map.of()).status())
                .isEqualTo(403);
        Api.Response reported = departmentAdmin.api().post(FILINGS + "/" + filingId + "/report",
                Map.of("text", "已按程序任命，任命文件附后"));
        assertThat(reported.status()).as(reported.body()).isEqualTo(200);
        assertThat(reported.text("statusLabel")).isEqualTo("已报送");
        assertThat(departmentAdmin.api().post(FILINGS + "/" + filingId + "/report", Map.of()).status())
                .isEqualTo(409);
        Api.Response acknowledged = admin.post(FILINGS + "/" + filingId + "/acknowledge", Map.of());
        assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
        assertThat(acknowledged.text("statusLabel")).isEqualTo("已确认");
        assertThat(pendingDeadlines.stream().flatMap(module -> module.pending().stream())
                .filter(d -> d.key().equals("org-filing:" + filingId))).isEmpty();

        if (overdue) {
            // reported: the re-check closes the order
            long violationId = filingViolations(department.id()).getFirst().get("id").asLong();
            assertThat(admin.post(VIOLATIONS + "/" + violationId + "/recheck", Map.of()).json().get("status")
                    .asString()).isEqualTo("CLOSED");
            admin.post("/api/v1/supervision/detect", Map.of());
            assertThat(filingViolations(department.id())).hasSize(1);
        }
    }

    @Test
    void rosterAndWorkingGroupChangesOpenFilingsToo() {
        Dept department = newDepartment(admin, "名单局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn appointee = newUser(admin, department.id(), Role.DATA_PROVIDER);

        Map<String, Object> person = Map.of("name", "王五", "title", "处长");
        Api.Response roster = departmentAdmin.api().put("/api/v1/departments/" + department.id() + "/roster",
                Map.of("leader", person, "manager", person, "contacts", List.of(), "reason", "机构调整"));
        assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        JsonNode rosterFiling = filings(departmentAdmin.api(), department.id(), "ROSTER_CHANGED").getFirst();
        assertThat(rosterFiling.get("subject").asString()).contains("机构调整");
        assertThat(rosterFiling.get("overdue").asBoolean()).isFalse();
        assertThat(rosterFiling.get("workingDaysLeft").asInt()).isEqualTo(5);

        long memberId = departmentAdmin.api()
                .post(GROUP, member(department.id(), appointee.id(), "SYSTEM_INTEGRATION_CONTACT", "2026-11-02")).id();
        departmentAdmin.api().post(GROUP + "/" + memberId + "/end", Map.of("endedOn", "2026-11-20", "reason", "退休"));
        assertThat(filings(departmentAdmin.api(), department.id(), "MEMBER_APPOINTED")).singleElement()
                .satisfies(f -> assertThat(f.get("dueOn").asString()).isEqualTo("2026-11-09"));
        assertThat(filings(departmentAdmin.api(), department.id(), "MEMBER_ENDED")).singleElement()
                .satisfies(f -> assertThat(f.get("dueOn").asString()).isEqualTo("2026-11-27"));
    }

    @Test
    void theOfficerSubmitsTheYearlySummaryDueOnFifteenDecember() {
        Dept department = newDepartment(admin, "总结局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn officer = newUser(admin, department.id(), Role.DATA_USER);
        departmentAdmin.api().post(OFFICERS, officer(department.id(), officer.id(), "2025-03-03"));

        List<JsonNode> summaries = filings(officer.api(), department.id(), "YEARLY_SUMMARY");
        assertThat(summaries).extracting(s -> s.get("dueOn").asString()).contains("2025-12-15", "2026-12-15");
        JsonNode lastYear = summaries.stream().filter(s -> s.get("dueOn").asString().equals("2025-12-15"))
                .findFirst().orElseThrow();
        long id = lastYear.get("id").asLong();
        assertThat(lastYear.get("overdue").asBoolean()).isTrue();
        assertThat(lastYear.get("kindLabel").asString()).isEqualTo("首席数据官年度工作总结");
        // the officer's workbench shows it
        assertThat(officer.api().get("/api/v1/workbench").body()).contains("org.filing", "2025年度首席数据官工作总结");

        // missing after the date: a violation of the same kind
        admin.post("/api/v1/supervision/detect", Map.of());
        assertThat(filingViolations(department.id()))
                .anyMatch(v -> v.get("subject").asString().contains("2025年度首席数据官工作总结")
                        && v.get("status").asString().equals("DETECTED"));

        // only the officer submits it, with a text and optionally a document
        assertThat(departmentAdmin.api().post(FILINGS + "/" + id + "/report", Map.of("text", "总结")).status())
                .isEqualTo(403);
        Api.Response blank = officer.api().post(FILINGS + "/" + id + "/report", Map.of("text", " "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("FIELD_REQUIRED");
        assertThat(officer.api().upload(FILINGS + "/" + id + "/documents", "file", "2025年度总结.pdf",
                "application/pdf", PDF).status()).isEqualTo(201);
        Api.Response submitted = officer.api().post(FILINGS + "/" + id + "/report",
                Map.of("text", "一、年度工作开展情况……"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.text("reportText")).startsWith("一、年度工作开展情况");
        assertThat(submitted.json().get("documents")).hasSize(1);
        assertThat(officer.api().upload(FILINGS + "/" + id + "/documents", "file", "b.pdf", "application/pdf", PDF)
                .status()).isEqualTo(409);

        // submitted: the detection no longer fires and resolves it
        admin.post("/api/v1/supervision/detect", Map.of());
        assertThat(filingViolations(department.id()))
                .filteredOn(v -> v.get("subject").asString().contains("2025年度首席数据官工作总结"))
                .allMatch(v -> v.get("status").asString().equals("RESOLVED"));
    }
}
