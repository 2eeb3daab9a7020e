package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * A department writes and submits its yearly self-report in the console, and the authority's officer sees it
 * submitted among the region's departments.
 */
class SelfReportConsoleE2ETest extends ConsoleBrowserTest {

    @Test
    void aDepartmentSubmitsItsSelfReportAndTheOfficerSeesIt() throws Exception {
        Api admin = admin();
        LoggedIn officer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER);
        Dept department = newDepartment(admin, "自评浏览器局");
        LoggedIn clerk = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() - 1;

        logIn(clerk.username(), clerk.password());
        click("menu-superviseSelfReports");
        click("self-report-open-" + department.id());
        wait.until(driver -> find("self-report-status").getText().equals("未填报"));
        assertThat(find("self-report-figures").getText()).contains("已编目资源数");
        type("self-report-workDone", "完成目录编制并按周期归集");
        type("self-report-problems", "部分数据更新不够及时");
        type("self-report-plans", "建立按月检查机制");
        click("self-report-save");
        wait.until(driver -> find("self-report-status").getText().equals("草稿"));
        click("self-report-submit");
        confirmIt();
        wait.until(driver -> find("self-report-status").getText().equals("已提交"));
        assertThat(browser.findElements(org.openqa.selenium.By.cssSelector("[data-test=self-report-submit]")))
                .isEmpty();
        shot("self-report-1-submitted");
        JsonNode stored = clerk.api().get("/api/v1/supervision/self-reports/" + year + "/departments/"
                + department.id()).json();
        assertThat(stored.get("plans").asString()).isEqualTo("建立按月检查机制");
        logOut();

        logIn(officer.username(), officer.password());
        click("menu-superviseSelfReports");
        wait.until(driver -> find("self-report-status-" + department.id()).getText().equals("已提交"));
        assertThat(find("self-reports").getText()).contains(department.name());
        shot("self-report-2-region");
    }
}
