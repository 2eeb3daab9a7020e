package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

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
 * the portal's home pins it, until it is lifted; the authority records revenue from a citizen's grant in the console
 * (开放收益分配) and the table shows the providing department's share.
 */
class OpenPagesE2ETest extends ConsoleBrowserTest {

    private record Scene(OpenedPopulation data, LoggedIn provider, LoggedIn reviewer) {
    }

    private Scene openData(boolean conditional) {
        Api admin = admin();
        Dept department = newDepartment(admin, "港务交通局");
        LoggedIn editor = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(admin, department.id(), Role.DATA_PROVIDER);
        LoggedIn reviewer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER);
        return new Scene(OpenedPopulation.open(editor.api(), provider.api(), reviewer.api(), department.name(),
                unique(), conditional), provider, reviewer);
    }

    @Test
    void aCitizenPublishesAnAppTheReviewerApprovesItAndThePortalShowsIt() throws Exception {
        Scene scene = openData(false);
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
        Scene scene = openData(false);
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

    @Test
    void theAuthorityRecordsRevenueFromAGrantAndSeesItsAllocation() throws Exception {
        Scene scene = openData(true);
        PublicHolders.Citizen citizen = PublicHolders.citizen(anonymous, port, "市民丁");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> application = new HashMap<>(Map.of("dataset", scene.data().packageName(), "use",
                "PUBLIC_SERVICE", "purpose", "港区出行服务", "scenario", "按人口分布安排班车", "securityMeasures",
                "内网存放，专人管理", "until", today.plusDays(60).toString(), "agreementAccepted", true));
        Api.Response applied = citizen.api().post("/api/v1/public/account/applications", application);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long grant = applied.id();
        Api.Response approved = scene.provider().api().post("/api/v1/open/applications/" + grant + "/approve",
                Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        logIn(scene.reviewer().username(), scene.reviewer().password());
        click("menu-openRevenues");
        click("revenue-new");
        choose("revenue-grants", "编号 " + grant + " ·");
        type("revenue-amount", "1234.50");
        type("revenue-start", today.minusDays(30).toString());
        input("revenue-start").sendKeys(Keys.ENTER);
        type("revenue-end", today.toString());
        input("revenue-end").sendKeys(Keys.ENTER);
        type("revenue-source", "班车查询应用的广告收入");
        shot("open-pages-04-revenue");
        click("revenue-submit");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test='revenue-form']")));
        long id = scene.reviewer().api().get("/api/v1/open/revenues").json().get(0).get("id").asLong();
        assertThat(find("revenue-amount-" + id).getText()).isEqualTo("1234.50");
        assertThat(find("revenue-shares-" + id).getText()).contains(scene.data().department(), "1234.50");
        shot("open-pages-05-allocated");
    }
}
