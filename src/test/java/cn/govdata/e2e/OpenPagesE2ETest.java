package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.open.PublicFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * The open-data pages that had only an API: a citizen publishes an app built on open data from the portal's
 * account page, the authority's reviewer approves it in the console (利用成果审核) and it shows on the portal's
 * 应用成果 page and its detail; the authority flags an open dataset as emergency data in the console (应急数据) and
 * the portal's home pins it, until it is lifted.
 */
class OpenPagesE2ETest extends ConsoleBrowserTest {

    private record Scene(OpenedPopulation data, LoggedIn reviewer) {
    }

    private Scene openData() {
        Api admin = admin();
        Dept department = newDepartment(admin, "港务交通局");
        LoggedIn editor = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(admin, department.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER);
        return new Scene(OpenedPopulation.open(editor.api(), provider.api(), reviewer.api(), department.name(),
                unique(), false), reviewer);
    }

    @Test
    void aCitizenPublishesAnAppTheReviewerApprovesItAndThePortalShowsIt() throws Exception {
        Scene scene = openData();
        PublicHolders.Citizen citizen = PublicHolders.citizen(anonymous, port, "市民丙");
        String name = "港区出行助手" + unique();

        browser.get(anonymous.baseUrl() + "/open/account");
        type("login", citizen.login());
        type("password", PublicFixtures.PASSWORD);
        click("login-submit");
        type("reuse-name", name);
        type("reuse-description", "<i>按</i>流动人口分布推荐出行时段");
        type("reuse-link", "https://example.com/trip");
        type("reuse-find", scene.data().title());
        click("reuse-find-submit");
        click("reuse-pick-" + scene.data().packageName());
        find("reuse-picked-" + scene.data().packageName());
        click("reuse-submit");
        assertThat(find("account-notice").getText()).contains("审核通过后");
        long id = citizen.api().get("/api/v1/public/account/reuses").json().get(0).get("id").asLong();
        assertThat(find("my-reuse-status-" + id).getText()).isEqualTo("待审核");
        shot("open-pages-00-publish");
        assertThat(anonymous.get("/api/v1/public/reuses/" + id).status()).as("not before approval").isEqualTo(404);

        logIn(scene.reviewer().username(), scene.reviewer().password());
        click("menu-openReuses");
        click("reuse-open-" + id);
        click("reuse-approve");
        wait.until(driver -> find("reuse-detail-status").getText().equals("已发布"));

        browser.get(anonymous.baseUrl() + "/open/reuses");
        assertThat(find("reuse-" + id).getText()).contains(name, "个人", scene.data().title());
        assertThat(browser.findElements(By.xpath("//i[contains(., '按')]"))).as("never as markup").isEmpty();
        browser.findElement(By.linkText(name)).click();
        assertThat(find("reuse-name").getText()).isEqualTo(name);
        assertThat(find("reuse-dataset-" + scene.data().packageName()).getText()).contains("来源：");
        shot("open-pages-01-published");
        browser.get(anonymous.baseUrl() + "/open/datasets/" + scene.data().packageName());
        assertThat(find("reuse-" + id).getText()).contains(name);
    }

    @Test
    void theAuthorityFlagsEmergencyDataAndThePortalPinsItUntilLifted() throws Exception {
        Scene scene = openData();
        String until = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();

        logIn(scene.reviewer().username(), scene.reviewer().password());
        click("menu-openEmergencies");
        click("emergency-new");
        type("emergency-find", scene.data().title());
        click("emergency-find-submit");
        click("emergency-pick-" + scene.data().packageName());
        type("emergency-reason", "台风过境，公布港区人口分布以便转移安置");
        type("emergency-until", until);
        input("emergency-until").sendKeys(Keys.ENTER);
        shot("open-pages-02-flag");
        click("emergency-submit");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test='emergency-form']")));
        long id = scene.reviewer().api().get("/api/v1/open/emergencies").json().get(0).get("id").asLong();
        wait.until(driver -> find("emergency-state-" + id).getText().equals("生效中"));

        browser.get(anonymous.baseUrl() + "/open/");
        assertThat(find("emergency-" + scene.data().packageName()).getText()).contains(scene.data().title(),
                "台风过境", until);
        shot("open-pages-03-pinned");

        browser.get(anonymous.baseUrl() + "/#/open/emergencies");
        click("emergency-lift-" + id);
        type("emergency-lift-reason", "台风已过");
        click("emergency-lift-submit");
        wait.until(driver -> find("emergency-state-" + id).getText().equals("已结束"));
        browser.get(anonymous.baseUrl() + "/open/");
        find("counts");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("[data-test='emergency-" + scene.data().packageName() + "']")));
    }
}
