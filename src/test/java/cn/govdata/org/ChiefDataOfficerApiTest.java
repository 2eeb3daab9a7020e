package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Chief data officers (ORG-3) through the HTTP API: a department's administrator appoints their own department's,
 * never another's; the authority appoints the region's; a successor ends the term in office, the history stays;
 * bad input is a problem, not an error.
 */
class ChiefDataOfficerApiTest extends ApiIntegrationTest {

    private static final String BASE = "/api/v1/org/chief-data-officers";

    private Api admin;

    @BeforeEach
    void setUp() {
        admin = admin();
    }

    private static Map<String, Object> appointment(Long departmentId, long userId, String appointedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("departmentId", departmentId);
        body.put("userId", userId);
        body.put("appointedOn", appointedOn);
        body.put("duties", "统筹本单位数据工作");
        body.put("contact", "0535-1234567");
        return body;
    }

    private static List<JsonNode> list(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> terms = new java.util.ArrayList<>();
        response.json().forEach(terms::add);
        return terms;
    }

    @Test
    void aDepartmentAdministratorAppointsTheirOwnChiefDataOfficerAndNoOtherDepartments() {
        Dept department = newDepartment(admin, "首席数据官局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn officer = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        Dept other = newDepartment(admin, "他局");
        LoggedIn otherAdmin = newUser(admin, other.id(), Role.DEPARTMENT_ADMIN);

        // another department's administrator may not appoint it
        Api.Response refused = otherAdmin.api().post(BASE, appointment(department.id(), officer.id(), "2026-03-01"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");

        Api.Response appointed = departmentAdmin.api().post(BASE,
                appointment(department.id(), officer.id(), "2026-03-01"));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        assertThat(appointed.json().get("departmentId").asLong()).isEqualTo(department.id());
        assertThat(appointed.json().get("userId").asLong()).isEqualTo(officer.id());
        assertThat(appointed.text("office")).isEqualTo(department.name());
        assertThat(appointed.text("appointedOn")).isEqualTo("2026-03-01");
        assertThat(appointed.json().get("inOffice").asBoolean()).isTrue();

        // the department sees it; the other department does not
        List<JsonNode> seen = list(departmentAdmin.api().get(BASE + "?departmentId=" + department.id()));
        assertThat(seen).extracting(t -> t.get("id").asLong()).containsExactly(appointed.id());
        assertThat(otherAdmin.api().get(BASE + "?departmentId=" + department.id()).status()).isEqualTo(403);
        assertThat(list(otherAdmin.api().get(BASE))).noneMatch(t -> t.get("id").asLong() == appointed.id());
        // the authority sees every department's
        assertThat(list(admin.get(BASE))).anyMatch(t -> t.get("id").asLong() == appointed.id());
        // nor may the other department's administrator end the term
        assertThat(otherAdmin.api().post(BASE + "/" + appointed.id() + "/end",
                Map.of("endedOn", "2026-04-01", "reason", "调任")).status()).isEqualTo(404);
    }

    @Test
    void aSuccessorEndsTheTermInOfficeAndTheHistoryStays() {
        Dept department = newDepartment(admin, "接任局");
        LoggedIn first = newUser(admin, department.id(), Role.DATA_PROVIDER);
        LoggedIn second = newUser(admin, department.id(), Role.DATA_PROVIDER);
        long firstTerm = admin.post(BASE, appointment(department.id(), first.id(), "2026-01-05")).id();

        // the same person again, or a successor appointed before the term began, is refused
        assertThat(admin.post(BASE, appointment(department.id(), first.id(), "2026-02-01")).status()).isEqualTo(409);
        Api.Response early = admin.post(BASE, appointment(department.id(), second.id(), "2025-12-01"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.code()).isEqualTo("INVALID_VALUE");

        Api.Response successor = admin.post(BASE, appointment(department.id(), second.id(), "2026-06-01"));
        assertThat(successor.status()).as(successor.body()).isEqualTo(201);
        List<JsonNode> inOffice = list(admin.get(BASE + "?departmentId=" + department.id()));
        assertThat(inOffice).extracting(t -> t.get("userId").asLong()).containsExactly(second.id());
        List<JsonNode> history = list(admin.get(BASE + "?departmentId=" + department.id() + "&history=true"));
        assertThat(history).hasSize(2);
        JsonNode ended = history.stream().filter(t -> t.get("id").asLong() == firstTerm).findFirst().orElseThrow();
        assertThat(ended.get("endedOn").asString()).isEqualTo("2026-06-01");
        assertThat(ended.get("inOffice").asBoolean()).isFalse();

        // removal without successor needs a reason, and a date not before the appointment
        String end = BASE + "/" + successor.id() + "/end";
        assertThat(admin.post(end, Map.of("endedOn", "2026-07-01")).status()).isEqualTo(400);
        assertThat(admin.post(end, Map.of("endedOn", "2026-05-01", "reason", "免职")).status()).isEqualTo(400);
        Api.Response removed = admin.post(end, Map.of("endedOn", "2026-07-01", "reason", "免职"));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().get("inOffice").asBoolean()).isFalse();
        assertThat(admin.post(end, Map.of("endedOn", "2026-07-02", "reason", "免职")).status()).isEqualTo(409);
        assertThat(list(admin.get(BASE + "?departmentId=" + department.id()))).isEmpty();
    }

    @Test
    void onlyTheAuthorityAppointsTheRegionsChiefDataOfficer() {
        Dept department = newDepartment(admin, "区域首席局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn officer = newUser(admin, department.id(), Role.DATA_USER);

        assertThat(departmentAdmin.api().post(BASE, appointment(null, officer.id(), LocalDate.now().toString()))
                .status()).isEqualTo(403);
        Api.Response appointed = admin.post(BASE, appointment(null, officer.id(), LocalDate.now().toString()));
        assertThat(appointed.status()).as(appointed.body()).isEqualTo(201);
        assertThat(appointed.json().has("departmentId")).isFalse();
        // everyone in the region sees who the region's chief data officer is
        assertThat(list(departmentAdmin.api().get(BASE)))
                .anyMatch(t -> t.get("id").asLong() == appointed.id() && !t.has("departmentId"));
        // and the appointed officer finds the appointment in their inbox
        eventually(() -> officer.api().get("/api/v1/notifications").json().get("items").size() == 1);
        assertThat(officer.api().get("/api/v1/notifications").json().get("items").get(0).get("kind").asString())
                .isEqualTo("cdo.appointed");
    }

    private static void eventually(java.util.function.BooleanSupplier condition) {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("waited 10 s").isLessThan(until);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void badInputIsAProblem() {
        Dept department = newDepartment(admin, "问题局");
        Dept other = newDepartment(admin, "别局");
        LoggedIn outsider = newUser(admin, other.id(), Role.DATA_USER);

        Api.Response noUser = admin.post(BASE, Map.of("departmentId", department.id(), "appointedOn", "2026-01-01"));
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.contentType()).startsWith("application/problem+json");
        // the officer must be one of the department's own users, and exist
        Api.Response foreign = admin.post(BASE, appointment(department.id(), outsider.id(), "2026-01-01"));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.code()).isEqualTo("INVALID_VALUE");
        assertThat(admin.post(BASE, appointment(department.id(), 987_654_321L, "2026-01-01")).status())
                .isEqualTo(400);
        assertThat(admin.post(BASE, appointment(987_654_321L, outsider.id(), "2026-01-01")).status())
                .isEqualTo(404);
        Map<String, Object> badDate = appointment(department.id(), outsider.id(), "2026-13-01");
        assertThat(admin.post(BASE, badDate).status()).isEqualTo(400);
        assertThat(admin.post(BASE + "/987654321/end", Map.of("endedOn", "2026-01-01", "reason", "x")).status())
                .isEqualTo(404);
    }
}
