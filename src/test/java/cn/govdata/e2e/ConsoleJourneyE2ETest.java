package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.govdata.shared.Role;
import cn.govdata.support.ApiIntegrationTest;

/**
 * The first journey of a new installation, as a person does it in headless Chromium: the system
 * administrator creates a department and a user; the new user logs in and must change the initial
 * password; the audit administrator finds both creations in the audit log and verifies its integrity.
 * Screenshots of each step go to target/e2e/.
 */
class ConsoleJourneyE2ETest extends ApiIntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target/e2e");

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver for the browser test");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed; browser test skipped");
        profile = Files.createTempDirectory("govdata-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1440,900", "--lang=zh-CN", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void administratorCreatesADepartmentAndAUserAndTheAuditorFindsItInTheVerifiedLog() throws IOException {
        var adminApi = admin();
        String auditorLogin = newUser(adminApi, authorityDepartmentId(adminApi), Role.AUDIT_ADMIN).username();
        String departmentName = "浏览器测试局" + unique();
        String creditCode = randomCreditCode();
        String username = "e2e" + unique();

        // 1. the system administrator logs in to the Chinese console
        logIn("admin", ADMIN_PASSWORD);
        waitForText("欢迎");
        shot("01-home");

        // 2. creates a department
        click("menu-departments");
        click("department-create");
        type("department-name", departmentName);
        type("department-credit-code", creditCode);
        click("department-save");
        waitForText(departmentName);
        shot("02-department-created");

        // 3. creates a user in it
        click("menu-users");
        click("user-create");
        type("user-username", username);
        type("user-display-name", "浏览器用户");
        choose("user-department", departmentName);
        click("role-DATA_USER");
        type("user-password", "Initial-Pass-2026");
        click("user-save");
        waitForText(username);
        shot("03-user-created");
        logOut();

        // 4. the new user must change the initial password first
        logIn(username, "Initial-Pass-2026");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=must-change]")));
        type("pw-current", "Initial-Pass-2026");
        type("pw-new", "Browser-User-2026!");
        type("pw-repeat", "Browser-User-2026!");
        click("pw-submit");
        waitForText("欢迎");
        shot("04-password-changed");
        logOut();

        // 5. the audit administrator finds both creations and verifies the chain
        logIn(auditorLogin, USER_PASSWORD);
        click("menu-audit");
        type("audit-action", "department.create");
        click("audit-search");
        waitForText(departmentName);
        shot("05-audit-department");
        type("audit-action", "user.create");
        click("audit-search");
        waitForText(username);
        click("audit-verify");
        WebElement verdict = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=audit-verification]")));
        shot("06-audit-verified");
        assertThat(verdict.getText()).contains("审计日志完整");
    }

    private void logIn(String username, String password) {
        browser.get(anonymous.baseUrl() + "/#/login");
        type("login-username", username);
        type("login-password", password);
        click("login-submit");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void logOut() {
        WebElement menu = find("user-menu");
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(menu).perform();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=logout]"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private WebElement find(String test) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='" + test + "']")));
    }

    private void click(String test) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='" + test + "']")));
        element.click();
    }

    /** Element Plus puts the attribute on the native input or on its wrapper, depending on the component. */
    private WebElement input(String test) {
        WebElement element = find(test);
        if (!element.getTagName().equals("input")) {
            element = element.findElement(By.cssSelector("input"));
        }
        return element;
    }

    private void type(String test, String text) {
        WebElement field = input(test);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    private void choose(String test, String option) {
        WebElement select = find(test);
        select.click();
        WebElement search = select.findElement(By.cssSelector("input"));
        search.sendKeys(option);
        // other selects on the page keep hidden dropdowns with the same options: take the visible one
        By item = By.xpath("//*[contains(@class,'el-select-dropdown__item')][contains(normalize-space(.),'" + option + "')]");
        wait.until(driver -> driver.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElse(null))
                .click();
    }

    private void waitForText(String text) {
        wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains(text));
    }

    private void shot(String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

}
