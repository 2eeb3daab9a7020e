package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
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
 * the dashboard shows the department in the league table, its scorecard against the region, the trend per metric
 * and the overdue work by age, prints on A4 landscape, and the yearly report downloads with the department's name in
 * it.
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
        watchConsoleErrors();
        click("menu-superviseDashboard");
        wait.until(driver -> find("supervise-card-title").getText().contains(police.name()));
        assertThat(find("supervise-card").getText()).contains("共享申请按时答复率", "全区中位数");
        chartShown("supervise-comparison", "本部门各项比率指标与全区平均的对比图");
        chartShown("supervise-trend", "共享申请按时答复率逐年变化");
        // the order runs for ten more working days: nothing of the department's is overdue
        wait.until(driver -> find("supervise-overdue").getText().contains("没有逾期事项"));
        shot("supervise-2-answered");
        assertThat(consoleErrors()).isEmpty();
        logOut();

        // the civil affairs bureau's catalog obligation is weeks overdue
        Api civilEditor = newUser(admin, civil.id(), Role.CATALOG_EDITOR).api();
        assertThat(civilEditor.post("/api/v1/catalog/obligations", Map.of("trigger", "LAW_CHANGED", "triggerDate",
                calendar.today().minusDays(60).toString(), "description", "条例修订")).status()).isEqualTo(201);

        logIn(officer.username(), officer.password());
        watchConsoleErrors();
        click("menu-superviseDashboard");
        wait.until(driver -> find("supervise-league").getText().contains(police.name()));
        chartShown("supervise-overdue", "各类逾期事项按逾期工作日分段的数量");
        chartShown("supervise-trend", "逐年变化");
        browser.findElements(By.cssSelector("[data-test=supervise-league] .el-table__row")).stream()
                .filter(row -> row.getText().contains(police.name())).findFirst().orElseThrow().click();
        wait.until(driver -> find("supervise-card-title").getText().contains(police.name()));
        chartShown("supervise-comparison", "本部门各项比率指标与全区平均的对比图");
        wait.until(driver -> browser.findElement(By.xpath("//h3[contains(., '指标趋势')]")).getText()
                .contains(police.name()));
        fullShot("supervise-3-dashboard");
        printsOnA4Landscape(officer.username());
        assertThat(consoleErrors()).isEmpty();
        click("supervise-report");
        Api.Download report = officer.api().download("/api/v1/supervision/reports/" + calendar.today().getYear()
                + ".pdf");
        assertThat(report.status()).isEqualTo(200);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(report.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains(police.name());
        }
    }

    /** The chart in the element marked {@code test} is drawn (a canvas) and labelled in words for screen readers. */
    private void chartShown(String test, String label) {
        wait.until(driver -> !driver.findElements(By.cssSelector("[data-test=" + test + "] canvas")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[data-test=" + test + "] [role=img]")).getAttribute("aria-label"))
                .contains(label);
    }

    /** Errors the page raises or writes to the console from now on (the console page stays loaded between views). */
    private void watchConsoleErrors() {
        ((JavascriptExecutor) browser).executeScript("""
                window.consoleErrors = [];
                window.addEventListener('error', (e) => window.consoleErrors.push(String(e.message)));
                window.addEventListener('unhandledrejection', (e) => window.consoleErrors.push(String(e.reason)));
                const error = console.error;
                console.error = (...args) => { window.consoleErrors.push(args.map(String).join(' ')); error(...args); };""");
    }

    private List<?> consoleErrors() {
        return (List<?>) ((JavascriptExecutor) browser).executeScript("return window.consoleErrors");
    }

    /**
     * Before printing each chart becomes an image; the page prints on A4 landscape with the charts and without the
     * menus.
     */
    private void printsOnA4Landscape(String user) throws Exception {
        assertThat(find("supervise-print").getText()).isEqualTo("打印");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("window.dispatchEvent(new Event('beforeprint'))");
        wait.until(driver -> driver.findElements(By.cssSelector("img.echart-printed")).size() >= 3);
        assertThat(browser.findElement(By.cssSelector("[data-test=supervise-trend] img.echart-printed"))
                .getAttribute("src")).startsWith("data:image/png");
        PrintOptions options = new PrintOptions();
        options.setOrientation(PrintOptions.Orientation.LANDSCAPE);
        options.setPageSize(PageSize.ISO_A4);
        Pdf printed = ((PrintsPage) browser).print(options);
        js.executeScript("window.dispatchEvent(new Event('afterprint'))");
        byte[] pdf = java.util.Base64.getDecoder().decode(printed.getContent());
        java.nio.file.Files.write(SHOTS.resolve("supervise-4-printed.pdf"), pdf);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            var page = document.getPage(0).getMediaBox();
            assertThat(page.getWidth()).isGreaterThan(page.getHeight());
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            // the menu's title and the header's user name are not printed
            assertThat(text).contains("指标趋势", "逾期事项").doesNotContain("政务数据资源平台", user);
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
