package cn.govdata.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.govdata.catalog.CatalogFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The deadline notices of the catalog and of supervision: an overdue catalog update obligation is told to the
 * department's catalog editors, a correction order due today to its administrators; each once, and to no one else.
 */
class DeadlineNoticeOrderApiTest extends CatalogFixtures {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    private DeadlineNotices deadlineNotices;

    @BeforeEach
    void setUp() {
        admin = admin();
    }

    private static List<JsonNode> notices(Api api, String kind, String titlePart) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode notice : api.get("/api/v1/notifications?size=100").json().get("items")) {
            if (kind.equals(notice.get("kind").asString()) && notice.get("title").asString().contains(titlePart)) {
                found.add(notice);
            }
        }
        return found;
    }

    @Test
    void anOverdueObligationAndAnOrderDueTodayAreToldToWhoOwesThem() {
        Dept department = newDepartment(admin, "期限提醒局");
        Api editor = newUser(admin, department.id(), Role.CATALOG_EDITOR).api();
        Api departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN).api();
        Dept other = newDepartment(admin, "期限旁观局");
        Api otherEditor = newUser(admin, other.id(), Role.CATALOG_EDITOR).api();
        String description = "条例修订" + unique();
        Api.Response obligation = editor.post("/api/v1/catalog/obligations", Map.of("trigger", "LAW_CHANGED",
                "triggerDate", TODAY.minusDays(60).toString(), "description", description));
        assertThat(obligation.status()).as(obligation.body()).isEqualTo(201);

        deadlineNotices.run(TODAY);
        deadlineNotices.run(TODAY);
        List<JsonNode> overdue = notices(editor, "deadline.overdue", description);
        assertThat(overdue).hasSize(1);
        assertThat(overdue.getFirst().get("title").asString())
                .isEqualTo("已逾期：目录更新义务“" + description + "”，已于" + obligation.text("dueDate") + "到期");
        assertThat(overdue.getFirst().get("link").asString()).isEqualTo("/catalog/obligations");
        assertThat(notices(otherEditor, "deadline.overdue", description)).isEmpty();

        assertThat(admin.post("/api/v1/supervision/detect", Map.of()).status()).isEqualTo(200);
        JsonNode violation = admin.get("/api/v1/supervision/violations?departmentId=" + department.id()).json().get(0);
        Api.Response ordered = admin.post("/api/v1/supervision/violations/" + violation.get("id").asLong() + "/order",
                Map.of());
        assertThat(ordered.status()).as(ordered.body()).isEqualTo(200);
        LocalDate due = LocalDate.parse(ordered.text("dueOn"));

        deadlineNotices.run(due);
        DeadlineNotices.Run again = deadlineNotices.run(due);
        List<JsonNode> today = notices(departmentAdmin, "deadline.today", "整改通知");
        assertThat(today).hasSize(1);
        assertThat(today.getFirst().get("title").asString()).contains(due.toString());
        assertThat(today.getFirst().get("body").asString()).contains("Due today (" + due + ")");
        assertThat(today.getFirst().get("link").asString()).isEqualTo("/supervise/violations");
        assertThat(notices(otherEditor, "deadline.today", "整改通知")).isEmpty();
        assertThat(again.noticesStored()).isZero();
    }
}
