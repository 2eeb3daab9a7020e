package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The chief-data-officer system and the service units in the console (ORG-3, ORG-2, ORG-4): a department's
 * administrator appoints a working-group member with the document of appointment, and finds the filing to the
 * data authority with its due date (overdue in red); the authority sees that filing among every department's and
 * authorises a technical service unit for the department.
 */
class ChiefDataOfficerConsoleE2ETest extends ConsoleBrowserTest {

    @Test
    void aMemberIsAppointedWithADocumentTheFilingShowsDueAndTheAuthorityAuthorisesAServiceUnit() throws Exception {
        Api admin = admin();
        Dept department = newDepartment(admin, "专班页面局");
        LoggedIn departmentAdmin = newUser(admin, department.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn appointee = newUser(admin, department.id(), Role.DATA_PROVIDER);
        // a name of its own, so that the pickers choose this user and no other 测试用户
        String appointeeName = "专班成员" + unique();
        assertThat(admin.put("/api/v1/users/" + appointee.id(), java.util.Map.of("displayName", appointeeName,
                "roles", java.util.List.of("DATA_PROVIDER"), "enabled", true)).status()).isEqualTo(200);
        Path document = Files.createTempFile("任命文件", ".pdf");
        Files.write(document, "%PDF-1.4\n% appointment\n%%EOF\n".getBytes(StandardCharsets.UTF_8));

        // 1. the department's administrator appoints a security specialist on 30 September, with the document
        logIn(departmentAdmin.username(), departmentAdmin.password());
        click("menu-chiefDataOfficers");
        click("cdo-member-appoint");
        pick("cdo-member-role", "安全专员");
        choose("cdo-member-user", appointeeName);
        type("cdo-member-date", "2026-09-30");
        input("cdo-member-date").sendKeys(Keys.ENTER);
        browser.findElement(By.cssSelector("[data-test=cdo-member-file]")).sendKeys(document.toString());
        click("cdo-member-save");
        wait.until(driver -> find("cdo-members").getText().contains(appointeeName)
                && find("cdo-members").getText().contains(document.getFileName().toString()));
        assertThat(find("cdo-members").getText()).contains("安全专员");

        // 2. the filing to the authority, due five working days later by the calendar (after National Day)
        JsonNode filing = null;
        for (JsonNode f : departmentAdmin.api().get("/api/v1/org/filings?departmentId=" + department.id()).json()) {
            if (f.get("kind").asString().equals("MEMBER_APPOINTED")) {
                filing = f;
            }
        }
        assertThat(filing).isNotNull();
        long filingId = filing.get("id").asLong();
        wait.until(driver -> find("cdo-filing-due-" + filingId).getText().contains("2026-10-13"));
        boolean overdue = LocalDate.now(ZoneId.of("Asia/Shanghai")).isAfter(LocalDate.of(2026, 10, 13));
        if (overdue) {
            assertThat(find("cdo-filing-due-" + filingId).getText()).contains("已逾期");
            assertThat(find("cdo-filing-due-" + filingId).getAttribute("class")).contains("overdue");
        }
        assertThat(find("cdo-filing-status-" + filingId).getText()).isEqualTo("待报送");
        assertThat(find("cdo-filings").getText()).contains("工作专班成员任命", "任命" + appointeeName + "为安全专员")
                .doesNotContain("MEMBER_APPOINTED");
        shot("cdo-1-working-group-and-filing");
        click("cdo-filing-report-" + filingId);
        type("cdo-filing-text", "已按程序任命，任命文件见专班名单");
        click("cdo-filing-report-save");
        wait.until(driver -> find("cdo-filing-status-" + filingId).getText().equals("已报送"));
        logOut();

        // 3. the authority sees the department's filing and acknowledges it, and authorises a service unit for
        // the department, linking one of its accounts
        logIn("admin", ADMIN_PASSWORD);
        click("menu-chiefDataOfficers");
        wait.until(driver -> find("cdo-filings").getText().contains(department.name()));
        click("cdo-filing-acknowledge-" + filingId);
        wait.until(driver -> find("cdo-filing-status-" + filingId).getText().equals("已确认"));
        click("menu-serviceUnits");
        click("service-unit-authorise");
        String unitName = "数据服务公司" + unique();
        type("service-unit-name", unitName);
        type("service-unit-credit-code", randomCreditCode());
        click("service-unit-action-CATALOG_EDIT");
        choose("service-unit-departments", department.name());
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        type("service-unit-from", today.toString());
        input("service-unit-from").sendKeys(Keys.ENTER);
        type("service-unit-until", today.plusDays(90).toString());
        input("service-unit-until").sendKeys(Keys.ENTER);
        click("service-unit-save");
        wait.until(driver -> find("service-units").getText().contains(unitName));
        assertThat(find("service-units").getText()).contains("目录编制", department.name(), "有效");
        long unitId = 0;
        for (JsonNode unit : admin.get("/api/v1/org/service-units").json()) {
            if (unit.get("name").asString().equals(unitName)) {
                unitId = unit.get("id").asLong();
            }
        }
        click("service-unit-link-" + unitId);
        choose("service-unit-user", appointeeName);
        click("service-unit-link-save");
        long linked = unitId;
        wait.until(driver -> find("service-unit-members-" + linked).getText().contains(appointeeName));
        shot("cdo-2-service-unit");
    }
}
