package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Technical service units (ORG-4) through the HTTP API: a unit's user edits the catalog of a department it is
 * authorised for, is refused what its authorisation does not cover (lake uploads), refused after the period and at
 * once after revocation; the audit names the unit on its staff's entries; only the authority's system administrator
 * authorises; bad input is a problem.
 */
class ServiceUnitApiTest extends CatalogFixtures {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    private static Map<String, Object> unit(List<String> actions, List<Long> departments, LocalDate from,
            LocalDate until) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("name", "某某信息技术有限公司" + unique());
        unit.put("creditCode", randomCreditCode());
        unit.put("actions", actions);
        unit.put("departmentIds", departments);
        unit.put("validFrom", from.toString());
        unit.put("validUntil", until.toString());
        return unit;
    }

    private long authorise(Map<String, Object> unit) {
        Api.Response created = admin.post("/api/v1/org/service-units", unit);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    @Test
    void aUnitsUserActsWithinScopeIsRefusedOutsideItAndAfterRevocation() {
        Dept served = newDepartment(admin, "服务对象局");
        Map<String, Object> authorisation = unit(List.of("CATALOG_EDIT"), List.of(served.id()), TODAY.minusDays(1),
                TODAY.plusDays(30));
        String unitName = (String) authorisation.get("name");
        long unitId = authorise(authorisation);
        LoggedIn staff = newUser(admin, served.id(), Role.CATALOG_EDITOR, Role.DATA_PROVIDER);
        Api.Response linked = admin.post("/api/v1/org/service-units/" + unitId + "/members", Map.of("userId", staff.id()));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("inForce").asBoolean()).isTrue();
        assertThat(linked.json().get("memberIds").get(0).asLong()).isEqualTo(staff.id());

        // within scope: the unit's user drafts and submits the department's entry, which the authority publishes
        Api.Response entry = draft(staff.api(), content("外包编目信息" + unique()));
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        assertThat(staff.api().post("/api/v1/catalog/entries/" + entry.id() + "/submit", Map.of()).status())
                .isEqualTo(200);
        assertThat(reviewer.post("/api/v1/catalog/entries/" + entry.id() + "/publish", Map.of()).status())
                .isEqualTo(200);
        // the audit names the unit and that its staff acted for the authority
        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        JsonNode created = auditor.get("/api/v1/audit?action=catalog.create&actor=" + staff.username() + "&size=5")
                .json().get("items").get(0);
        assertThat(created.get("detail").asString()).contains("代数据主管部门").contains(unitName);
        JsonNode published = auditor.get("/api/v1/audit?action=catalog.publish&objectId=" + entry.id() + "&size=5")
                .json().get("items").get(0);
        assertThat(published.get("detail").asString()).doesNotContain("代数据主管部门");
        // outside scope: its authorisation does not cover lake uploads, although the account holds the role
        assertThat(staff.api().post("/api/v1/lake/datasets", Map.of("entryId", entry.id())).status()).isEqualTo(403);
        Api provider = newUser(admin, served.id(), Role.DATA_PROVIDER).api();
        assertThat(provider.post("/api/v1/lake/datasets", Map.of("entryId", entry.id())).status()).isEqualTo(201);

        // revocation takes effect at once, on the same session
        assertThat(admin.post("/api/v1/org/service-units/" + unitId + "/revoke", Map.of()).json().get("inForce")
                .asBoolean()).isFalse();
        assertThat(draft(staff.api(), content("撤销后编目" + unique())).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/org/service-units/" + unitId + "/members", Map.of("userId", staff.id()))
                .status()).isEqualTo(409);
    }

    @Test
    void aUnitsUserIsRefusedAfterThePeriodAndAnAccountOfAnotherDepartmentIsNotLinked() {
        Dept served = newDepartment(admin, "过期服务局");
        long expired = authorise(unit(List.of("CATALOG_EDIT", "LAKE_UPLOAD"), List.of(served.id()),
                TODAY.minusDays(60), TODAY.minusDays(1)));
        LoggedIn staff = newUser(admin, served.id(), Role.CATALOG_EDITOR);
        assertThat(draft(staff.api(), content("期内编目" + unique())).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/org/service-units/" + expired + "/members", Map.of("userId", staff.id()))
                .json().get("inForce").asBoolean()).isFalse();
        assertThat(draft(staff.api(), content("期满编目" + unique())).status()).isEqualTo(403);

        Dept other = newDepartment(admin, "范围外局");
        LoggedIn outsider = newUser(admin, other.id(), Role.CATALOG_EDITOR);
        Api.Response refused = admin.post("/api/v1/org/service-units/" + expired + "/members",
                Map.of("userId", outsider.id()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(draft(outsider.api(), content("范围外编目" + unique())).status()).isEqualTo(201);

        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        assertThat(Api.texts(auditor.get("/api/v1/audit?objectType=service-unit&objectId=" + expired + "&size=10")
                .json().get("items"), "action")).contains("service-unit.authorise", "service-unit.member");
    }

    @Test
    void onlyTheAuthoritysSystemAdministratorAuthorisesAndBadInputIsAProblem() {
        Dept served = newDepartment(admin, "授权输入局");
        Map<String, Object> good = unit(List.of("CATALOG_EDIT"), List.of(served.id()), TODAY, TODAY.plusDays(1));
        Api editor = newUser(admin, served.id(), Role.CATALOG_EDITOR).api();
        assertThat(editor.post("/api/v1/org/service-units", good).status()).isEqualTo(403);
        assertThat(editor.get("/api/v1/org/service-units").status()).isEqualTo(403);

        Map<String, Object> badCode = new LinkedHashMap<>(good);
        badCode.put("creditCode", "91370000123456789X");
        Api.Response code = admin.post("/api/v1/org/service-units", badCode);
        assertThat(code.status()).isEqualTo(400);
        assertThat(code.contentType()).startsWith("application/problem+json");
        assertThat(code.code()).isEqualTo("INVALID_CREDIT_CODE");
        Map<String, Object> backwards = new LinkedHashMap<>(good);
        backwards.put("validUntil", TODAY.minusDays(1).toString());
        assertThat(admin.post("/api/v1/org/service-units", backwards).code()).isEqualTo("INVALID_VALUE");
        Map<String, Object> noActions = new LinkedHashMap<>(good);
        noActions.put("actions", List.of());
        assertThat(admin.post("/api/v1/org/service-units", noActions).code()).isEqualTo("FIELD_REQUIRED");
        Map<String, Object> unknownAction = new LinkedHashMap<>(good);
        unknownAction.put("actions", List.of("EVERYTHING"));
        assertThat(admin.post("/api/v1/org/service-units", unknownAction).status()).isEqualTo(400);
        Map<String, Object> unknownDepartment = new LinkedHashMap<>(good);
        unknownDepartment.put("departmentIds", List.of(999_999_999L));
        assertThat(admin.post("/api/v1/org/service-units", unknownDepartment).code()).isEqualTo("INVALID_VALUE");
        assertThat(admin.get("/api/v1/org/service-units/999999999").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/org/service-units/999999999/members", Map.of("userId", 1)).status())
                .isEqualTo(404);
    }
}
