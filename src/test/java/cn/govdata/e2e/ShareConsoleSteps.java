package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.share.ShareFixtures;
import cn.govdata.support.Api;

/**
 * The steps of the sharing journeys in the console: publishing the entry through the API, filling in a share
 * application for the population register, attaching its materials, and the provider's narrowed approval; and,
 * for journeys that start with a grant, the grant obtained through the API.
 */
abstract class ShareConsoleSteps extends ConsoleBrowserTest {

    static final String PURPOSE = "核查最低生活保障申请人的身份和户籍";

    /** Drafts, submits and publishes an entry through the API; returns its id. */
    static long publish(Api editor, Api reviewer, Map<String, Object> content) {
        Api.Response created = editor.post("/api/v1/catalog/entries", Map.of("content", content));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        Api.Response submitted = editor.post("/api/v1/catalog/entries/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Api.Response published = reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return id;
    }

    /**
     * From the share catalog's conditional tab, filtered to the provider (the shared test database holds many
     * entries, more than a page), the application form of an entry is opened.
     */
    void openApplicationForm(long entryId, String name, String provider) {
        click("menu-shareCatalog");
        choose("share-catalog-department", provider);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-CONDITIONAL"))).click();
        wait.until(driver -> find("share-catalog-table").getText().contains(name));
        assertThat(find("share-availability-" + entryId).getText()).isEqualTo("需提交申请");
        click("share-apply-" + entryId);
    }

    /**
     * Three of the population register's four items (not the address), purpose, scenario, duty, until a date,
     * verification and query, by one system.
     */
    void fillApplication(long systemId, String until) {
        click("form-item-gmsfhm");
        click("form-item-xm");
        click("form-item-xzqh");
        type("form-purpose", PURPOSE);
        type("form-scenario", "低保审核确认时比对申请人身份，查询户籍所在地");
        type("form-duty", "《社会救助暂行办法》第十一条：县级民政部门审核确认最低生活保障");
        type("form-to", until);
        input("form-to").sendKeys(Keys.ENTER);
        click("form-way-VERIFICATION");
        click("form-way-QUERY");
        click("form-system-" + systemId);
    }

    /** On a saved draft: each material the entry asks for gets a PDF; submission is possible only then. */
    void attachMaterials() throws IOException {
        find("form-materials");
        assertThat(find("material-state-0").getText()).isEqualTo("未上传");
        assertThat(find("form-submit").isEnabled()).isFalse();
        for (int i = 0; i < ShareFixtures.MATERIALS.size(); i++) {
            Path file = Files.createTempFile("material-" + i + "-", ".pdf");
            Files.write(file, ShareFixtures.pdf("material " + i));
            find("material-file-" + i).sendKeys(file.toAbsolutePath().toString());
            int material = i;
            wait.until(driver -> find("material-state-" + material).getText().equals("已上传 1 个"));
        }
    }

    /**
     * Through the API: the bureau's data user applies for three items of the population register with these ways
     * of use, attaches the materials and submits; the police's approver approves it as it is. Returns the grant.
     */
    static long granted(Api user, Api approver, long entryId, List<String> ways) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Api.Response drafted = user.post("/api/v1/share/applications", Map.of("entryId", entryId,
                "items", List.of("gmsfhm", "xm", "xzqh"), "purpose", PURPOSE,
                "useScenario", "低保审核确认时比对申请人身份", "legalDuty", "《社会救助暂行办法》第十一条",
                "periodFrom", today.toString(), "periodTo", today.plusDays(90).toString(), "ways", ways));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        for (int i = 0; i < ShareFixtures.MATERIALS.size(); i++) {
            Api.Response attached = user.upload("/api/v1/share/applications/" + drafted.id() + "/attachments?material="
                    + i, "file", "材料" + i + ".pdf", "application/pdf", ShareFixtures.pdf("material " + i));
            assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        }
        Api.Response submitted = user.post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Api.Response approved = approver.post("/api/v1/share/applications/" + drafted.id() + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        return approved.json().get("grantIds").get(0).asLong();
    }

    /** On the application page, the approver approves without the division code, with a comment. */
    void approveWithoutDivisionCode() {
        click("application-approve");
        find("approve-dialog");
        click("approve-item-xzqh");
        type("approve-comment", "户籍所在地可由公民身份号码判断，不提供行政区划代码");
        click("approve-confirm");
        wait.until(driver -> find("application-status").getText().equals("已批准"));
    }
}
