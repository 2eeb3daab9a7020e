package cn.govdata.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;

/**
 * The console in English, as a clerk who chose it meets it: on every page of the menu of an authority officer, a
 * department's data provider and approver, and a data user, the words the console itself writes — headings, column
 * heads, labels, buttons, tabs, tags, hints, empty texts, placeholders — are English. What people entered (names of
 * departments, entries, purposes) stays in their language and is not looked at.
 */
class ConsoleInEnglishE2ETest extends ShareConsoleSteps {

    /** Where the console writes its own words. */
    private static final String CHROME = String.join(", ", ".page-title", "th .cell", ".el-form-item__label",
            ".el-button > span", ".el-tabs__item", ".el-menu-item", ".el-sub-menu__title", ".el-tag__content",
            ".el-empty__description", ".el-table__empty-text", ".el-alert__title", ".el-descriptions__label",
            ".el-radio-button__inner", ".el-checkbox__label", ".el-statistic__head");

    @Test
    void everyPageSpeaksEnglishWhenEnglishIsChosen() {
        Api admin = admin();
        Dept police = newDepartment(admin, "公安局");
        Dept civil = newDepartment(admin, "民政局");
        LoggedIn provider = newUser(admin, police.id(), Role.DATA_PROVIDER, Role.CATALOG_EDITOR);
        LoggedIn approver = newUser(admin, police.id(), Role.SHARE_APPROVER, Role.DEPARTMENT_ADMIN);
        LoggedIn datauser = newUser(admin, civil.id(), Role.DATA_USER);
        LoggedIn officer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER, Role.AUDIT_ADMIN);

        browser.manage().window().setSize(new Dimension(1440, 900));
        List<String> problems = new ArrayList<>();
        for (LoggedIn clerk : List.of(officer, provider, approver, datauser)) {
            logIn(clerk.username(), USER_PASSWORD);
            find("workbench");
            if (!find("switch-language").getText().contains("中文")) {
                click("switch-language");
            }
            wait.until(driver -> find("switch-language").getText().contains("中文"));
            problems.addAll(chineseIn(clerk.username() + " home: "));
            List<String> pages = browser.findElements(By.cssSelector("li.el-menu-item[data-test^='menu-']")).stream()
                    .map(item -> item.getAttribute("data-test")).toList();
            for (String page : pages) {
                click(page);
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".el-loading-mask")));
                problems.addAll(chineseIn(clerk.username() + " " + page + ": "));
            }
            click("switch-language");
            logOut();
        }
        assertThat(problems).as("Chinese in the English console's own words").isEmpty();
    }

    private List<String> chineseIn(String where) {
        @SuppressWarnings("unchecked")
        List<String> texts = (List<String>) ((JavascriptExecutor) browser).executeScript("""
                const main = document.querySelector('.el-main') || document.body;
                const out = [];
                main.querySelectorAll(arguments[0]).forEach((e) => {
                  if (!e.offsetParent || e.closest('[data-free-text], .mono, pre')) return;
                  const copy = e.cloneNode(true);
                  copy.querySelectorAll('[data-free-text], .mono').forEach((x) => x.remove());
                  out.push(copy.innerText);
                });
                main.querySelectorAll('input[placeholder], textarea[placeholder]').forEach((e) => {
                  if (e.offsetParent) out.push(e.getAttribute('placeholder'));
                });
                return out;""", CHROME);
        Set<String> found = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                found.add(where + text.strip().replace('\n', ' '));
            }
        }
        return List.copyOf(found);
    }
}
