package cn.govdata.security.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.audit.AuditActor;
import cn.govdata.audit.AuditEvent;
import cn.govdata.audit.AuditLog;
import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Security incidents (SEC-5): the authority's security administrator registers an incident with the catalog entries
 * and departments affected, who see it in their notices; its actions make a timeline and a report; suspicious
 * patterns in the audit log raise a draft, once, that is notified only when confirmed.
 */
class IncidentApiTest extends CatalogFixtures {

    @Autowired
    private AuditLog audit;

    private Api security;
    private Editor police;
    private Api policeUser;
    private Api stranger;
    private long entryId;

    @BeforeEach
    void setUp() {
        setUpCatalog();
        security = newUser(admin, authorityDepartmentId(admin), Role.SECURITY_ADMIN).api();
        police = newEditor("公安局");
        policeUser = newUser(admin, police.department().id(), Role.DATA_USER).api();
        stranger = newUser(admin, newDepartment(admin, "教育局").id(), Role.DEPARTMENT_ADMIN).api();
        entryId = published(police, content("人口基础信息" + unique())).id();
    }

    private Map<String, Object> form(String type, String grade, String title, List<Long> entries, List<Long> departments) {
        return Map.of("type", type, "grade", grade, "title", title, "description", "接口日志显示批量导出",
                "entryIds", entries, "departmentIds", departments);
    }

    @Test
    void anIncidentIsRegisteredNotifiedFollowedAndReported() {
        Map<String, Object> form = form("DATA_LEAK", "RELATIVELY_SERIOUS", "人口数据疑似泄露", List.of(entryId), List.of());
        assertThat(policeUser.post("/api/v1/security/incidents", form).status()).isEqualTo(403);
        Api.Response registered = security.post("/api/v1/security/incidents", form);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.text("status")).isEqualTo("OPEN");
        long id = registered.id();
        // the entry's department is affected with its data, and notified
        assertThat(Api.texts(registered.json().get("departments"), "name")).containsExactly(police.department().name());
        JsonNode notices = policeUser.get("/api/v1/security/incident-notices").json();
        assertThat(notices.size()).isEqualTo(1);
        assertThat(notices.get(0).get("title").asString()).isEqualTo("人口数据疑似泄露");
        assertThat(stranger.get("/api/v1/security/incident-notices").json().size()).isZero();
        assertThat(stranger.get("/api/v1/security/incidents/" + id).status()).isEqualTo(404);

        Api.Response acted = security.post("/api/v1/security/incidents/" + id + "/actions",
                Map.of("text", "已停用涉事接口并重置密钥"));
        assertThat(acted.json().get("actions").size()).isEqualTo(2);
        assertThat(security.post("/api/v1/security/incidents/" + id + "/actions", Map.of("text", " ")).code())
                .isEqualTo("FIELD_REQUIRED");
        String report = security.get("/api/v1/security/incidents/" + id + "/report").body();
        assertThat(report).contains("数据安全事件报告", "较大（III级）", "数据泄露", "已停用涉事接口并重置密钥",
                police.department().name());
        Api.Response closed = security.post("/api/v1/security/incidents/" + id + "/close", Map.of("text", "影响已消除"));
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(security.post("/api/v1/security/incidents/" + id + "/actions", Map.of("text", "再记一笔")).code())
                .isEqualTo("INVALID_STATE");
        assertThat(security.post("/api/v1/security/incidents", form("DATA_LEAK", "GENERAL", "x", List.of(-1L),
                List.of())).code()).isEqualTo("INVALID_VALUE");
    }

    @Test
    void repeatedRefusalsAndLoginsFailingAcrossAccountsRaiseOneDraftEach() {
        String system = "system-" + unique();
        String address = "203.0.113." + (int) (Math.random() * 200);
        for (int i = 0; i < 5; i++) {
            audit.record(AuditEvent.failure("share.authorize", "catalog-entry", entryId, "NO_GRANT QUERY"),
                    new AuditActor(system, police.department().id(), null));
            audit.record(AuditEvent.failure("auth.login", "user", null, "wrong password"),
                    new AuditActor("user-" + i + "-" + unique(), null, address));
        }
        // four refusals of another caller stay below the threshold
        for (int i = 0; i < 4; i++) {
            audit.record(AuditEvent.failure("share.authorize", "catalog-entry", entryId, "NO_GRANT QUERY"),
                    new AuditActor("quiet-" + system, police.department().id(), null));
        }
        Api.Response scanned = security.post("/api/v1/security/incidents/scan", Map.of());
        assertThat(scanned.status()).as(scanned.body()).isEqualTo(200);
        assertThat(scanned.json().get("raised").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(security.post("/api/v1/security/incidents/scan", Map.of()).json().get("raised").asInt()).isZero();

        JsonNode drafts = security.get("/api/v1/security/incidents").json();
        JsonNode refused = find(drafts, system);
        assertThat(refused.get("status").asString()).isEqualTo("DRAFT");
        assertThat(refused.get("type").asString()).isEqualTo("UNAUTHORIZED_ACCESS");
        assertThat(find(drafts, address).get("type").asString()).isEqualTo("ATTACK");
        assertThat(drafts.toString()).doesNotContain("quiet-" + system);
        // a draft is not notified until the administrator confirms it
        assertThat(policeUser.get("/api/v1/security/incident-notices").json().size()).isZero();
        long id = refused.get("id").asLong();
        Api.Response confirmed = security.post("/api/v1/security/incidents/" + id + "/confirm", form(
                "UNAUTHORIZED_ACCESS", "GENERAL", "接入系统越权访问", List.of(entryId), List.of()));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(policeUser.get("/api/v1/security/incident-notices").json().size()).isEqualTo(1);
    }

    private static JsonNode find(JsonNode incidents, String text) {
        for (JsonNode incident : incidents) {
            if (incident.get("title").asString().contains(text)) {
                return incident;
            }
        }
        throw new AssertionError("no incident about " + text + " in " + incidents);
    }
}
