package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * Sharing in the Chinese console, in headless Chromium: the civil affairs bureau's data user applies for the
 * police's conditional population register (three of its four data items, purpose, scenario, legal duty, a
 * period, ways of use, a system), attaches the two materials the entry asks for and submits; the police's share
 * approver finds it in the inbox with its reply deadline, cannot refuse it without a legal basis, and approves it
 * without the division code; the data user then sees the application approved and a grant of only the two items
 * left. Screenshots go to target/e2e/ (share-*.png).
 */
class ShareConsoleE2ETest extends ShareConsoleSteps {

    @Test
    void aDataUserAppliesTheProviderApprovesNarrowedAndTheUserHoldsAGrantOfTheNarrowedItems() throws IOException {
        Api adminApi = admin();
        Dept police = newDepartment(adminApi, "浏览器公安局");
        LoggedIn editor = newUser(adminApi, police.id(), Role.CATALOG_EDITOR);
        LoggedIn reviewer = newUser(adminApi, authorityDepartmentId(adminApi), Role.CATALOG_REVIEWER);
        LoggedIn approver = newUser(adminApi, police.id(), Role.SHARE_APPROVER);
        Dept civil = newDepartment(adminApi, "浏览器民政局");
        LoggedIn user = newUser(adminApi, civil.id(), Role.DATA_USER);
        Api.Response system = adminApi.post("/api/v1/systems", Map.of("departmentId", civil.id(), "name", "低保审核系统"));
        assertThat(system.status()).as(system.body()).isEqualTo(201);
        Map<String, Object> content = ShareFixtures.population("CONDITIONAL");
        String name = (String) content.get("name");
        long entryId = publish(editor.api(), reviewer.api(), content);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String until = today.plusDays(180).toString();

        // 1. the data user finds the entry among the conditionally shared ones and fills in the application
        logIn(user.username(), user.password());
        openApplicationForm(entryId, name, police.name());
        assertThat(find("form-entry").getText()).contains(name, police.name(), "共享申请函（加盖公章）", "数据安全承诺书");
        fillApplication(system.id(), until);
        fullShot("share-01-application");
        click("form-save");

        // 2. saved as a draft: the materials are attached, and only then can it be submitted
        attachMaterials();
        fullShot("share-02-materials");
        click("form-submit");
        confirmIt();
        wait.until(driver -> find("application-status").getText().equals("待审批"));
        long applicationId = user.api().get("/api/v1/share/applications").json().get(0).get("id").asLong();
        String dueOn = user.api().get("/api/v1/share/applications/" + applicationId).text("dueOn");
        assertThat(dueOn).isNotBlank();
        assertThat(find("application-due").getText()).isEqualTo(dueOn);
        wait.until(driver -> find("scope-requested-items").getText().contains("公民身份号码"));  // names come with the entry
        assertThat(find("scope-requested-items").getText()).contains("公民身份号码", "姓名", "行政区划代码").doesNotContain("住址");
        assertThat(find("scope-requested-period").getText()).isEqualTo(today + " – " + until);
        find("event-SUBMITTED");
        shot("share-03-submitted");
        logOut();

        // 3. the police's approver sees it in the inbox with its reply deadline
        logIn(approver.username(), approver.password());
        click("menu-shareInbox");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[.//*[@data-test='application-open-" + applicationId + "']]")));
        assertThat(row.getText()).contains(name, civil.name(), "核查最低生活保障申请人的身份和户籍");
        assertThat(find("application-due-" + applicationId).getText()).isEqualTo(dueOn);
        shot("share-04-inbox");
        click("application-view-" + applicationId);
        find("application-facts");

        // a refusal cannot be sent with a reason but without its legal basis (kind, title and article)
        click("application-refuse");
        find("refuse-dialog");
        type("refuse-reason", "申请用途与所申请的数据不相称");
        assertThat(find("refuse-confirm").isEnabled()).isFalse();
        pick("refuse-basis-kind", "法律");
        type("refuse-basis-title", "中华人民共和国个人信息保护法");
        assertThat(find("refuse-confirm").isEnabled()).isFalse();
        assertThat(find("refuse-hint").getText()).contains("没有法律依据不得拒绝共享");
        shot("share-05-refusal-needs-basis");
        click("refuse-cancel");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=refuse-dialog]")));
        assertThat(find("application-status").getText()).isEqualTo("待审批");

        // approved without the division code
        approveWithoutDivisionCode();
        assertThat(find("scope-approved-items").getText()).contains("公民身份号码", "姓名").doesNotContain("行政区划代码");
        find("event-NARROWED");
        find("event-GRANT_ISSUED");
        fullShot("share-06-approved");
        logOut();

        // 4. the data user sees the application approved and holds a grant of the two items
        logIn(user.username(), user.password());
        click("menu-shareApplications");
        wait.until(driver -> find("application-status-" + applicationId).getText().equals("已批准"));
        click("menu-shareGrants");
        long grantId = user.api().get("/api/v1/share/grants").json().get(0).get("id").asLong();
        wait.until(driver -> find("grant-items-" + grantId).getText().contains("公民身份号码"));
        assertThat(find("grant-items-" + grantId).getText()).contains("公民身份号码", "姓名").doesNotContain("行政区划代码")
                .doesNotContain("住址");
        assertThat(find("grant-status-" + grantId).getText()).isEqualTo("有效");
        assertThat(find("grant-validity-" + grantId).getText()).isEqualTo(today + " – " + until);
        assertThat(find("grant-approver-" + grantId).getText()).isEqualTo(approver.username());
        assertThat(find("grants-table").getText()).contains(name, police.name(), "核查最低生活保障申请人的身份和户籍", "比对验证",
                "检索查询");
        fullShot("share-07-grant");
    }
}
