package cn.govdata.e2e;

import static cn.govdata.e2e.PopulationEntries.id;
import static cn.govdata.e2e.PopulationEntries.publishedEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * The data lake's main journey in the Chinese console, in headless Chromium: a department's data provider
 * creates the dataset of a published catalog entry, uploads a GBK-encoded CSV with two bad rows accepting the
 * valid ones, follows the batch's progress, reads the quality report with the failing rows and downloads them,
 * and finds the applied records (and none as of a time before the upload); the authority sees the dataset in
 * its region overview. Screenshots go to target/e2e/ (lake-*.png).
 */
class LakeConsoleE2ETest extends ConsoleBrowserTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void providerCreatesADatasetUploadsAGbkCsvReadsTheReportAndFindsTheRecords() throws IOException {
        Api adminApi = admin();
        Dept department = newDepartment(adminApi, "浏览器公安局");
        LoggedIn editor = newUser(adminApi, department.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(adminApi, department.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        String name = "人口基本信息" + unique();
        long entryId = publishedEntry(editor.api(), reviewer.api(), name);

        String zhang = id("19800101", "123");
        String li = id("19921231", "456");
        String wang = id("20010615", "789");
        String zhao = id("19750310", "011");
        String broken = wang.substring(0, 17) + (wang.charAt(17) == '1' ? '2' : '1');
        Path csv = Files.createTempFile("lake-population", ".csv");
        Files.write(csv, ("公民身份号码,姓名\n" + zhang + ",张三\n" + li + ",李四\n" + broken + ",王五\n" + zhao + ",\n"
                + wang + ",王五\n").getBytes(GBK));

        // 1. the provider creates the dataset of the published entry
        logIn(provider.username(), provider.password());
        click("menu-lakeDatasets");
        waitForText("本部门尚无数据集");
        click("lake-create");
        find("lake-create-dialog");
        choose("lake-create-entry", name);
        click("lake-create-confirm");
        long datasetId = datasetIdFromUrl();
        waitForText("公民身份号码");
        assertThat(find("dataset-name").getText()).isEqualTo(name);
        assertThat(find("dataset-columns").getText()).contains("gmsfhm", "公民身份号码", "xm", "姓名", "主键");
        shot("lake-01-dataset");

        // 2. uploads the GBK file, accepting the valid rows
        click("lake-upload");
        find("upload-dialog");
        browser.findElement(By.cssSelector("[data-test=upload-file] input[type=file]")).sendKeys(csv.toString());
        pick("upload-encoding", "GBK");
        click("upload-accept-valid");
        click("upload-mode-REPLACE");
        waitForText("文件里没有的全部记录");
        assertThat(find("upload-submit").isEnabled()).isFalse();
        click("upload-mode-UPSERT");
        shot("lake-02-upload");
        click("upload-submit");

        // 3. the progress panel follows the batch, then the quality report names the failing rows
        find("batch-progress");
        shot("lake-03-progress");
        find("batch-report");
        assertThat(find("batch-status").getText()).isEqualTo("已入库");
        assertThat(find("progress-read").getText()).isEqualTo("5");
        assertThat(find("progress-accepted").getText()).isEqualTo("3");
        assertThat(find("progress-rejected").getText()).isEqualTo("2");
        assertThat(find("progress-rate").getText()).contains("行/秒");
        assertThat(find("report-summary").getText()).contains("接收 3 行", "拒收 2 行");
        assertThat(find("report-rules").getText()).contains("身份证号码校验码错误", "必填项为空");
        String sample = find("report-sample").getText();
        // the reasons come from the API in the console's language
        assertThat(sample).contains("4", "5", "公民身份号码", "姓名", "校验码不符（ISO 7064 MOD 11-2）", "没有值")
                .doesNotContain(broken);
        fullShot("lake-04-report");

        // 4. the rejected rows download (the browser's blob download; its content checked through the API)
        click("report-rejected-csv");
        Api.Response batches = provider.api().get("/api/v1/lake/datasets/" + datasetId + "/batches");
        long batchId = batches.json().get(0).get("id").asLong();
        Api.Download rejected = provider.api().download("/api/v1/lake/datasets/" + datasetId + "/batches/" + batchId
                + "/rejected.csv");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(new String(rejected.body(), StandardCharsets.UTF_8)).contains("公民身份号码,姓名,未入库原因",
                broken + ",王五,第4行：公民身份号码：校验码不符", zhao + ",,第5行：姓名：没有值");
        assertThat(find("report-encoding").getText()).isEqualTo("GBK");
        assertThat(find("report-rules").getText()).doesNotContain("REQUIRED", "ID_NUMBER");
        assertThat(browser.findElements(By.cssSelector("[data-test=batch-report] .el-alert--error"))).isEmpty();

        // the reasons follow the console's language: switched to English, the report is fetched again in English
        click("switch-language");
        wait.until(driver -> find("report-sample").getText().contains("the check digit does not match"));
        assertThat(find("report-sample").getText()).contains("no value").doesNotContain("校验码不符");
        click("switch-language");
        wait.until(driver -> find("report-sample").getText().contains("校验码不符"));

        // 5. the batch is listed and the applied records are found, by key too, and none before the upload
        browser.findElement(By.id("tab-batches")).click();
        assertThat(find("batch-status-" + batchId).getText()).isEqualTo("已入库");
        browser.findElement(By.id("tab-records")).click();
        wait.until(driver -> find("records-total").getText().contains("共 3 条记录"));
        assertThat(find("records-table").getText()).contains("张三", "李四", "王五", zhang);
        assertThat(find("dataset-record-count").getText()).isEqualTo("3");
        fullShot("lake-05-records");
        type("records-key", li);
        click("records-search");
        wait.until(driver -> find("records-total").getText().contains("共 1 条记录"));
        assertThat(find("records-table").getText()).contains("李四").doesNotContain("张三");
        type("records-key", "");
        type("records-as-of", "2020-01-01 08:00:00");
        input("records-as-of").sendKeys(Keys.ENTER);
        click("records-search");
        wait.until(driver -> find("records-total").getText().contains("时共 0 条记录"));
        fullShot("lake-06-records-as-of");
        logOut();

        // 6. the authority sees the dataset in its region's overview
        logIn(reviewer.username(), reviewer.password());
        click("menu-lakeOverview");
        find("overview-dataset-" + datasetId);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[.//*[@data-test='overview-dataset-" + datasetId + "']]"))).getText())
                .contains(department.name(), name, "3");
        shot("lake-07-overview");
    }

    private long datasetIdFromUrl() {
        wait.until(ExpectedConditions.urlMatches("/lake/datasets/\\d+"));
        Matcher id = Pattern.compile("/lake/datasets/(\\d+)").matcher(browser.getCurrentUrl());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }
}
