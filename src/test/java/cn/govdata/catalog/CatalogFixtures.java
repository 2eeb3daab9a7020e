package cn.govdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import cn.govdata.support.ApiIntegrationTest;

/**
 * Catalog test fixtures: departments with an editor, the authority's reviewer, and entry content as the API
 * takes it. Content is a mutable map so that tests can break one field at a time.
 */
public abstract class CatalogFixtures extends ApiIntegrationTest {

    /** A department with a catalog editor. */
    protected record Editor(Dept department, Api api, String username) {
    }

    protected Api admin;
    protected Api reviewer;

    protected void setUpCatalog() {
        admin = admin();
        reviewer = newUser(admin, authorityDepartmentId(admin), Role.CATALOG_REVIEWER).api();
    }

    protected Editor newEditor(String departmentPrefix) {
        Dept department = newDepartment(admin, departmentPrefix);
        LoggedIn user = newUser(admin, department.id(), Role.CATALOG_EDITOR);
        return new Editor(department, user.api(), user.username());
    }

    /** A complete department-resource entry, shared unconditionally and open, that passes every rule. */
    protected static Map<String, Object> content(String name) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("name", name);
        content.put("classification", Map.of("category", "DEPARTMENT", "item", "01", "target", "001"));
        content.put("summary", name + "，记录办理结果及办理时间。");
        content.put("format", "DATABASE");
        content.put("subFormat", "PostgreSQL");
        content.put("releaseDate", "2026-01-15");
        content.put("classified", false);
        content.put("dataItems", new ArrayList<>(List.of(
                item("record_no", "登记编号", "CHARACTER", 32, true, true, null, "NONE"),
                item("org_name", "单位名称", "CHARACTER", 200, true, false, null, "NONE"),
                item("credit_code", "统一社会信用代码", "CHARACTER", 18, true, false, "GB 32100", "NONE"),
                item("handled_on", "办理日期", "DATE", null, true, false, null, "NONE"))));
        content.put("shareType", "UNCONDITIONAL");
        content.put("shareMethod", "PLATFORM_INTERFACE");
        content.put("openType", "OPEN");
        content.put("updateCycle", "DAILY");
        return content;
    }

    protected static Map<String, Object> item(String name, String chineseName, String type, Integer length,
            boolean required, boolean recordKey, String valueStandard, String sensitivity) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("chineseName", chineseName);
        item.put("type", type);
        item.put("length", length);
        item.put("required", required);
        item.put("recordKey", recordKey);
        item.put("valueStandard", valueStandard);
        item.put("sensitivity", sensitivity);
        return item;
    }

    protected static Map<String, Object> basis(String title, String article) {
        return Map.of("kind", "LAW", "title", title, "article", article);
    }

    /** Drafts an entry and returns the response (201 expected by callers that assert it). */
    protected static Api.Response draft(Api editor, Map<String, Object> content) {
        return editor.post("/api/v1/catalog/entries", Map.of("content", content));
    }

    /** Drafts, submits and publishes an entry; returns the published entry. */
    protected Api.Response published(Editor editor, Map<String, Object> content) {
        Api.Response created = draft(editor.api(), content);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.id();
        Api.Response submitted = editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        Api.Response publishedEntry = reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of());
        assertThat(publishedEntry.status()).as(publishedEntry.body()).isEqualTo(200);
        return publishedEntry;
    }
}
