package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Information projects in the console (CAT-10): a department's project whose catalog entry does not exist yet
 * (registered through the API); its editor runs the check before approval in the console and reads what is missing; the authority's officer sees the
 * project with its status among the region's.
 */
class ProjectsConsoleE2ETest extends ConsoleBrowserTest {

    @Test
    void aDepartmentChecksItsProjectAndReadsWhatIsMissingWhileTheAuthoritySeesItsStatus() throws Exception {
        Api admin = admin();
        Dept department = newDepartment(admin, "项目页面局");
        LoggedIn editor = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        LoggedIn officer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER);
        String code = "XMYM" + unique();

        JsonNode registered = editor.api().post("/api/v1/supervision/projects", Map.of("code", code,
                "name", "政务服务系统建设" + code, "approvalBody", "市发展和改革委员会", "budget", "800000",
                "startsOn", "2026-01-01", "endsOn", "2026-12-31", "entries", List.of(Map.of(
                        "resourceCode", "301001/999997", "role", "PRODUCES", "items", List.of("单位名称")))))
                .json();
        long id = registered.get("id").asLong();
        logIn(editor.username(), editor.password());
        click("menu-superviseProjects");
        wait.until(driver -> find("supervise-projects").getText().contains(code));
        assertThat(find("project-status-" + id).getText()).isEqualTo("已登记");
        click("project-approval-check-" + id);
        wait.until(driver -> find("project-status-" + id).getText().equals("目录不完整"));
        assertThat(find("project-findings-" + id).getText()).contains("301001/999997").contains("不存在");
        shot("projects-1-incomplete");
        logOut();

        logIn(officer.username(), officer.password());
        click("menu-superviseProjects");
        wait.until(driver -> find("supervise-projects").getText().contains(code));
        assertThat(find("project-status-" + id).getText()).isEqualTo("目录不完整");
        assertThat(find("supervise-projects").getText()).contains(department.name());
    }
}
