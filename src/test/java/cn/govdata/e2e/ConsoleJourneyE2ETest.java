package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.shared.Role;

/**
 * The first journey of a new installation, as a person does it in headless Chromium: the system
 * administrator creates a department and a user; the new user logs in and must change the initial
 * password; the audit administrator finds both creations in the audit log and verifies its integrity.
 * Screenshots of each step go to target/e2e/.
 */
class ConsoleJourneyE2ETest extends ConsoleBrowserTest {

    @Test
    void administratorCreatesADepartmentAndAUserAndTheAuditorFindsItInTheVerifiedLog() throws IOException {
        var adminApi = admin();
        String auditorLogin = newUser(adminApi, authorityDepartmentId(adminApi), Role.AUDIT_ADMIN).username();
        String departmentName = "浏览器测试局" + unique();
        String creditCode = randomCreditCode();
        String username = "e2e" + unique();

        // 1. the system administrator logs in to the Chinese console
        logIn("admin", ADMIN_PASSWORD);
        waitForText("欢迎");
        shot("01-home");

        // 2. creates a department
        click("menu-departments");
        click("department-create");
        type("department-name", departmentName);
        type("department-credit-code", creditCode);
        click("department-save");
        waitForText(departmentName);
        shot("02-department-created");

        // 3. creates a user in it
        click("menu-users");
        click("user-create");
        type("user-username", username);
        type("user-display-name", "浏览器用户");
        choose("user-department", departmentName);
        click("role-DATA_USER");
        type("user-password", "Initial-Pass-2026");
        click("user-save");
        waitForText(username);
        shot("03-user-created");
        logOut();

        // 4. the new user must change the initial password first
        logIn(username, "Initial-Pass-2026");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=must-change]")));
        type("pw-current", "Initial-Pass-2026");
        type("pw-new", "Browser-User-2026!");
        type("pw-repeat", "Browser-User-2026!");
        click("pw-submit");
        waitForText("欢迎");
        shot("04-password-changed");
        logOut();

        // 5. the audit administrator finds both creations and verifies the chain
        logIn(auditorLogin, USER_PASSWORD);
        click("menu-audit");
        // the action chosen by its label, and shown by it
        type("audit-action", "新建部门" + Keys.ENTER);
        click("audit-search");
        waitForText(departmentName);
        waitForText("新建部门");
        // each entry reads as a sentence naming the object, not "department 12"
        waitForText("新建部门，部门“" + departmentName + "”");
        shot("05-audit-department");
        type("audit-action", "user.create" + Keys.ENTER);
        click("audit-search");
        waitForText(username);
        click("audit-verify");
        WebElement verdict = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=audit-verification]")));
        shot("06-audit-verified");
        assertThat(verdict.getText()).contains("审计日志完整");
    }
}
