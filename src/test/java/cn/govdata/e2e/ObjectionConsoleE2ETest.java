package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.IdNumbers;

/**
 * Objections and re-verification (疑义与复核, SHR-7) in headless Chromium, under the default (Yantai) profile: the
 * civil affairs bureau holds a grant on the police's population register (set up through the API); its data user
 * raises an objection to a name from 我的授权 and attaches evidence; the police's data provider finds it in 待我核查,
 * cannot confirm it without reasons, and corrects it with the proposed value; the bureau's user sees it 已更正,
 * with the corrected value and the timeline. Screenshots go to target/e2e/ (objection-*.png).
 */
class ObjectionConsoleE2ETest extends ShareConsoleSteps {

    private static final String ZHANG = IdNumbers.of("370602", "19800101", "123");

    @Test
    void aDataUserRaisesAnObjectionAndTheProviderCorrectsTheRecord() throws IOException {
        Api adminApi = admin();
        Dept police = newDepartment(adminApi, "疑义公安局");
        LoggedIn editor = newUser(adminApi, police.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(adminApi, police.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        Api approver = newUser(adminApi, police.id(), Role.SHARE_APPROVER).api();
        Dept civil = newDepartment(adminApi, "疑义民政局");
        LoggedIn user = newUser(adminApi, civil.id(), Role.DATA_USER);
        Map<String, Object> content = ShareFixtures.population("CONDITIONAL");
        String name = (String) content.get("name");
        long entryId = publish(editor.api(), reviewer.api(), content);
        PopulationEntries.upload(provider.api(), PopulationEntries.dataset(provider.api(), entryId),
                "gmsfhm,xm,xzqh,zz\n" + ZHANG + ",张三,370602,芝罘区幸福路1号\n");
        long grantId = granted(user.api(), approver, entryId, List.of("VERIFICATION", "QUERY"));

        // 1. the bureau's data user raises an objection to the name from 我的授权, and attaches evidence
        logIn(user.username(), user.password());
        click("menu-shareGrants");
        click("grant-objection-" + grantId);
        find("raise-dialog");
        assertThat(find("raise-submit").isEnabled()).isFalse();
        type("raise-key-gmsfhm", ZHANG);
        pick("raise-item", "姓名");
        type("raise-value", "张叁");
        type("raise-description", "申请人户口簿记载的姓名为张叁，与共享数据不一致");
        click("raise-submit");
        wait.until(driver -> find("objection-status").getText().equals("待核查"));
        long objectionId = user.api().get("/api/v1/share/objections").json().get(0).get("id").asLong();
        assertThat(find("objection-record").getText()).isEqualTo("公民身份号码（gmsfhm） " + ZHANG);
        assertThat(find("objection-item").getText()).isEqualTo("姓名（xm）");
        assertThat(find("objection-recorded").getText()).as("masked as the bureau's grant masks the name")
                .isEqualTo("张*");
        assertThat(find("objection-proposed").getText()).isEqualTo("张叁");
        assertThat(find("objection-due").getText()).isEqualTo("及时办理（无固定期限）");
        Path evidence = Files.createTempFile("hukou-", ".pdf");
        Files.write(evidence, ShareFixtures.pdf("household register"));
        find("evidence-file").sendKeys(evidence.toAbsolutePath().toString());
        wait.until(driver -> find("objection-timeline").getText().contains("上传佐证材料"));
        assertThat(browser.findElement(By.cssSelector("[data-test^='evidence-']:not([data-test='evidence-file'])"))
                .getText()).isEqualTo(evidence.getFileName().toString());
        fullShot("objection-01-raised");
        logOut();

        // 2. the police's data provider finds it in 待我核查; no confirmation without reasons; corrects it
        logIn(provider.username(), provider.password());
        click("menu-shareObjections");
        assertThat(find("objections-side-PROVIDER").getText()).isEqualTo("待我核查");
        wait.until(driver -> find("objections-table").getText().contains(name));
        assertThat(find("objection-status-" + objectionId).getText()).isEqualTo("待核查");
        assertThat(find("objections-table").getText()).contains("张叁", civil.name());
        click("objection-view-" + objectionId);
        click("objection-confirm");
        find("action-dialog");
        assertThat(find("action-confirm").isEnabled()).isFalse();
        // the form item's error fades in
        wait.until(driver -> find("action-dialog").getText().contains("请填写确认无误的理由"));
        click("action-cancel");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test='action-dialog']")));
        assertThat(find("objection-status").getText()).isEqualTo("待核查");
        click("objection-correct");
        assertThat(input("action-value").getAttribute("value")).isEqualTo("张叁");
        type("action-text", "经核对户籍底册，更正姓名");
        click("action-confirm");
        wait.until(driver -> find("objection-status").getText().equals("已更正"));
        assertThat(find("objection-corrected").getText()).isEqualTo("张叁");
        logOut();

        // 3. the bureau's user sees it 已更正, with the timeline
        logIn(user.username(), user.password());
        click("menu-shareObjections");
        click("objections-status-CORRECTED");
        wait.until(driver -> find("objection-status-" + objectionId).getText().equals("已更正"));
        click("objection-open-" + objectionId);
        wait.until(driver -> find("objection-status").getText().equals("已更正"));
        // the corrected value is the provider's stored data now: the raiser reads it through its grant, masked
        assertThat(find("objection-corrected").getText()).isEqualTo("张*");
        String timeline = find("objection-timeline").getText();
        assertThat(timeline).contains("提出疑义", "上传佐证材料", "已更正", "更正后的值：张*", provider.username())
                .doesNotContain("更正后的值：张叁");
        assertThat(browser.findElements(By.cssSelector("[data-test='objection-correct']"))).isEmpty();
        fullShot("objection-02-corrected");
        assertThat(provider.api().get("/api/v1/share/objections/" + objectionId).json().get("status").asString())
                .isEqualTo("CORRECTED");
    }
}
