package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

class OrganisationApiTest extends ApiIntegrationTest {

    @Test
    void regionsAreCreatedFromKnownDivisionCodesWithinTheirParent() {
        Api admin = admin();
        long home = homeRegionId(admin);
        Api.Response county = admin.post("/api/v1/regions", Map.of("divisionCode", "370602", "parentId", home));
        if (county.status() == 409) { // PostgreSQL runs keep the database between test classes
            assertThat(county.code()).isEqualTo("DUPLICATE_REGION");
        } else {
            assertThat(county.status()).as(county.body()).isEqualTo(201);
            assertThat(county.text("name")).isEqualTo("芝罘区");
            assertThat(county.text("level")).isEqualTo("COUNTY");
        }
        Api.Response unknown = admin.post("/api/v1/regions", Map.of("divisionCode", "999999"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("INVALID_DIVISION_CODE");
        Api.Response elsewhere = admin.post("/api/v1/regions", Map.of("divisionCode", "110101", "parentId", home));
        assertThat(elsewhere.code()).isEqualTo("INVALID_PARENT");
    }

    @Test
    void divisionsCascadeFromProvinceToCounty() {
        Api admin = admin();
        assertThat(codes(admin.get("/api/v1/divisions"), "code")).contains("370000", "110000");
        assertThat(codes(admin.get("/api/v1/divisions?parent=370000"), "code")).contains("370600");
        assertThat(codes(admin.get("/api/v1/divisions?parent=370600"), "name")).contains("芝罘区");
    }

    @Test
    void aDepartmentNeedsAValidUniqueCreditCodeAndNothingIsWrittenOtherwise() {
        Api admin = admin();
        long region = homeRegionId(admin);
        String name = "无效代码局" + unique();
        Api.Response invalid = admin.post("/api/v1/departments", Map.of("regionId", region, "name", name,
                "creditCode", "11370600MB1234567A", "type", "ADMINISTRATIVE_ORGAN"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.code()).isEqualTo("INVALID_CREDIT_CODE");
        assertThat(codes(admin.get("/api/v1/departments?regionId=" + region), "name")).doesNotContain(name);

        Dept first = newDepartment(admin, "重复代码局");
        Api.Response duplicate = admin.post("/api/v1/departments", Map.of("regionId", region, "name", name,
                "creditCode", first.creditCode(), "type", "PUBLIC_SERVICE_ENTERPRISE"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("DUPLICATE_CREDIT_CODE");

        Api.Response badType = admin.post("/api/v1/departments", Map.of("regionId", region, "name", name,
                "creditCode", randomCreditCode(), "type", "NO_SUCH_TYPE"));
        assertThat(badType.status()).isEqualTo(400);
    }

    @Test
    void aDepartmentHierarchyCannotBecomeCircular() {
        Api admin = admin();
        Dept parent = newDepartment(admin, "上级局");
        Dept child = newDepartment(admin, "下属中心");
        assertThat(admin.put("/api/v1/departments/" + child.id(),
                Map.of("name", child.name(), "type", "AUTHORISED_INSTITUTION", "parentId", parent.id())).status())
                .isEqualTo(200);
        Api.Response circular = admin.put("/api/v1/departments/" + parent.id(),
                Map.of("name", parent.name(), "type", "ADMINISTRATIVE_ORGAN", "parentId", child.id()));
        assertThat(circular.code()).isEqualTo("INVALID_PARENT");
    }

    @Test
    void rosterChangesAreKeptAsHistory() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "名册局");
        LoggedIn deptAdmin = newUser(admin, dept.id(), Role.DEPARTMENT_ADMIN);
        Map<String, Object> first = Map.of("leader", Map.of("name", "王局长", "title", "副局长"), "manager",
                Map.of("name", "李科长", "phone", "0535-1234567"), "contacts", List.of(Map.of("name", "赵干事")),
                "reason", "首次报备");
        assertThat(deptAdmin.api().put("/api/v1/departments/" + dept.id() + "/roster", first).status()).isEqualTo(200);
        Map<String, Object> second = Map.of("leader", Map.of("name", "孙局长"), "manager", Map.of("name", "李科长"),
                "contacts", List.of(), "reason", "分管领导调整");
        Api.Response changed = deptAdmin.api().put("/api/v1/departments/" + dept.id() + "/roster", second);
        assertThat(changed.json().get("version").asInt()).isEqualTo(2);
        assertThat(changed.text("changedBy")).isEqualTo(deptAdmin.username());

        Api.Response history = admin.get("/api/v1/departments/" + dept.id() + "/roster/history");
        assertThat(history.json().size()).isEqualTo(2);
        assertThat(history.json().get(0).get("leader").get("name").asString()).isEqualTo("孙局长");
        assertThat(history.json().get(1).get("leader").get("name").asString()).isEqualTo("王局长");
        assertThat(history.json().get(1).get("reason").asString()).isEqualTo("首次报备");
    }

    @Test
    void oneAccountCannotHoldTwoOfTheThreeAdministratorRoles() {
        Api admin = admin();
        Api.Response both = admin.post("/api/v1/users", Map.of("username", "sa" + unique(), "displayName", "兼任",
                "departmentId", authorityDepartmentId(admin), "roles", List.of("SYSTEM_ADMIN", "AUDIT_ADMIN"),
                "initialPassword", "Initial-Pass-2026"));
        assertThat(both.status()).isEqualTo(409);
        assertThat(both.code()).isEqualTo("SEPARATION_OF_DUTIES");

        Dept dept = newDepartment(admin, "普通局");
        Api.Response outside = admin.post("/api/v1/users", Map.of("username", "aa" + unique(), "displayName", "越权",
                "departmentId", dept.id(), "roles", List.of("AUDIT_ADMIN"), "initialPassword", "Initial-Pass-2026"));
        assertThat(outside.code()).isEqualTo("ROLE_NOT_ALLOWED");
    }

    @Test
    void loginsAreUniqueRegardlessOfCase() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "重名局");
        LoggedIn user = newUser(admin, dept.id(), Role.DATA_USER);
        Api.Response again = admin.post("/api/v1/users", Map.of("username", user.username().toUpperCase(),
                "displayName", "重名", "departmentId", dept.id(), "roles", List.of("DATA_USER"),
                "initialPassword", "Initial-Pass-2026"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_LOGIN");
    }

    @Test
    void onlyTheAuthoritysSystemAdministratorShapesTheDirectory() {
        Api admin = admin();
        Dept dept = newDepartment(admin, "无权局");
        LoggedIn deptAdmin = newUser(admin, dept.id(), Role.DEPARTMENT_ADMIN);
        Api.Response create = deptAdmin.api().post("/api/v1/departments", Map.of("regionId", dept.regionId(),
                "name", "私设局", "creditCode", randomCreditCode(), "type", "ADMINISTRATIVE_ORGAN"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("FORBIDDEN");
        assertThat(deptAdmin.api().post("/api/v1/regions", Map.of("divisionCode", "370612")).status()).isEqualTo(403);
        Api.Response promote = deptAdmin.api().post("/api/v1/users", Map.of("username", "x" + unique(),
                "displayName", "x", "departmentId", dept.id(), "roles", List.of("DATA_USER", "SHARE_APPROVER"),
                "initialPassword", "Initial-Pass-2026"));
        assertThat(promote.status()).as("a department administrator creates its own department's users").isEqualTo(201);
    }

    /** No IDOR: every endpoint that takes an id refuses another department's objects. */
    @Test
    void aDepartmentCannotReachAnotherDepartmentsPeopleSystemsOrRoster() {
        Api admin = admin();
        Dept a = newDepartment(admin, "甲局");
        Dept b = newDepartment(admin, "乙局");
        LoggedIn adminOfA = newUser(admin, a.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn userOfB = newUser(admin, b.id(), Role.DATA_USER);
        Api.Response systemOfB = admin.post("/api/v1/systems", Map.of("departmentId", b.id(), "name", "乙系统"));
        long systemId = systemOfB.id();
        Api attacker = adminOfA.api();

        assertThat(attacker.get("/api/v1/users/" + userOfB.id()).status()).isEqualTo(404);
        assertThat(attacker.put("/api/v1/users/" + userOfB.id(),
                Map.of("displayName", "x", "roles", List.of("DATA_USER"), "enabled", false)).status()).isEqualTo(404);
        assertThat(attacker.post("/api/v1/users/" + userOfB.id() + "/unlock", Map.of()).status()).isEqualTo(404);
        assertThat(attacker.post("/api/v1/users/" + userOfB.id() + "/reset-password",
                Map.of("newPassword", "Takeover-2026!")).status()).isEqualTo(404);
        assertThat(attacker.get("/api/v1/users?departmentId=" + b.id()).status()).isEqualTo(403);
        assertThat(attacker.post("/api/v1/users", Map.of("username", "y" + unique(), "displayName", "y",
                "departmentId", b.id(), "roles", List.of("DATA_USER"), "initialPassword", "Initial-Pass-2026"))
                .status()).isEqualTo(403);

        assertThat(attacker.get("/api/v1/systems/" + systemId).status()).isEqualTo(404);
        assertThat(attacker.post("/api/v1/systems/" + systemId + "/rotate-secret", Map.of()).status()).isEqualTo(404);
        assertThat(attacker.post("/api/v1/systems/" + systemId + "/revoke", Map.of()).status()).isEqualTo(404);
        assertThat(attacker.get("/api/v1/systems?departmentId=" + b.id()).status()).isEqualTo(403);
        assertThat(attacker.post("/api/v1/systems", Map.of("departmentId", b.id(), "name", "冒名系统")).status())
                .isEqualTo(403);

        assertThat(attacker.get("/api/v1/departments/" + b.id() + "/roster/history").status()).isEqualTo(403);
        assertThat(attacker.put("/api/v1/departments/" + b.id() + "/roster", Map.of("leader", Map.of("name", "x"),
                "manager", Map.of("name", "y"), "contacts", List.of())).status()).isEqualTo(403);
        assertThat(attacker.put("/api/v1/departments/" + b.id(),
                Map.of("name", "改名", "type", "ADMINISTRATIVE_ORGAN")).status()).isEqualTo(403);

        // nothing changed for B
        assertThat(admin.get("/api/v1/users/" + userOfB.id()).json().get("enabled").asBoolean()).isTrue();
        assertThat(admin.get("/api/v1/systems/" + systemId).text("status")).isEqualTo("ACTIVE");
        assertThat(login(userOfB.username(), userOfB.password())).isNotNull();
    }

    @Test
    void validationProblemsNameTheFields() {
        Api admin = admin();
        Api.Response response = admin.post("/api/v1/users", Map.of("username", "bad name!", "displayName", "",
                "departmentId", 1, "roles", List.of(), "initialPassword", "x"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(response.json().get("fields").has("username")).isTrue();
        assertThat(response.json().get("fields").has("displayName")).isTrue();

        Api.Response notJson = admin.send("POST", "/api/v1/departments", "{not json", "Content-Type",
                "application/json");
        assertThat(notJson.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(notJson.body()).doesNotContain("Exception");
    }
}
