package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.open.PublicFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * A department approves an application for its conditionally-open data in the console (开放申请审核): a citizen
 * logs in on the portal's account page from the dataset's 申请获取, applies and creates an API key; the department's
 * data provider finds the application under 开放 → 开放申请审核,
 * sees what the citizen wrote as text (markup included), approves it with a condition, and the usage agreement is
 * shown; the citizen's API key then reads the data, which it could not before. On the account page the citizen
 * reads the decision's notice (unread, then marked read) and, a quarter of the grant later, submits its usage report.
 */
class OpenApplicationConsoleE2ETest extends ConsoleBrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDepartmentApprovesAnApplicationAndTheHoldersKeyThenReadsTheData() throws Exception {
        Api admin = admin();
        Dept department = newDepartment(admin, "港务公安局");
        LoggedIn editor = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(admin, department.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER);
        OpenedPopulation data = OpenedPopulation.open(editor.api(), provider.api(), reviewer.api(), department.name(),
                unique(), true);
        PublicHolders.Citizen citizen = PublicHolders.citizen(anonymous, port, "市民乙");
        String purpose = "<b>人口</b>结构研究" + unique();
        String until = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString();

        // the citizen applies on the portal's account page, reached from the dataset's 申请获取
        browser.get(anonymous.baseUrl() + "/open/datasets/" + data.packageName());
        click("apply");
        wait.until(ExpectedConditions.urlContains("/open/account?dataset="));
        type("login", citizen.login());
        type("password", PublicFixtures.PASSWORD);
        click("login-submit");
        assertThat(input("apply-dataset").getAttribute("value")).isEqualTo(data.packageName());
        type("apply-purpose", purpose);
        type("apply-scenario", "分区县统计，形成研究报告");
        type("apply-measures", "内网存放，专人管理");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input'))", input("apply-until"), until);
        click("apply-agreement");
        click("apply-submit");
        find("account-notice");
        long id = citizen.api().get("/api/v1/public/account/applications").json().get(0).get("id").asLong();
        assertThat(find("application-status-" + id).getText()).isEqualTo("待审核");
        type("key-name", "研究脚本");
        click("key-create");
        String key = find("key-secret").getText();
        assertThat(key).startsWith("gdk_");
        shot("open-application-00-portal");
        String resourceId = anonymous.get("/api/3/action/package_show?id=" + data.packageName()).json().get("result")
                .get("resources").get(0).get("id").asString();
        String search = "/api/3/action/datastore_search?resource_id=" + resourceId;
        assertThat(anonymous.send("GET", search, null, "Authorization", key).status()).isEqualTo(403);

        logIn(provider.username(), provider.password());
        click("menu-openApplications");
        find("applications-table");
        assertThat(find("application-dataset-" + id).getText()).isEqualTo(data.title());
        assertThat(find("application-status-" + id).getText()).isEqualTo("待审核");
        shot("open-application-01-list");

        click("application-open-" + id);
        find("application-drawer");
        // the drawer opens at once; the application's details arrive with its answer
        wait.until(driver -> driver.findElement(By.cssSelector("[data-test='application-drawer']")).getText()
                .contains(purpose));
        assertThat(browser.findElements(By.xpath("//b[contains(., '人口')]"))).as("never as markup").isEmpty();
        click("application-decision-approve");
        type("application-conditions", "成果发表前报送港务公安局");
        shot("open-application-02-approve");
        click("application-approve-submit");
        wait.until(driver -> find("application-detail-status").getText().equals("已同意"));
        assertThat(find("application-agreement").getText()).contains("数据使用协议", "成果发表前报送港务公安局",
                "提供部门：" + department.name());
        assertThat(browser.findElements(By.cssSelector("[data-test='application-approve-form']"))).isEmpty();
        shot("open-application-03-approved");

        // the citizen sees the approval and its agreement on the portal
        browser.get(anonymous.baseUrl() + "/open/account");
        wait.until(driver -> find("application-status-" + id).getText().equals("已同意"));
        assertThat(find("application-" + id).getText()).contains("成果发表前报送港务公安局");
        assertThat(find("notices-unread").getText()).isEqualTo("1 条未读");
        assertThat(find("notice-text-application-" + id).getText()).contains(data.title(), "已获同意");
        click("notice-read-" + citizen.api().get("/api/v1/public/account/notices").json().get(0).get("id").asLong());
        wait.until(driver -> driver.findElements(By.cssSelector("[data-test='notices-unread']")).isEmpty());

        // a quarter of the grant has passed (the approval moved back): its usage report is due, and is made
        jdbc.sql("update open_application set decided_at = decided_at - interval '200' day where id = ?").param(id)
                .update();
        browser.navigate().refresh();
        click("reports-toggle-" + id);
        WebElement form = wait.until(driver -> driver.findElements(By.cssSelector("[data-test^='report-form-']"))
                .stream().findFirst().orElse(null));
        String periodStart = form.getAttribute("data-test").substring("report-form-".length());
        type("report-text-" + periodStart, "用于区县人口结构研究，形成报告一份；数据存于内网，未对外提供。");
        shot("open-application-04-report");
        click("report-submit-" + periodStart);
        assertThat(find("period-report-" + periodStart).getText()).startsWith("用于区县人口结构研究");
        assertThat(find("period-state-" + periodStart).getText()).isEqualTo("已报告");
        assertThat(citizen.api().get("/api/v1/public/account/applications/" + id + "/reports").json().get(0)
                .get("state").asString()).isEqualTo("REPORTED");

        Api.Response read = anonymous.send("GET", search, null, "Authorization", key);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        for (String idNumber : data.idNumbers()) {
            assertThat(read.body()).as("desensitised as for the public").doesNotContain(idNumber);
        }
    }
}
