package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.govdata.GovdataApplication;
import cn.govdata.share.ShareFixtures;
import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Cross-platform sharing (SHR-10) in the console, in headless Chromium: two platforms in one JVM, linked both ways
 * as in {@code FederationApiTest} — this test's platform is the lower one (it keeps the police's population
 * register), a second one started here is the upper one, and the browser works on the upper. Its department's
 * data user finds the lower platform's entry in the catalog search, opens it, applies through the upper platform,
 * attaches the two materials, submits and sees 待审批 with the lower platform's due date; the lower platform's
 * approver approves through its API; the page then shows 已批准 and the grant. Screenshots go to target/e2e/
 * (federation-*.png).
 */
class FederationConsoleE2ETest extends ShareConsoleSteps {

    private static Path upperDataDir;
    private static ConfigurableApplicationContext upper;
    private static Api upperAnonymous;

    @BeforeAll
    static void startTheUpperPlatform() throws IOException {
        upperDataDir = Files.createTempDirectory("govdata-e2e-upper-");
        upper = new SpringApplicationBuilder(GovdataApplication.class).profiles("test")
                // command-line arguments outrank SPRING_DATASOURCE_URL: the upper platform never shares the database
                .run("--server.port=0", "--govdata.test.data-dir=" + upperDataDir,
                        "--spring.datasource.url=jdbc:h2:mem:govdata-e2e-federation-upper;MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                        "--govdata.federation.secret-key=" + upperDataDir.resolve("federation-sm4.key"));
        upperAnonymous = new Api(Integer.parseInt(upper.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stopTheUpperPlatform() {
        if (upper != null) {
            upper.close();
        }
    }

    @Test
    void aDepartmentOfTheUpperPlatformAppliesInTheConsoleForTheLowerPlatformsEntryAndSeesTheGrant() throws Exception {
        // the lower platform (this one): the police's conditional population register, published
        Api lowerAdmin = admin();
        Dept police = newDepartment(lowerAdmin, "下级公安局");
        LoggedIn editor = newUser(lowerAdmin, police.id(), Role.CATALOG_EDITOR);
        LoggedIn reviewer = newUser(lowerAdmin, authorityDepartmentId(lowerAdmin), Role.CATALOG_REVIEWER);
        LoggedIn approver = newUser(lowerAdmin, police.id(), Role.SHARE_APPROVER);
        Map<String, Object> content = ShareFixtures.population("CONDITIONAL");
        String name = (String) content.get("name");
        long entryId = publish(editor.api(), reviewer.api(), content);
        String code = lowerAdmin.get("/api/v1/catalog/entries/" + entryId).text("resourceCode");

        // linked both ways: the upper registered here (the catalog cascades), this one there as a lower peer
        Api upperAdmin = firstAdminLogin();
        long upperAuthority = upperAdmin.get("/api/v1/auth/me").json().get("departmentId").asLong();
        Api.Response toUpper = created(upperAdmin.post("/api/v1/systems",
                Map.of("departmentId", upperAuthority, "name", "下级平台目录级联" + unique())));
        String upperName = "上级平台" + unique();
        Api.Response upperPeer = created(lowerAdmin.post("/api/v1/federation/peers", peer(upperName,
                upperAnonymous.baseUrl(), toUpper, "UPPER")));
        try {
            Api.Response link = created(lowerAdmin.post("/api/v1/systems", Map.of("departmentId",
                    authorityDepartmentId(lowerAdmin), "name", "上级平台跨级共享" + unique())));
            created(upperAdmin.post("/api/v1/federation/peers", peer("下级平台" + unique(), anonymous.baseUrl(), link,
                    "LOWER")));
            JsonNode hit = awaitHit(upperAdmin, name, code);
            long upperEntry = hit.get("id").asLong();
            // the platform as it names itself in the catalog it sends
            String platform = hit.get("origin").get("platform").asString();

            // the upper platform's department, its data user and its system
            long region = upperAdmin.get("/api/v1/auth/me").json().get("regionId").asLong();
            String department = "上级卫健委" + unique();
            long departmentId = created(upperAdmin.post("/api/v1/departments", Map.of("regionId", region, "name",
                    department, "creditCode", randomCreditCode(), "type", "ADMINISTRATIVE_ORGAN"))).id();
            String username = upperDataUser(upperAdmin, departmentId);
            String systemName = "上级救助系统" + unique();
            long systemId = created(upperAdmin.post("/api/v1/systems", Map.of("departmentId", departmentId,
                    "name", systemName))).id();
            Api upperUser = upperAnonymous.withToken(upperAnonymous.post("/api/v1/auth/login",
                    Map.of("username", username, "password", USER_PASSWORD)).text("token"));
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            String until = today.plusDays(180).toString();

            // 1. the data user finds the lower platform's entry in the search and opens it
            browser.get(upperAnonymous.baseUrl() + "/#/login");
            type("login-username", username);
            type("login-password", USER_PASSWORD);
            click("login-submit");
            wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
            click("menu-catalogSearch");
            type("search-q", name);
            click("search-submit");
            wait.until(driver -> find("search-hit-" + upperEntry).getText().contains(platform));
            find("search-hit-" + upperEntry).findElement(org.openqa.selenium.By.cssSelector(
                    "[data-test=search-hit-federation]")).click();
            assertThat(find("federation-entry-platform").getText()).isEqualTo(platform);
            wait.until(driver -> find("federation-entry-items").getText().contains("公民身份号码"));
            assertThat(find("federation-entry").getText()).contains(name, police.name(), "有条件共享");
            assertThat(find("federation-entry-materials").getText()).contains(ShareFixtures.MATERIALS.get(0),
                    ShareFixtures.MATERIALS.get(1));
            fullShot("federation-01-entry");

            // 2. applies through its own platform
            click("federation-apply");
            click("federation-form-item-gmsfhm");
            click("federation-form-item-xm");
            click("federation-form-item-xzqh");
            type("federation-form-purpose", "核查跨区域救助申请人的身份");
            type("federation-form-scenario", "市级救助审核时比对县级户籍信息");
            type("federation-form-duty", "《社会救助暂行办法》第十一条");
            type("federation-form-to", until);
            input("federation-form-to").sendKeys(Keys.ENTER);
            click("federation-form-system-" + systemId);
            fullShot("federation-02-form");
            click("federation-form-create");

            // 3. the draft made there: the materials attached, then submitted
            wait.until(driver -> find("federation-application-status").getText().equals("草稿"));
            assertThat(find("federation-material-state-0").getText()).isEqualTo("未上传");
            for (int i = 0; i < ShareFixtures.MATERIALS.size(); i++) {
                Path file = Files.createTempFile("material-" + i + "-", ".pdf");
                Files.write(file, ShareFixtures.pdf("material " + i));
                find("federation-material-file-" + i).sendKeys(file.toAbsolutePath().toString());
                int material = i;
                wait.until(driver -> find("federation-material-state-" + material).getText().startsWith("已上传"));
            }
            fullShot("federation-03-materials");
            click("federation-submit");
            confirmIt();
            wait.until(driver -> find("federation-application-status").getText().equals("待审批"));
            JsonNode mirrored = upperUser.get("/api/v1/federation/applications").json().get(0);
            long mirror = mirrored.get("id").asLong();
            long remote = mirrored.get("remoteId").asLong();
            String dueOn = mirrored.get("dueOn").asString();
            assertThat(dueOn).as("the lower platform's deadline").isNotBlank();
            assertThat(find("federation-application-due").getText()).isEqualTo(dueOn);
            assertThat(find("federation-grant-none").getText()).isEqualTo("尚未授权");
            assertThat(approver.api().get("/api/v1/share/applications/" + remote).text("dueOn")).isEqualTo(dueOn);
            shot("federation-04-submitted");

            // 4. the lower platform's approver approves it there
            Api.Response approved = approver.api().post("/api/v1/share/applications/" + remote + "/approve", Map.of());
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            long grant = approved.json().get("grantIds").get(0).asLong();

            // 5. the list shows it approved (asked of the lower platform), and its page the grant
            click("menu-federationApplications");
            find("federation-applications");
            browser.navigate().refresh();
            click("federation-application-open-" + mirror);
            wait.until(driver -> find("federation-application-status").getText().equals("已批准"));
            assertThat(find("federation-grant").getText()).contains("#" + grant);
            wait.until(driver -> find("federation-grant-items").getText().contains("公民身份号码"));
            assertThat(find("federation-grant-items").getText()).contains("公民身份号码", "姓名", "行政区划代码")
                    .doesNotContain("住址");
            assertThat(find("federation-grant-active").getText()).isEqualTo("有效");
            assertThat(find("federation-grant-until").getText()).isEqualTo(until);
            assertThat(find("federation-synced").getText()).startsWith("最近一次向对方平台查询");
            click("menu-federationApplications");
            wait.until(driver -> find("federation-application-status-" + mirror).getText().equals("已批准"));
            fullShot("federation-05-approved");
            click("federation-application-open-" + mirror);
            fullShot("federation-06-grant");
        } finally {
            lowerAdmin.delete("/api/v1/federation/peers/" + upperPeer.id());
        }
    }

    private static Api.Response created(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static Api firstAdminLogin() {
        Api.Response login = upperAnonymous.post("/api/v1/auth/login",
                Map.of("username", "admin", "password", INITIAL_ADMIN_PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Api first = upperAnonymous.withToken(login.text("token"));
        assertThat(first.post("/api/v1/auth/password", Map.of("currentPassword", INITIAL_ADMIN_PASSWORD,
                "newPassword", ADMIN_PASSWORD)).status()).isEqualTo(204);
        return first;
    }

    /** A data user of the department there, its initial password already changed; returns the username. */
    private static String upperDataUser(Api upperAdmin, long departmentId) {
        String username = "u" + unique();
        created(upperAdmin.post("/api/v1/users", Map.of("username", username, "displayName", "上级数据使用人",
                "departmentId", departmentId, "roles", List.of(Role.DATA_USER.name()),
                "initialPassword", "Initial-Pass-2026")));
        Api first = upperAnonymous.withToken(upperAnonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", "Initial-Pass-2026")).text("token"));
        assertThat(first.post("/api/v1/auth/password", Map.of("currentPassword", "Initial-Pass-2026", "newPassword",
                USER_PASSWORD)).status()).isEqualTo(204);
        return username;
    }

    private static Map<String, Object> peer(String name, String baseUrl, Api.Response system, String relation) {
        return Map.of("name", name, "baseUrl", baseUrl, "clientId", system.text("clientId"),
                "clientSecret", system.text("clientSecret"), "relation", relation);
    }

    /** The entry's hit on the upper platform, once the cascade has brought it there (the contract's 60 s). */
    private static JsonNode awaitHit(Api upperAdmin, String name, String code) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Api.Response found = upperAdmin.get("/api/v1/catalog/search?q="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8));
            for (JsonNode item : found.json().path("items")) {
                if (code.equals(item.get("resourceCode").asString())) {
                    return item;
                }
            }
            assertThat(System.nanoTime()).as("the upper platform's search within 60 s for " + code)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }
}
