package cn.govdata.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
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

import cn.govdata.support.ApiIntegrationTest;

/**
 * Base of the console's browser journeys: Debian's headless Chromium (required in CI, skipped locally when
 * missing), and the steps a journey is written in — log in and out, find, click and type by the console's
 * {@code data-test} hooks, pick from Element Plus selects, and screenshots to target/e2e/.
 */
abstract class ConsoleBrowserTest extends ApiIntegrationTest {

    protected static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    protected static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    protected static final Path SHOTS = Path.of("target/e2e");

    protected WebDriver browser;
    protected WebDriverWait wait;
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
                "--window-size=1440,1000", "--lang=zh-CN", "--user-data-dir=" + profile);
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

    protected void logIn(String username, String password) {
        browser.get(anonymous.baseUrl() + "/#/login");
        type("login-username", username);
        type("login-password", password);
        click("login-submit");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    protected void logOut() {
        WebElement menu = find("user-menu");
        new org.openqa.selenium.interactions.Actions(browser).moveToElement(menu).perform();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=logout]"))).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    protected WebElement find(String test) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test='" + test + "']")));
    }

    protected void click(String test) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test='" + test + "']")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    /** Accepts the confirmation an irreversible or external action asks for (Element Plus's message box). */
    protected void confirmIt() {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".el-message-box .el-button--primary"))).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-message-box")));
    }

    /** Element Plus puts the attribute on the native input or on its wrapper, depending on the component. */
    protected WebElement input(String test) {
        WebElement element = find(test);
        if (!element.getTagName().equals("input") && !element.getTagName().equals("textarea")) {
            element = element.findElement(By.cssSelector("input, textarea"));
        }
        return element;
    }

    protected void type(String test, String text) {
        WebElement field = input(test);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text);
    }

    /** Opens a (non-filterable) select and clicks the visible option with the given text. */
    protected void pick(String test, String option) {
        click(test);
        By item = By.xpath("//*[contains(@class,'el-select-dropdown__item')][contains(normalize-space(.),'" + option + "')]");
        // the dropdown slides in: retry until the option is where the click lands
        wait.ignoring(ElementClickInterceptedException.class).until(driver -> {
            WebElement visible = driver.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
            if (visible == null) {
                return false;
            }
            visible.click();
            return true;
        });
        wait.until(driver -> driver.findElements(item).stream().noneMatch(WebElement::isDisplayed));
    }

    /** Lets Element Plus finish its enter transitions (tags zoom in), so that screenshots show them whole. */
    protected void settle() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected void waitForText(String text) {
        wait.until(driver -> driver.findElement(By.tagName("body")).getText().contains(text));
    }

    /** The whole page: the window is made as tall as the document for the screenshot. */
    protected void fullShot(String name) throws IOException {
        org.openqa.selenium.Dimension size = browser.manage().window().getSize();
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(),
                Math.min(4000, height.intValue() + 120)));
        try {
            shot(name);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    protected void shot(String name) throws IOException {
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        settle();
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    protected void choose(String test, String option) {
        WebElement select = find(test);
        select.click();
        WebElement search = select.findElement(By.cssSelector("input"));
        search.sendKeys(option);
        // other selects on the page keep hidden dropdowns with the same options: take the visible one
        By item = By.xpath("//*[contains(@class,'el-select-dropdown__item')][contains(normalize-space(.),'" + option + "')]");
        wait.until(driver -> driver.findElements(item).stream().filter(WebElement::isDisplayed).findFirst().orElse(null))
                .click();
    }
}
