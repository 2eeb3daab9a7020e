package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * The inbox in the console: a department's administrator sees the bell count a correction order, opens the inbox,
 * reads it in plain Chinese and marks it read; the chief data officers page names the department's officer.
 */
class NoticeConsoleE2ETest extends ConsoleBrowserTest {

    @Test
    void theBellCountsTheOrderAndTheInboxShowsItUntilRead() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api admin = admin();
        Dept department = newDepartment(admin, "消息公安局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn officer = newUser(admin, department.id(), Role.DATA_PROVIDER);
        Api editor = newUser(admin, department.id(), Role.CATALOG_EDITOR).api();
        assertThat(admin.post("/api/v1/org/chief-data-officers", Map.of("departmentId", department.id(), "userId",
                officer.id(), "appointedOn", today.toString(), "duties", "统筹本局数据工作")).status()).isEqualTo(201);
        assertThat(editor.post("/api/v1/catalog/obligations", Map.of("trigger", "LAW_CHANGED", "triggerDate",
                today.minusDays(60).toString(), "description", "条例修订" + unique())).status()).isEqualTo(201);
        admin.post("/api/v1/supervision/detect", Map.of());
        long violation = admin.get("/api/v1/supervision/violations?departmentId=" + department.id()).json().get(0)
                .get("id").asLong();
        assertThat(admin.post("/api/v1/supervision/violations/" + violation + "/order", Map.of()).status())
                .isEqualTo(200);

        logIn(departmentAdmin.username(), departmentAdmin.password());
        // the notice is stored after the order's transaction: the bell counts it once it is there
        wait.until(driver -> {
            driver.navigate().refresh();
            return !driver.findElements(By.cssSelector(".el-badge__content:not([style*='display: none'])")).isEmpty()
                    && driver.findElement(By.cssSelector(".el-badge__content")).getText().equals("1");
        });
        click("notice-bell");
        waitForText("整改通知：目录未按时更新");
        assertThat(find("notice-list").getText()).contains("未读");
        shot("notice-1-inbox");
        click("notice-read-all");
        wait.until(driver -> find("notice-list").getText().contains("已读"));
        click("menu-chiefDataOfficers");
        wait.until(driver -> find("cdo-list").getText().contains(department.name()));
        assertThat(find("cdo-list").getText()).contains("统筹本局数据工作").contains("在任");
        shot("notice-2-chief-data-officers");
    }
}
