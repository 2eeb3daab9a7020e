package cn.govdata.e2e;

import static cn.govdata.e2e.PopulationEntries.dataset;
import static cn.govdata.e2e.PopulationEntries.id;
import static cn.govdata.e2e.PopulationEntries.publishedEntry;
import static cn.govdata.e2e.PopulationEntries.upload;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Lake governance in the Chinese console, in headless Chromium: a data provider asks for a record's deletion
 * and the authority's officer approves it, after which the record is gone from the records page; a provider
 * keeps extension rules, reads the quality series, files a cycle exception and a purchase, and the officer
 * decides both; the officer designates authoritative sources, decides a repeated collection and compares the
 * region, and a department settles the discrepancy found. Screenshots go to target/e2e/ (lake-governance-*.png).
 */
class LakeGovernanceConsoleE2ETest extends ConsoleBrowserTest {

    private static final String ZHANG = id("19800101", "123");
    private static final String LI = id("19921231", "456");
    private static final String WANG = id("20010615", "789");

    private record Setting(Dept department, LoggedIn provider, LoggedIn officer, String name, long datasetId) {
    }

    /** A department's dataset of three residents, its data provider, and the authority's catalog reviewer. */
    private Setting populated(String departmentPrefix) {
        Api adminApi = admin();
        Dept department = newDepartment(adminApi, departmentPrefix);
        LoggedIn editor = newUser(adminApi, department.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(adminApi, department.id(), Role.DATA_PROVIDER);
        LoggedIn officer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        String name = "低保对象" + unique();
        long datasetId = dataset(provider.api(), publishedEntry(editor.api(), officer.api(), name));
        upload(provider.api(), datasetId, "公民身份号码,姓名\n" + ZHANG + ",张三\n" + LI + ",李四\n" + WANG + ",王五\n");
        return new Setting(department, provider, officer, name, datasetId);
    }

    @Test
    void aProviderAsksForARecordsDeletionTheOfficerApprovesItAndTheRecordIsGone() throws IOException {
        Setting s = populated("浏览器民政局");

        // 1. the provider picks the record in the records tab and asks for its deletion, with a reason
        logIn(s.provider().username(), s.provider().password());
        openDataset(s.datasetId());
        browser.findElement(By.id("tab-records")).click();
        wait.until(driver -> find("records-total").getText().contains("共 3 条记录"));
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[@data-test='records-table']//tr[contains(., '" + LI + "')]")));
        row.findElement(By.cssSelector("[data-test=record-delete]")).click();
        find("deletion-dialog");
        assertThat(input("deletion-keys").getDomProperty("value")).isEqualTo(LI);
        assertThat(find("deletion-dialog").getText()).contains("共 1 条记录", "公民身份号码");
        assertThat(find("deletion-submit").isEnabled()).isFalse();
        type("deletion-reason", "重复登记，已由户籍注销");
        click("deletion-submit");
        wait.until(driver -> find("deletions-table").getText().contains("重复登记，已由户籍注销"));

        // the request waits for a decision; the key is masked, and the requester cannot decide it
        long requestId = s.provider().api().get("/api/v1/lake/datasets/" + s.datasetId() + "/deletions").json()
                .get(0).get("id").asLong();
        assertThat(find("deletion-status-" + requestId).getText()).isEqualTo("待审批");
        assertThat(find("deletion-keys-" + requestId).getText()).startsWith(LI.substring(0, 4) + "*").isNotEqualTo(LI);
        assertThat(find("deletions-table").getText()).contains("重复登记，已由户籍注销", "1 条记录").doesNotContain(LI);
        assertThat(browser.findElements(By.cssSelector("[data-test=deletion-decide-" + requestId + "]"))).isEmpty();
        fullShot("lake-governance-01-requested");
        logOut();

        // 2. the authority's officer finds it among the approvals, sees that a rejection needs a reason, approves
        logIn(s.officer().username(), s.officer().password());
        click("menu-lakeDeletions");
        WebElement queued = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[.//*[@data-test='deletion-decide-" + requestId + "']]")));
        wait.until(driver -> queued.getText().contains("待审批"));  // the tag zooms in
        assertThat(queued.getText()).contains(s.name(), s.department().name(), "重复登记，已由户籍注销");
        shot("lake-governance-02-queue");
        click("deletion-decide-" + requestId);
        find("decision-dialog");
        click("decision-choice-REJECT");
        waitForText("选择此项须填写理由");
        assertThat(find("decision-confirm").isEnabled()).isFalse();
        click("decision-choice-APPROVE");
        assertThat(find("decision-confirm").isEnabled()).isTrue();
        click("decision-confirm");
        // the queue shows pending requests: the approved one leaves it, and is listed under 已批准
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=deletion-decide-" + requestId + "]")));
        click("deletions-filter-APPROVED");
        assertThat(find("deletion-status-" + requestId).getText()).isEqualTo("已批准");
        assertThat(find("deletion-tombstoned-" + requestId).getText()).contains("已删除 1 条");
        shot("lake-governance-03-approved");
        logOut();

        // 3. the provider no longer finds the record; the deletion is a batch of its own
        logIn(s.provider().username(), s.provider().password());
        openDataset(s.datasetId());
        assertThat(find("dataset-record-count").getText()).isEqualTo("2");
        browser.findElement(By.id("tab-records")).click();
        wait.until(driver -> find("records-total").getText().contains("共 2 条记录"));
        assertThat(find("records-table").getText()).contains(ZHANG, "张三", WANG).doesNotContain(LI).doesNotContain("李四");
        fullShot("lake-governance-04-records");
        browser.findElement(By.id("tab-batches")).click();
        assertThat(find("batches-table").getText()).contains("删除申请");
        browser.findElement(By.id("tab-deletions")).click();
        assertThat(find("deletion-status-" + requestId).getText()).isEqualTo("已批准");
    }

    @Test
    void aProviderKeepsRulesAndFilesACycleExceptionAndAPurchaseWhichTheOfficerDecides() throws IOException {
        Setting s = populated("浏览器人社局");

        // 1. the quality of the uploads, delivery by delivery, in a table and as a trend
        upload(s.provider().api(), s.datasetId(), "公民身份号码,姓名\n" + ZHANG + ",张三\n");
        logIn(s.provider().username(), s.provider().password());
        openDataset(s.datasetId());
        browser.findElement(By.id("tab-quality")).click();
        assertThat(find("quality-table").getText()).contains("文件上传", "100%");
        assertThat(find("quality-chart").getAttribute("aria-label")).startsWith("质量趋势图");
        assertThat(browser.findElements(By.cssSelector("[data-test=quality-chart] canvas"))).hasSize(1);

        // 2. an extension rule on the name, then retired
        browser.findElement(By.id("tab-rules")).click();
        waitForText("尚无扩展规则");
        click("rule-new");
        find("rule-dialog");
        pick("rule-item", "姓名（xm）");
        click("rule-kind-PATTERN");
        type("rule-pattern", "^[一-龥]{2,4}$");
        type("rule-description", "姓名为 2 至 4 个汉字");
        click("rule-submit");
        wait.until(driver -> find("rules-table").getText().contains("姓名为 2 至 4 个汉字"));
        long ruleId = s.provider().api().get("/api/v1/lake/datasets/" + s.datasetId() + "/rules").json().get(0).get("id")
                .asLong();
        assertThat(find("rule-status-" + ruleId).getText()).isEqualTo("生效中");
        assertThat(find("rule-params-" + ruleId).getText()).isEqualTo("^[一-龥]{2,4}$");
        shot("lake-governance-05-rules");
        click("rule-retire-" + ruleId);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".el-message-box .el-button--primary"))).click();
        wait.until(driver -> find("rule-status-" + ruleId).getText().equals("已停用"));

        // 3. a cycle exception: the data is collected monthly, not daily as catalogued
        browser.findElement(By.id("tab-cycle")).click();
        assertThat(find("cycle-status").getText()).contains("每日", "无（按目录更新周期）");
        click("cycle-new");
        find("cycle-dialog");
        type("cycle-days", "30");
        type("cycle-reason", "低保对象每月集中审核后才更新");
        click("cycle-submit");
        wait.until(driver -> find("cycle-exceptions").getText().contains("低保对象每月集中审核后才更新"));
        long exceptionId = s.provider().api().get("/api/v1/lake/datasets/" + s.datasetId() + "/cycle-exceptions").json()
                .get(0).get("id").asLong();
        assertThat(find("cycle-status-" + exceptionId).getText()).isEqualTo("待审核");

        // 4. a purchase of social data: the platform answers that a published entry already holds the name
        click("menu-lakePurchases");
        waitForText("尚无采购备案");
        click("purchase-new");
        find("purchase-dialog");
        type("purchase-supplier", "某数据服务有限公司");
        type("purchase-description", "核对低保对象的车辆登记情况");
        type("purchase-items", "姓名，车牌号码");
        click("purchase-submit");
        assertThat(find("purchase-answer").getText()).contains("已有", s.name(), "姓名");
        shot("lake-governance-06-purchase-answer");
        find("purchase-answer").findElement(By.cssSelector(".el-dialog__footer .el-button--primary")).click();
        long filingId = s.provider().api().get("/api/v1/lake/purchases").json().get(0).get("id").asLong();
        assertThat(find("purchase-status-" + filingId).getText()).isEqualTo("待审核");
        logOut();

        // 5. the officer accepts the cycle exception from the overview and rejects the purchase
        logIn(s.officer().username(), s.officer().password());
        click("menu-lakeOverview");
        click("overview-cycle-" + s.datasetId());
        find("overview-cycle-dialog");
        click("cycle-decide-" + exceptionId);
        click("decision-choice-ACCEPT");
        click("decision-confirm");
        wait.until(driver -> find("cycle-status-" + exceptionId).getText().equals("已认可"));
        assertThat(find("cycle-agreed-days").getText()).isEqualTo("30 天");
        shot("lake-governance-07-cycle-accepted");
        find("overview-cycle-dialog").findElement(By.cssSelector(".el-dialog__headerbtn")).click();

        click("menu-lakePurchases");
        WebElement filed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[.//*[@data-test='purchase-decide-" + filingId + "']]")));
        assertThat(filed.getText()).contains(s.department().name(), "某数据服务有限公司", "车牌号码");
        click("purchase-decide-" + filingId);
        click("decision-choice-REJECT");
        type("decision-note", "姓名可从本平台共享获取，车牌号码请向公安交管部门申请共享");
        click("decision-confirm");
        wait.until(driver -> find("purchase-status-" + filingId).getText().equals("不同意"));
        logOut();

        // 6. the provider sees both decisions
        logIn(s.provider().username(), s.provider().password());
        click("menu-lakePurchases");
        assertThat(find("purchase-status-" + filingId).getText()).isEqualTo("不同意");
        assertThat(find("purchase-note-" + filingId).getText()).contains("车牌号码请向公安交管部门申请共享");
        openDataset(s.datasetId());
        browser.findElement(By.id("tab-cycle")).click();
        assertThat(find("cycle-status-" + exceptionId).getText()).isEqualTo("已认可");
        assertThat(find("cycle-agreed-days").getText()).isEqualTo("30 天");
        fullShot("lake-governance-08-cycle");
    }

    @Test
    void theOfficerDesignatesSourcesDecidesARepeatedCollectionAndADepartmentSettlesADiscrepancy() throws IOException {
        Api adminApi = admin();
        LoggedIn officer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        Dept police = newDepartment(adminApi, "浏览器公安局");
        Dept civil = newDepartment(adminApi, "浏览器民政局");
        LoggedIn policeProvider = newUser(adminApi, police.id(), Role.DATA_PROVIDER);
        LoggedIn civilProvider = newUser(adminApi, civil.id(), Role.DATA_PROVIDER);
        String policeName = "常住人口" + unique();
        String civilName = "低保对象" + unique();
        long policeData = dataset(policeProvider.api(), publishedEntry(newUser(adminApi, police.id(), Role.CATALOG_EDITOR).api(),
                officer.api(), policeName));
        long civilData = dataset(civilProvider.api(), publishedEntry(newUser(adminApi, civil.id(), Role.CATALOG_EDITOR).api(),
                officer.api(), civilName));
        upload(policeProvider.api(), policeData, "公民身份号码,姓名\n" + ZHANG + ",张三\n" + LI + ",李四\n");
        upload(civilProvider.api(), civilData, "公民身份号码,姓名\n" + ZHANG + ",张三\n" + LI + ",李思\n");
        // the region's designations are one list: start from none, and give back the list other tests left
        List<Map<String, Object>> before = designations(officer.api());
        assertThat(officer.api().put("/api/v1/lake/sources", List.of()).status()).isEqualTo(200);
        try {
            // 1. the officer designates the public-security bureau as the source of the ID number and the name
            logIn(officer.username(), officer.password());
            click("menu-lakeSources");
            waitForText("本区域尚未指定权威数据源");
            click("sources-edit");
            click("sources-add");
            type("source-element-0", "公民身份号码");
            type("source-standard-0", "GB 11643");
            choose("source-department-0", police.name());
            click("sources-add");
            type("source-element-1", "姓名");
            choose("source-department-1", police.name());
            shot("lake-governance-09-sources-editing");
            click("sources-save");
            assertThat(find("source-of-姓名").getText()).isEqualTo(police.name());
            assertThat(find("sources-table").getText()).contains("公民身份号码", "GB 11643", police.name());

            // 2. the civil-affairs dataset collects the name again: the officer tells it to share instead
            click("menu-lakeRepeated");
            WebElement flagged = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//*[@data-test='repeated-table']//tr[contains(., '" + civilName + "')]")));
            wait.until(driver -> flagged.getText().contains("待处理"));  // the tag zooms in
            assertThat(flagged.getText()).contains("姓名", "xm", police.name()).doesNotContain(policeName);
            flagged.findElement(By.xpath(".//*[starts-with(@data-test, 'repeated-decide-')]")).click();
            click("decision-choice-SHARE_INSTEAD");
            type("decision-note", "姓名从公安局共享获取");
            click("decision-confirm");
            wait.until(ExpectedConditions.invisibilityOfElementLocated(
                    By.xpath("//*[@data-test='repeated-table']//tr[contains(., '" + civilName + "')]")));

            // 3. the officer compares the region: the two departments hold 李四 differently
            click("menu-lakeDiscrepancies");
            click("discrepancies-scan");
            assertThat(find("discrepancies-scanned").getText()).contains("已比对");
            JsonNode discrepancy = discrepancyBetween(officer.api(), policeData, civilData);
            long discrepancyId = discrepancy.get("id").asLong();
            WebElement status = find("discrepancy-status-" + discrepancyId);
            wait.until(driver -> status.getText().equals("待处理"));  // the tag zooms in
            assertThat(find("discrepancies-table").getText()).contains(police.name(), civil.name()).doesNotContain("李四");
            fullShot("lake-governance-10-discrepancies");
            logOut();

            // 4. the civil-affairs provider sees the flag on its column and settles the discrepancy: 公安局 is right
            logIn(civilProvider.username(), civilProvider.password());
            click("menu-lakeDatasets");
            click("dataset-link-" + civilData);
            WebElement columnFlag = find("column-flag-xm");
            wait.until(driver -> columnFlag.getText().contains("改为共享"));  // the tag zooms in
            assertThat(columnFlag.getText()).contains(police.name());
            browser.findElement(By.id("tab-discrepancies")).click();
            click("discrepancy-resolve-" + discrepancyId);
            String policeSide = discrepancy.get("a").get("departmentId").asLong() == police.id() ? "A" : "B";
            assertThat(find("decision-choice-" + policeSide).getText()).contains(police.name());
            click("decision-choice-" + policeSide);
            click("decision-confirm");
            wait.until(driver -> find("discrepancy-status-" + discrepancyId).getText().equals("已协商"));
            assertThat(find("discrepancy-decision-" + discrepancyId).getText()).isEqualTo(police.name() + " 的值正确");
            fullShot("lake-governance-11-settled");
        } finally {
            officer.api().put("/api/v1/lake/sources", before);
        }
    }

    private static List<Map<String, Object>> designations(Api api) {
        List<Map<String, Object>> list = new ArrayList<>();
        api.get("/api/v1/lake/sources").json().forEach(d -> {
            Map<String, Object> designation = new LinkedHashMap<>();
            designation.put("elementName", d.get("elementName").asString());
            // the platform leaves out members without a value
            designation.put("valueStandard", d.hasNonNull("valueStandard") ? d.get("valueStandard").asString() : null);
            designation.put("subject", d.hasNonNull("subject") ? d.get("subject").asString() : null);
            designation.put("departmentId", d.get("departmentId").asLong());
            list.add(designation);
        });
        return list;
    }

    /** The open discrepancy of two datasets (others of the shared test database may hold the same residents). */
    private static JsonNode discrepancyBetween(Api api, long one, long other) {
        for (JsonNode d : api.get("/api/v1/lake/discrepancies?status=OPEN").json()) {
            long a = d.get("a").get("datasetId").asLong();
            long b = d.get("b").get("datasetId").asLong();
            if (a == one && b == other || a == other && b == one) {
                return d;
            }
        }
        throw new AssertionError("no open discrepancy between datasets " + one + " and " + other);
    }

    private void openDataset(long datasetId) {
        click("menu-lakeDatasets");
        click("dataset-link-" + datasetId);
        find("dataset-summary");
    }
}
