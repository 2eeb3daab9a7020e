package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * The catalog's main journey in the Chinese console, in headless Chromium: a department's catalog editor
 * drafts an entry with two data items in the entry editor and submits it; the data authority's reviewer finds
 * it in the review queue and publishes it; the editor then sees it published in the workbench and opens its
 * detail page. Screenshots go to target/e2e/ (catalog-*.png).
 */
class CatalogConsoleE2ETest extends ConsoleBrowserTest {

    @Test
    void editorDraftsAndSubmitsAnEntryTheReviewerPublishesItAndTheEditorSeesItPublished() throws IOException {
        Api adminApi = admin();
        Dept department = newDepartment(adminApi, "浏览器编目局");
        LoggedIn editor = newUser(adminApi, department.id(), Role.CATALOG_EDITOR);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        String name = "网约车经营许可信息" + unique();

        // 1. the editor drafts a department-resource entry with two data items and submits it
        logIn(editor.username(), editor.password());
        click("menu-catalogMine");
        waitForText("本部门尚无目录条目");
        click("catalog-new");
        type("entry-name", name);
        type("entry-item", "01");
        type("entry-target", "001");
        type("entry-summary", "本市网络预约出租汽车经营者的许可证号、经营范围和有效期限。");
        pick("entry-format", "数据库");
        pick("entry-subformat", "PostgreSQL");
        pick("entry-update-cycle", "每日");
        click("share-type-UNCONDITIONAL");
        pick("entry-share-method", "共享平台（接口）");
        click("open-type-OPEN");
        click("item-add");
        click("item-add");
        type("item-name-0", "licence_no");
        type("item-length-0", "32");
        type("item-chinese-name-0", "许可证号");
        click("item-key-0");
        click("item-required-0");
        type("item-name-1", "operator_name");
        type("item-length-1", "200");
        type("item-chinese-name-1", "经营者名称");
        type("entry-change-note", "首次编目");
        fullShot("catalog-01-editor");
        click("entry-submit");
        find("state-SUBMITTED");
        waitForText("已提交审核");
        long entryId = entryIdFromUrl();
        String resourceCode = find("entry-code").getText();
        assertThat(resourceCode).matches("301001/\\d{6}");
        shot("catalog-02-submitted");
        logOut();

        // 2. the reviewer finds it in the review queue, opens it read-only and publishes it
        logIn(reviewer.username(), reviewer.password());
        click("menu-catalogReview");
        waitForText(name);
        shot("catalog-03-review-queue");
        click("review-open-" + entryId);
        waitForText("经营者名称");
        assertThat(find("entry-content").getText()).contains(name, resourceCode, "licence_no", "operator_name");
        fullShot("catalog-04-review-entry");
        click("review-publish");
        confirmIt();
        wait.until(ExpectedConditions.urlMatches("/catalog/review$"));
        wait.until(driver -> !driver.findElement(By.tagName("body")).getText().contains(name));
        logOut();

        // 3. the editor sees it published and opens the published version with its data items
        logIn(editor.username(), editor.password());
        click("menu-catalogMine");
        waitForText(name);
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[.//*[@data-test='entry-link-" + entryId + "']]")));
        assertThat(row.findElements(By.cssSelector("[data-test=state-PUBLISHED]"))).isNotEmpty();
        assertThat(row.getText()).contains("已发布");
        shot("catalog-05-workbench-published");
        click("entry-view-" + entryId);
        WebElement version = find("detail-version");
        assertThat(version.getText()).contains("v1");
        waitForText("经营者名称");
        assertThat(find("data-items").getText()).contains("licence_no", "许可证号", "operator_name", "经营者名称");
        fullShot("catalog-06-entry-detail");

        Api.Response published = editor.api().get("/api/v1/catalog/entries/" + entryId);
        assertThat(published.json().get("published").get("version").asInt()).isEqualTo(1);
        assertThat(published.json().get("published").get("content").get("dataItems").size()).isEqualTo(2);
    }

    @Test
    void editorImportsTheTemplateFixesTheRefusedRowTheReviewerPublishesAndAChineseQueryFindsIt() throws IOException {
        Api adminApi = admin();
        Dept department = newDepartment(adminApi, "浏览器导入局");
        LoggedIn editor = newUser(adminApi, department.id(), Role.CATALOG_EDITOR);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        String suffix = unique();
        String bridges = "城市桥梁养护巡检记录" + suffix;
        String lamps = "道路照明设施台账" + suffix;

        // 1. the first upload has a data type no one knows: nothing is imported, the row is named
        Path refused = workbook("refused", bridges, lamps, "XYZ");
        Path fixed = workbook("fixed", bridges, lamps, "字符型");
        logIn(editor.username(), editor.password());
        click("menu-catalogMine");
        click("catalog-import");
        find("import-dialog");
        browser.findElement(By.cssSelector("[data-test=import-file] input[type=file]")).sendKeys(refused.toString());
        click("import-submit-after");
        click("import-upload");
        WebElement errors = find("import-errors");
        assertThat(errors.getText()).contains("信息项!3", "数据类型");
        assertThat(find("import-refused").getText()).contains("未导入");
        shot("catalog-07-import-refused");
        assertThat(editor.api().get("/api/v1/catalog/entries").json().size()).isZero();

        // 2. the corrected file imports both entries and submits them
        browser.findElement(By.cssSelector("[data-test=import-file] input[type=file]")).sendKeys(fixed.toString());
        click("import-upload");
        assertThat(find("import-success").getText()).contains("2");
        shot("catalog-08-import-success");
        Api.Response imported = editor.api().get("/api/v1/catalog/entries");
        assertThat(Api.texts(imported.json(), "resourceCode")).hasSize(2);
        long bridgesId = 0;
        for (tools.jackson.databind.JsonNode entry : imported.json()) {
            assertThat(entry.get("latest").get("state").asString()).isEqualTo("SUBMITTED");
            if (entry.get("latest").get("content").get("name").asString().equals(bridges)) {
                bridgesId = entry.get("id").asLong();
            }
        }
        click("import-close");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=import-dialog]")));
        logOut();

        // 3. the reviewer publishes the bridges entry from the review queue
        logIn(reviewer.username(), reviewer.password());
        click("menu-catalogReview");
        waitForText(bridges);
        click("review-open-" + bridgesId);
        click("review-publish");
        confirmIt();
        wait.until(ExpectedConditions.urlMatches("/catalog/review$"));
        logOut();

        // 4. anyone finds it by Chinese words of its name; the unpublished one is not found
        logIn(editor.username(), editor.password());
        click("menu-catalogSearch");
        type("search-q", "桥梁养护 " + suffix);
        click("search-submit");
        find("search-hit-" + bridgesId);
        assertThat(find("search-total").getText()).isNotBlank();
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain(lamps);
        fullShot("catalog-09-search");
    }

    /** The template layout with two entries; the second entry's item has the given data type. */
    private static Path workbook(String name, String first, String second, String secondType) throws IOException {
        byte[] bytes = cn.govdata.catalog.CatalogWorkbooks.workbook(
                java.util.List.of(cn.govdata.catalog.CatalogWorkbooks.entryRow(1, first),
                        cn.govdata.catalog.CatalogWorkbooks.entryRow(2, second)),
                java.util.List.of(cn.govdata.catalog.CatalogWorkbooks.itemRow(1, "bridge_code", "桥梁编号", "字符型", 20),
                        cn.govdata.catalog.CatalogWorkbooks.itemRow(2, "lamp_code", "灯杆编号", secondType, 20)));
        Path file = Files.createTempFile("catalog-" + name, ".xlsx");
        Files.write(file, bytes);
        return file;
    }

    private long entryIdFromUrl() {
        wait.until(ExpectedConditions.urlMatches("/catalog/edit/\\d+"));
        Matcher id = Pattern.compile("/catalog/edit/(\\d+)").matcher(browser.getCurrentUrl());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }
}
