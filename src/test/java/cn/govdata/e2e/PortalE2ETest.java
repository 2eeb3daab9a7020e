package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * The public portal's journey in headless Chromium, as an anonymous citizen: opens {@code /open/}, searches in
 * Chinese (and narrows by the department), opens the dataset found, sees the preview with the personal items masked, downloads the CSV (the file
 * checked: masked too), and copies the citation (the clipboard checked). Screenshots go to target/e2e/ (portal-*.png).
 */
class PortalE2ETest extends ConsoleBrowserTest {

    @Test
    void aCitizenFindsADatasetInChineseSeesItMaskedDownloadsItAndCopiesTheCitation() throws IOException {
        Api adminApi = admin();
        Dept department = newDepartment(adminApi, "港务公安局");
        LoggedIn editor = newUser(adminApi, department.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(adminApi, department.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        OpenedPopulation data = OpenedPopulation.open(editor.api(), provider.api(), reviewer.api(), department.name(),
                unique(), false);
        String platform = anonymous.get("/api/3/action/status_show").json().get("result").get("site_title").asString();
        Path downloads = Files.createTempDirectory("govdata-portal-downloads");
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                downloads.toString(), "eventsEnabled", true));
        chrome.executeCdpCommand("Browser.grantPermissions", Map.of("origin", anonymous.baseUrl(), "permissions",
                List.of("clipboardReadWrite", "clipboardSanitizedWrite")));

        // 1. the home page, in Chinese, nobody logged in
        browser.get(anonymous.baseUrl() + "/open/");
        find("counts");
        wait.until(driver -> !find("count-datasets").getText().equals("…"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(platform);
        fullShot("portal-01-home");

        // 2. searches in Chinese; the address holds the query
        type("search-input", data.title());
        click("search-submit");
        wait.until(ExpectedConditions.urlContains("/open/datasets?q="));
        By link = By.xpath("//a[@data-test='dataset-link'][normalize-space(.)='" + data.title() + "']");
        WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(link));
        assertThat(find("result-count").getText()).startsWith("共找到");
        assertThat(find("facet-organization").getText()).contains(data.department());
        fullShot("portal-02-search");
        // narrows by the department: the filter joins the address, and the dataset stays
        browser.findElement(By.xpath("//*[@data-test='facet-organization']//a[contains(., '" + data.department() + "')]"))
                .click();
        wait.until(ExpectedConditions.urlContains("organization="));
        assertThat(browser.getCurrentUrl()).contains("q=");
        wait.until(driver -> find("result-count").getText().equals("共找到 1 个数据集"));
        found = wait.until(ExpectedConditions.visibilityOfElementLocated(link));
        found.click();

        // 3. the dataset: its facts, its items, and the preview with the personal items masked
        wait.until(ExpectedConditions.urlContains("/open/datasets/"));
        assertThat(find("dataset-title").getText()).isEqualTo(data.title());
        assertThat(find("facts").getText()).contains(data.department());
        assertThat(find("items").getText()).contains("公民身份号码", "姓名", "GB 11643");
        String preview = find("preview").getText();
        assertThat(preview).contains("公民身份号码", "姓名");
        for (String idNumber : data.idNumbers()) {
            // the first six digits are the region, the last the check character: what lies between is the person's
            assertThat(preview).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14));
        }
        for (String name : data.names()) {
            assertThat(preview).doesNotContain(name);
        }
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-test=preview] tbody tr"));
        assertThat(rows).hasSize(3);
        assertThat(rows.getFirst().getText()).contains("*");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(data.idNumbers().getFirst());
        fullShot("portal-03-dataset");

        // 4. downloads the CSV: a file with all records, masked as in the preview
        click("download-csv");
        Path csv = wait.until(driver -> downloaded(downloads));
        byte[] bytes = Files.readAllBytes(csv);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        assertThat(text.strip().lines()).hasSize(4);
        for (int i = 0; i < data.idNumbers().size(); i++) {
            assertThat(text).doesNotContain(data.idNumbers().get(i)).doesNotContain(data.names().get(i));
        }

        // 5. the API example runs in the page
        click("try-it");
        wait.until(driver -> find("try-output").getText().contains("\"success\": true"));
        assertThat(find("try-output").getText()).startsWith("HTTP 200").doesNotContain(data.idNumbers().getFirst());

        // 6. copies the citation: source, platform, today's date in Beijing
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String citation = "来源：" + data.department() + "，" + platform + "，获取日期 " + today;
        assertThat(find("citation").getText()).isEqualTo(citation);
        click("copy-citation");
        waitForText("已复制");
        Object copied = ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, (e) => done('failed: ' + e));");
        assertThat(copied).isEqualTo(citation);
        shot("portal-04-citation");
    }

    @Test
    void aConditionalDatasetShowsItsConditionAndNoDataAndThePortalSpeaksEnglish() throws IOException {
        Api adminApi = admin();
        Dept department = newDepartment(adminApi, "港务公安局");
        LoggedIn editor = newUser(adminApi, department.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(adminApi, department.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        OpenedPopulation data = OpenedPopulation.open(editor.api(), provider.api(), reviewer.api(), department.name(),
                unique(), true);

        // a link to the dataset, opened directly (the platform answers the portal's page at any of its addresses)
        browser.get(anonymous.baseUrl() + "/open/datasets/" + data.packageName());
        assertThat(find("dataset-title").getText()).isEqualTo(data.title());
        assertThat(browser.getTitle()).startsWith(data.title());
        // the region's own name for it (Yantai: 依申请开放), as the public API gives it
        String regionsName = null;
        for (var extra : anonymous.get("/api/3/action/package_show?id=" + data.packageName()).json().get("result")
                .get("extras")) {
            if (extra.get("key").asString().equals("open_type")) {
                regionsName = extra.get("value").asString();
            }
        }
        assertThat(find("open-type").getText()).isEqualTo(regionsName).isNotEqualTo("CONDITIONAL_OPEN");
        assertThat(find("condition-text").getText()).isEqualTo(OpenedPopulation.CONDITION);
        WebElement apply = find("apply");
        assertThat(apply.getAttribute("href")).as("applying starts on the account page, with the dataset named")
                .endsWith("/open/account?dataset=" + data.packageName());
        assertThat(apply.getAttribute("aria-describedby")).isEqualTo("apply-note");
        assertThat(find("apply-note").getText()).contains("公众账户");
        // what it holds is described, but nothing of it is shown or offered
        assertThat(find("items").getText()).contains("公民身份号码", "姓名");
        assertThat(browser.findElements(By.cssSelector("[data-test=preview], [data-test=download-csv], "
                + "[data-test=try-it]"))).isEmpty();
        fullShot("portal-05-conditional");

        // the English switch: the page in English, and the document's language with it
        click("language");
        wait.until(driver -> find("apply").getText().equals("Apply for access"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(find("open-type").getText()).isEqualTo("Open on conditions");
        assertThat(find("condition-text").getText()).isEqualTo(OpenedPopulation.CONDITION);
        assertThat(find("citation").getText()).startsWith("Source: " + data.department() + ", ");
        fullShot("portal-06-conditional-en");
        click("language");
        wait.until(driver -> find("apply").getText().equals("申请获取"));
    }

    /** The finished download (Chromium writes *.crdownload until it is complete), or null while there is none. */
    private static Path downloaded(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
