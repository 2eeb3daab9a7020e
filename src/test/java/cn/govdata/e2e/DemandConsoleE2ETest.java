package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * A department answers an open-data demand request in the console (开放需求答复): a citizen asks through the public
 * API for data the department holds; its data provider finds the request under 开放 → 开放需求答复, sees what the
 * citizen wrote as text (markup included), refuses with reasons and the legal basis, and the answer is public.
 */
class DemandConsoleE2ETest extends ConsoleBrowserTest {

    @Test
    void aDepartmentAnswersADemandRequest() throws Exception {
        Api admin = admin();
        Dept police = newDepartment(admin, "市公安局");
        LoggedIn provider = newUser(admin, police.id(), Role.DATA_PROVIDER);
        String subject = "<b>地铁</b>站点客流" + unique();
        long id = requested(police.id(), subject);

        logIn(provider.username(), provider.password());
        click("menu-openDemands");
        find("demands-table");
        assertThat(find("demand-subject-" + id).getText()).as("shown as text").isEqualTo(subject);
        assertThat(browser.findElements(By.xpath("//b[contains(., '地铁')]"))).as("never as markup").isEmpty();
        find("demand-due-" + id);
        shot("demand-01-list");

        click("demand-open-" + id);
        find("demand-answer-form");
        click("demand-decision-WILL_NOT_OPEN");
        type("demand-decision-reasons", "客流数据涉及公共安全，暂不开放");
        type("demand-decision-basis", "《中华人民共和国反恐怖主义法》第二十七条");
        shot("demand-02-answer");
        click("demand-answer-submit");
        wait.until(driver -> find("demand-detail-status").getText().equals("已答复"));
        assertThat(find("demand-detail-decision").getText()).isEqualTo("不予开放");
        assertThat(browser.findElements(By.cssSelector("[data-test='demand-answer-form']"))).isEmpty();
        shot("demand-03-answered");

        Api.Response shown = anonymous.get("/api/v1/public/demands/" + id);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text("decision")).isEqualTo("WILL_NOT_OPEN");
        assertThat(shown.text("legalBasis")).isEqualTo("《中华人民共和国反恐怖主义法》第二十七条");
    }

    /** A citizen registers (the code read from the log sender) and asks the department for data. */
    private long requested(long departmentId, String subject) {
        Api citizen = PublicHolders.citizen(anonymous, port, "市民甲").api();
        Api.Response submitted = citizen.post("/api/v1/public/account/demands", Map.of("kind", "OPEN", "subject",
                subject, "description", "各站点每日进出站人数", "reason", "出行规划研究", "departmentId", departmentId));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        return submitted.id();
    }
}
