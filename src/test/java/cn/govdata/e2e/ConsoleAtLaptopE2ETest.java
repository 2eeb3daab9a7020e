package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * The console as a new clerk meets it on a 1366×768 laptop, for every role: the home page is a workbench that
 * shows what is due with the working days left, and every page of the menu keeps its operation and status
 * columns on the screen, shows no message key, no SNAKE_CASE code and no English words in Chinese (beyond an
 * allow-list), and has no serious accessibility violation (axe-core). Each role's workbench is saved to
 * docs/console/ for docs/console.md.
 */
class ConsoleAtLaptopE2ETest extends ShareConsoleSteps {

    private static final Path DOCS = Path.of("docs/console");
    private static final Path AXE = Path.of("web/node_modules/axe-core/axe.min.js");
    private static final Pattern MESSAGE_KEY = Pattern.compile(
            "\\b(roles|status|actions|menu|common|catalog|share|lake|audit|workbench|home|policy|objection|confirm)\\.[A-Za-z_]+[A-Za-z_.]*");
    private static final Pattern SNAKE_CASE = Pattern.compile("\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b");
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b[A-Za-z][a-z]{3,}\\b");
    /** Names of standards, formats and products that Chinese clerks read as they are. */
    private static final Set<String> ALLOWED_ENGLISH = Set.of("Excel", "PostgreSQL", "MySQL", "Oracle", "OpenAPI",
            "Element", "Chrome", "Token", "Bearer", "Webhook", "Base", "Hash", "Demo");

    private record Clerk(String role, String username) {
    }

    @Test
    void everyRoleSeesItsWorkbenchAndEveryPageFitsAndSpeaksChinese() throws IOException {
        Api admin = admin();
        long authority = authorityDepartmentId(admin);
        Dept police = newDepartment(admin, "公安局");
        Dept civil = newDepartment(admin, "民政局");
        LoggedIn editor = newUser(admin, police.id(), Role.CATALOG_EDITOR);
        LoggedIn provider = newUser(admin, police.id(), Role.DATA_PROVIDER);
        LoggedIn approver = newUser(admin, police.id(), Role.SHARE_APPROVER);
        LoggedIn deptadmin = newUser(admin, police.id(), Role.DEPARTMENT_ADMIN);
        LoggedIn reviewer = newUser(admin, authority, Role.CATALOG_REVIEWER);
        LoggedIn auditor = newUser(admin, authority, Role.AUDIT_ADMIN);
        LoggedIn secadmin = newUser(admin, authority, Role.SECURITY_ADMIN);
        LoggedIn datauser = newUser(admin, civil.id(), Role.DATA_USER);

        // what is due: an entry submitted for review, and an application waiting for the police's approver
        String submittedName = "出入境证件信息" + unique();
        Map<String, Object> toReview = ShareFixtures.population("UNCONDITIONAL");
        toReview.put("name", submittedName);
        long reviewId = editor.api().post("/api/v1/catalog/entries", Map.of("content", toReview)).id();
        assertThat(editor.api().post("/api/v1/catalog/entries/" + reviewId + "/submit", Map.of()).status()).isEqualTo(200);
        long conditional = publish(editor.api(), reviewer.api(), ShareFixtures.population("CONDITIONAL"));
        submittedApplication(datauser.api(), conditional);

        browser.manage().window().setSize(new Dimension(1366, 768));
        Files.createDirectories(DOCS);
        List<String> problems = new ArrayList<>();
        List<Clerk> clerks = List.of(new Clerk("admin", "admin"), new Clerk("reviewer", reviewer.username()),
                new Clerk("editor", editor.username()), new Clerk("provider", provider.username()),
                new Clerk("approver", approver.username()), new Clerk("deptadmin", deptadmin.username()),
                new Clerk("datauser", datauser.username()), new Clerk("auditor", auditor.username()),
                new Clerk("secadmin", secadmin.username()));
        for (Clerk clerk : clerks) {
            logIn(clerk.username(), clerk.username().equals("admin") ? ADMIN_PASSWORD : USER_PASSWORD);
            find("workbench");
            waitForLoading();
            String home = browser.findElement(By.tagName("body")).getText();
            if (clerk.role().equals("reviewer")) {
                assertThat(home).contains(submittedName).contains("待审核目录");
            }
            if (clerk.role().equals("approver")) {
                assertThat(home).contains("待审批共享申请").containsPattern("剩 \\d+ 个工作日");
            }
            settle();
            Files.write(DOCS.resolve("workbench-" + clerk.role() + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            for (String page : menuEntries()) {
                click(page);
                waitForLoading();
                settle();
                String where = clerk.role() + " " + page + ": ";
                check(clerks, where).forEach(problems::add);
            }
            logOut();
        }
        Files.writeString(Path.of("target/e2e/console-at-laptop-problems.txt"), String.join("\n", problems),
                StandardCharsets.UTF_8);
        assertThat(problems).as("problems on the console's pages at 1366×768").isEmpty();
    }

    private void submittedApplication(Api user, long entryId) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("entryId", entryId);
        application.put("items", List.of("gmsfhm", "xm", "xzqh"));
        application.put("purpose", PURPOSE);
        application.put("useScenario", "低保审核确认时比对申请人身份");
        application.put("legalDuty", "《社会救助暂行办法》第十一条");
        application.put("periodFrom", today.toString());
        application.put("periodTo", today.plusDays(90).toString());
        application.put("ways", List.of("VERIFICATION"));
        Api.Response drafted = user.post("/api/v1/share/applications", application);
        assertThat(drafted.status()).as(drafted.body()).isEqualTo(201);
        for (int i = 0; i < ShareFixtures.MATERIALS.size(); i++) {
            Api.Response attached = user.upload("/api/v1/share/applications/" + drafted.id() + "/attachments?material="
                    + i, "file", "材料" + i + ".pdf", "application/pdf", ShareFixtures.pdf("material " + i));
            assertThat(attached.status()).as(attached.body()).isEqualTo(201);
        }
        Api.Response submitted = user.post("/api/v1/share/applications/" + drafted.id() + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    }

    /** The menu's entries (their data-test hooks), the sub-menus being open. */
    private List<String> menuEntries() {
        return browser.findElements(By.cssSelector("li.el-menu-item[data-test^='menu-']")).stream()
                .map(item -> item.getAttribute("data-test")).toList();
    }

    private void waitForLoading() {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-loading-mask")));
    }

    private List<String> check(List<Clerk> clerks, String where) throws IOException {
        List<String> found = new ArrayList<>();
        JavascriptExecutor js = (JavascriptExecutor) browser;
        @SuppressWarnings("unchecked")
        List<String> cut = (List<String>) js.executeScript("""
                const out = [];
                document.querySelectorAll('.el-table').forEach((table) => {
                  if (!table.offsetParent) return;
                  const box = table.getBoundingClientRect();
                  const right = Math.min(box.right, window.innerWidth);
                  table.querySelectorAll('th.el-table__cell').forEach((th) => {
                    const text = th.innerText.trim();
                    if (!['操作', '状态', '办理'].includes(text)) return;
                    const r = th.getBoundingClientRect();
                    if (r.width > 0 && r.right > right + 1) out.push(text + ' column ends at ' + Math.round(r.right) + 'px, table shows up to ' + Math.round(right) + 'px');
                  });
                });
                return out;""");
        cut.forEach(c -> found.add(where + c));
        // the text a clerk reads; free text entered by people (the audit log's details) is theirs, not the console's
        String text = (String) js.executeScript("""
                const main = document.querySelector('.el-main') || document.body;
                const copy = main.cloneNode(true);
                copy.querySelectorAll('[data-free-text], .mono, pre, input, textarea').forEach((e) => e.remove());
                return copy.innerText;""");
        for (Clerk clerk : clerks) {
            text = text.replace(clerk.username(), "");
        }
        find(MESSAGE_KEY, text).forEach(k -> found.add(where + "untranslated key " + k));
        find(SNAKE_CASE, text).forEach(k -> found.add(where + "code " + k));
        find(ENGLISH_WORD, text).stream().filter(w -> !ALLOWED_ENGLISH.contains(w)).distinct()
                .forEach(w -> found.add(where + "English word " + w));
        if (Files.exists(AXE)) {
            js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
            // axe-core takes its time over a large page on a busy machine
            browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(120));
            @SuppressWarnings("unchecked")
            List<String> violations = (List<String>) ((JavascriptExecutor) browser).executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations
                      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                      .map((v) => v.impact + ' ' + v.id + ' (' + v.nodes.length + '): ' + v.help + ' at '
                        + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))));""");
            violations.forEach(v -> found.add(where + "axe " + v));
        } else {
            found.add(where + "axe-core is missing: run npm ci in web/");
        }
        return found;
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
