package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.IdNumbers;
import tools.jackson.databind.JsonNode;

/**
 * The journey of the usage records (SEC-2) and the interface description (SHR-5), in headless Chromium: the civil
 * affairs bureau's data user applies in the console for the police's conditional population register; the
 * police's approver approves without the division code; the bureau's connected system, with client credentials,
 * verifies an ID number and a name and queries a record through the API; the data user reads the grant's
 * interface description and tries a verification; then the use appears in 使用记录 — for the bureau as its own
 * use, for the police as who used its data — and no value of a record is shown. Screenshots go to target/e2e/
 * (share-usage-*.png).
 */
class ShareUsageE2ETest extends ShareConsoleSteps {

    private static final String ZHANG = IdNumbers.of("370602", "19800101", "123");
    private static final String LI = IdNumbers.of("370602", "19921231", "456");

    @Test
    void theUseOfAGrantedEntryAppearsForTheUserAndForTheProvider() throws IOException {
        Api adminApi = admin();
        Dept police = newDepartment(adminApi, "浏览器公安局");
        LoggedIn editor = newUser(adminApi, police.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(adminApi, police.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        LoggedIn approver = newUser(adminApi, police.id(), Role.SHARE_APPROVER);
        Dept civil = newDepartment(adminApi, "浏览器民政局");
        LoggedIn user = newUser(adminApi, civil.id(), Role.DATA_USER);
        Api.Response registered = adminApi.post("/api/v1/systems", Map.of("departmentId", civil.id(), "name", "低保审核系统"));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        Map<String, Object> content = ShareFixtures.population("CONDITIONAL");
        String name = (String) content.get("name");
        long entryId = publish(editor.api(), reviewer.api(), content);
        PopulationEntries.upload(provider.api(), PopulationEntries.dataset(provider.api(), entryId),
                "gmsfhm,xm,xzqh,zz\n" + ZHANG + ",张三,370602,芝罘区幸福路1号\n" + LI + ",李四,370602,芝罘区和平路2号\n");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        // 1. the bureau's data user applies in the console
        logIn(user.username(), user.password());
        openApplicationForm(entryId, name, police.name());
        fillApplication(registered.id(), today.plusDays(90).toString());
        click("form-save");
        attachMaterials();
        click("form-submit");
        confirmIt();
        wait.until(driver -> find("application-status").getText().equals("待审批"));
        long applicationId = user.api().get("/api/v1/share/applications").json().get(0).get("id").asLong();
        logOut();

        // 2. the police's approver approves without the division code
        logIn(approver.username(), approver.password());
        click("menu-shareInbox");
        click("application-view-" + applicationId);
        approveWithoutDivisionCode();
        logOut();
        long grantId = user.api().get("/api/v1/share/applications/" + applicationId).json().get("grantIds").get(0).asLong();

        // 3. the bureau's system, with client credentials, verifies an ID number and a name and queries a record
        Api system = connectedSystem(registered);
        Api.Response verified = system.post("/api/v1/share/data/" + entryId + "/verification",
                Map.of("key", Map.of("gmsfhm", ZHANG), "claims", Map.of("xm", "张三")));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("items").get("xm").asString()).isEqualTo("MATCH");
        Api.Response queried = system.post("/api/v1/share/data/" + entryId + "/query", Map.of("key", Map.of("gmsfhm", LI)));
        assertThat(queried.status()).as(queried.body()).isEqualTo(200);
        JsonNode record = queried.json().get("records").get(0).get("values");
        assertThat(record.propertyNames()).containsExactlyInAnyOrder("gmsfhm", "xm");
        assertThat(record.get("xm").asString()).isEqualTo("李*");

        // 4. the data user reads what the grant lets the department call, and tries a verification
        logIn(user.username(), user.password());
        click("menu-shareGrants");
        click("grant-interface-" + grantId);
        assertThat(find("interface-op-verify").getText()).isEqualTo("比对验证");
        find("interface-op-query");
        assertThat(browser.findElements(By.cssSelector("[data-test='interface-op-exchange']"))).isEmpty();
        assertThat(find("interface-fields").getText()).contains("公民身份号码", "姓名").doesNotContain("行政区划代码", "住址");
        assertThat(find("interface-masking-xm").getText()).isEqualTo("仅保留姓氏");
        assertThat(find("interface-description").getText()).contains("每日（北京时间）", PURPOSE);
        click("interface-raw-toggle");
        assertThat(find("interface-raw").getText()).contains("\"openapi\": \"3.0.3\"");
        click("interface-raw-toggle");
        type("try-key-gmsfhm", LI);
        type("try-claim-xm", "李思");
        click("try-submit");
        assertThat(find("try-verdict-xm").getText()).isEqualTo("不一致");
        fullShot("share-usage-01-interface");

        // 5. the bureau sees its own use: three uses, two through the API by its system, one in the console
        click("menu-shareUsage");
        String day = today.toString();
        wait.until(driver -> find("usage-records-" + grantId + "-" + day).getText().equals("3"));
        assertThat(find("usage-requests-" + grantId + "-" + day).getText()).isEqualTo("3");
        assertThat(find("usage-table").getText()).contains(name, police.name(), civil.name(), "比对验证", PURPOSE);
        // a manager sees the period at a glance: use per day, and per department
        assertThat(browser.findElements(By.cssSelector("[data-test=usage-charts] canvas"))).hasSize(2);
        assertThat(find("usage-charts").getText()).contains("每日使用", "按部门汇总的记录数");
        click("usage-uses-" + grantId + "-" + day);
        wait.until(driver -> find("uses-table").getText().contains("控制台"));
        String uses = find("uses-table").getText();
        assertThat(uses).contains("接入系统 #" + registered.id(), "用户 " + user.username(), "接口调用", "检索查询", "比对验证");
        // each row says how many identical calls it stands for: here every use was a different one
        assertThat(uses).contains("调用次数");
        assertThat(browser.findElements(By.cssSelector("[data-test^=use-requests-]"))).hasSize(3)
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("1"));
        // what was asked, in words: items by their names, the query's shape as a phrase
        assertThat(uses).contains("按主键（公民身份号码）", "第 1 页", "姓名").doesNotContain("gmsfhm", "page", "key [");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(ZHANG, LI, "张三", "李四", "李思");
        fullShot("share-usage-02-own-use");
        click("uses-close");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test='uses-dialog']")));
        logOut();

        // 6. the police's approver sees who used its data, and how much
        logIn(approver.username(), approver.password());
        click("menu-shareUsage");
        wait.until(driver -> find("usage-consumer-" + grantId + "-" + day).getText().equals(civil.name()));
        assertThat(find("usage-records-" + grantId + "-" + day).getText()).isEqualTo("3");
        String total = find("usage-total-records").findElement(By.cssSelector(".el-statistic__content")).getText();
        assertThat(Long.parseLong(total.replace(",", ""))).isGreaterThanOrEqualTo(3);
        click("usage-uses-" + grantId + "-" + day);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test='uses-table']"),
                "接入系统 #" + registered.id()));
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(ZHANG, LI, "张三", "李四");
        fullShot("share-usage-03-who-used-our-data");
    }
}
