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
 * A department approves an application for its conditionally-open data in the console (开放申请审核): a citizen
 * applies through the public API; the department's data provider finds the application under 开放 → 开放申请审核,
 * sees what the citizen wrote as text (markup included), approves it with a condition, and the usage agreement is
 * shown; the citizen's API key then reads the data, which it could not before.
 */
class OpenApplicationConsoleE2ETest extends ConsoleBrowserTest {

    @Test
    void aDepartmentApprovesAnApplicationAndTheHoldersKeyThenReadsTheData() throws Exception {
        Api admin = admin();
        Dept department = newDepartment(admin, "港务公安局");
        LoggedIn editor = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(admin, department.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER);
        OpenedPopulation data = OpenedPopulation.open(editor.api(), provider.api(), reviewer.api(), department.name(),
                unique(), true);
        Api citizen = PublicHolders.citizen(anonymous, port, "市民乙");
        String purpose = "<b>人口</b>结构研究" + unique();
        Api.Response applied = citizen.post("/api/v1/public/account/applications", Map.of("dataset",
                data.packageName(), "use", "RESEARCH", "purpose", purpose, "scenario", "分区县统计，形成研究报告",
                "securityMeasures", "内网存放，专人管理", "until",
                LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(90).toString(), "agreementAccepted", true));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long id = applied.id();
        String key = citizen.post("/api/v1/public/account/keys", Map.of("name", "研究脚本")).text("secret");
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
        assertThat(browser.findElement(By.cssSelector("[data-test='application-drawer']")).getText()).contains(purpose);
        assertThat(browser.findElements(By.xpath("//b[contains(., '人口')]"))).as("never as markup").isEmpty();
        click("application-decision-approve");
        type("application-conditions", "成果发表前报送港务公安局");
        shot("open-application-02-approve");
        click("application-approve-submit");
        wait.until(driver -> find("application-detail-status").getText().equals("已同意"));
        assertThat(find("application-agreement").getText()).contains("数据使用协议", "成果发表前报送港务公安局");
        assertThat(browser.findElements(By.cssSelector("[data-test='application-approve-form']"))).isEmpty();
        shot("open-application-03-approved");

        Api.Response read = anonymous.send("GET", search, null, "Authorization", key);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        for (String idNumber : data.idNumbers()) {
            assertThat(read.body()).as("desensitised as for the public").doesNotContain(idNumber);
        }
    }
}
