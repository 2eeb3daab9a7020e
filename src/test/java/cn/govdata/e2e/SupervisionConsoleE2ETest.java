package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.govdata.policy.WorkingDayCalendar;
import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The supervision journey in the console: a department late with a share application shows as a violation; the
 * authority's officer detects it and issues the correction order, the department answers it in the console,
 * the dashboard shows the department in the league table and its scorecard against the region, and the yearly
 * report downloads with the department's name in it.
 */
class SupervisionConsoleE2ETest extends ConsoleBrowserTest {

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private WorkingDayCalendar calendar;

    @Test
    void aLateApplicationBecomesAnOrderTheDepartmentAnswersInTheConsole() throws Exception {
        Api admin = admin();
        LoggedIn officer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER);
        Dept police = newDepartment(admin, "监督公安局");
        Api editor = newUser(admin, police.id(), Role.CATALOG_EDITOR).api();
        LoggedIn approver = newUser(admin, police.id(), Role.SHARE_APPROVER);
        Dept civil = newDepartment(admin, "监督民政局");
        Api applicant = newUser(admin, civil.id(), Role.DATA_USER).api();
        long entry = ShareConsoleSteps.publish(editor, officer.api(), ShareFixtures.population("CONDITIONAL"));
        long application = lateApplication(admin, applicant, civil.id(), entry);

        logIn(officer.username(), officer.password());
        click("menu-superviseViolations");
        click("supervise-detect");
        long violation = violationOf(officer.api(), police.id());
        waitForText(police.name());
        click("violation-order-" + violation);
        type("supervise-dialog-text", "请于十个工作日内答复该共享申请");
        click("supervise-dialog-confirm");
        wait.until(driver -> find("violation-status-" + violation).getText().equals("整改中"));
        assertThat(find("violation-days-" + violation).getText()).isEqualTo("10 个工作日");
        shot("supervise-1-ordered");
        logOut();

        logIn(approver.username(), approver.password());
        assertThat(approver.api().post("/api/v1/share/applications/" + application + "/approve", Map.of()).status())
                .isEqualTo(200);
        click("menu-superviseViolations");
        click("violation-answer-" + violation);
        type("supervise-dialog-text", "已审核同意该申请");
        click("supervise-dialog-confirm");
        wait.until(driver -> find("violation-status-" + violation).getText().equals("已反馈"));
        click("menu-superviseDashboard");
        wait.until(driver -> find("supervise-card-title").getText().contains(police.name()));
        assertThat(find("supervise-card").getText()).contains("共享申请按时答复率");
        shot("supervise-2-answered");
        logOut();

        logIn(officer.username(), officer.password());
        click("menu-superviseDashboard");
        wait.until(driver -> find("supervise-league").getText().contains(police.name()));
        browser.findElements(By.cssSelector("[data-test=supervise-league] .el-table__row")).stream()
                .filter(row -> row.getText().contains(police.name())).findFirst().orElseThrow().click();
        wait.until(driver -> find("supervise-card-title").getText().contains(police.name()));
        fullShot("supervise-3-dashboard");
        click("supervise-report");
        Api.Download report = officer.api().download("/api/v1/supervision/reports/" + calendar.today().getYear()
                + ".pdf");
        assertThat(report.status()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(report.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains(police.name());
        }
    }

    /** An application of the civil affairs bureau, submitted, whose reply date passed yesterday. */
    private long lateApplication(Api admin, Api applicant, long civilId, long entry) {
        Api.Response system = admin.post("/api/v1/systems", Map.of("departmentId", civilId, "name", "低保审核系统"));
        assertThat(system.status()).as(system.body()).isEqualTo(201);
        LocalDate today = calendar.today();
        Api.Response drafted = applicant.post("/api/v1/share/applications", Map.of("entryId", entry,
                "items", List.of("gmsfhm", "xm"), "purpose", "核查最低生活保障申请人的身份",
                "useScenario", "低保审核确认时比对申请人身份", "legalDuty", "《社会救助暂行办法》第十一条",
                "periodFrom", today.toString(), "periodTo", today.plusDays(364).toString(),
                "ways", List.of("VERIFICATION"), "systems", List.of(system.id())));
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        for (int i = 0; i < ShareFixtures.MATERIALS.size(); i++) {
            Api.Response attached = applicant.upload("/api/v1/share/applications/" + drafted.id()
                    + "/attachments?material=" + i, "file", "材料" + i + ".pdf", "application/pdf",
                    ShareFixtures.pdf("material " + i));
            assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        }
        Api.Response submitted = applicant.post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        // the reply date is the share module's own; moved into the past as its tests do
        jdbc.sql("update share_application set due_on = ? where id = ?").params(today.minusDays(1), drafted.id())
                .update();
        return drafted.id();
    }

    private long violationOf(Api officer, long departmentId) {
        wait.until(driver -> officer.get("/api/v1/supervision/violations?departmentId=" + departmentId).json()
                .size() == 1);
        JsonNode violation = officer.get("/api/v1/supervision/violations?departmentId=" + departmentId).json().get(0);
        assertThat(violation.get("type").asString()).isEqualTo("APPLICATION_UNANSWERED");
        return violation.get("id").asLong();
    }
}
