package cn.govdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * The authority's tools over the catalog through the HTTP API: lead departments (CAT-7), duplicate detection and
 * the collecting department (CAT-5), update obligations on the working-day calendar (CAT-4), the link of a
 * county's catalog to its city's (CAT-6), and rule refusals in the caller's language (CAT-2, SEC-3).
 */
class CatalogGovernanceApiTest extends CatalogFixtures {

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    private static Map<String, Object> population(String name) {
        Map<String, Object> content = content(name);
        content.put("classification", Map.of("category", "BASE", "item", "01"));
        content.put("dataItems", List.of(
                item("id_number", "公民身份号码", "CHARACTER", 18, true, true, "GB 11643", "PERSONAL_INFORMATION"),
                item("full_name", "姓名", "CHARACTER", 50, true, false, null, "PERSONAL_INFORMATION")));
        return content;
    }

    @Test
    void baseResourcesAreKeptByTheirLeadDepartmentOnly() {
        Editor police = newEditor("公安局");
        Editor civil = newEditor("民政局");
        Api.Response designated = reviewer.put("/api/v1/catalog/leads/101",
                Map.of("departmentId", police.department().id()));
        assertThat(designated.status()).as(designated.body()).isEqualTo(200);
        assertThat(designated.text("subjectZh")).isEqualTo("人口");

        Api.Response refused = draft(civil.api(), population("人口基本信息" + unique()));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NOT_LEAD_DEPARTMENT");
        Api.Response created = draft(police.api(), population("人口基本信息" + unique()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.text("resourceCode")).startsWith("101/");

        assertThat(police.api().put("/api/v1/catalog/leads/101", Map.of("departmentId", civil.department().id()))
                .status()).isEqualTo(403);
        JsonNode leads = police.api().get("/api/v1/catalog/leads").json();
        assertThat(Api.texts(leads, "subjectCode")).contains("101", "106", "201", "211");
    }

    @Test
    void entriesOfTwoDepartmentsDescribingTheSameDataAreFlaggedAndOneCollects() {
        Editor market = newEditor("市场监管局");
        Editor tax = newEditor("税务局");
        String suffix = unique();
        long first = published(market, content("个体工商户登记信息" + suffix)).id();
        Map<String, Object> similar = content("个体工商户登记数据" + suffix);
        long second = draft(tax.api(), similar).id();
        assertThat(tax.api().post("/api/v1/catalog/entries/" + second + "/submit", Map.of()).status()).isEqualTo(200);

        // the shared test database may hold other entries like it (other tests' population entries): find this pair
        JsonNode open = reviewer.get("/api/v1/catalog/duplicates?status=OPEN").json();
        JsonNode pair = null;
        for (JsonNode candidate : open) {
            if (candidate.get("entryId").asLong() == second && candidate.get("otherEntryId").asLong() == first) {
                pair = candidate;
            }
        }
        assertThat(pair).as(open.toString()).isNotNull();
        assertThat(pair.get("nameSimilarity").asDouble()).isGreaterThan(0.7);
        assertThat(pair.get("itemOverlap").asDouble()).isEqualTo(1.0);

        // an unrelated entry of a third department is not flagged
        Editor health = newEditor("卫健委");
        long unrelated = draft(health.api(), withItems(content("疫苗接种记录" + unique()), "vaccine", "疫苗名称")).id();
        health.api().post("/api/v1/catalog/entries/" + unrelated + "/submit", Map.of());
        assertThat(find(reviewer.get("/api/v1/catalog/duplicates").json(), "entryId", unrelated)).isNull();

        assertThat(tax.api().get("/api/v1/catalog/duplicates").status()).isEqualTo(403);
        Api.Response wrongDepartment = reviewer.post("/api/v1/catalog/duplicates/" + pair.get("id").asLong() + "/designate",
                Map.of("collectingDepartmentId", health.department().id()));
        assertThat(wrongDepartment.code()).isEqualTo("INVALID_VALUE");
        Api.Response decided = reviewer.post("/api/v1/catalog/duplicates/" + pair.get("id").asLong() + "/designate",
                Map.of("collectingDepartmentId", market.department().id(), "note", "由市场监管局统一采集"));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.text("status")).isEqualTo("RESOLVED");
        assertThat(market.api().get("/api/v1/catalog/entries/" + first).json().get("collectingDepartmentId").asLong())
                .isEqualTo(market.department().id());
        assertThat(reviewer.get("/api/v1/catalog/entries/" + second).json().get("collectingDepartmentId").asLong())
                .isEqualTo(market.department().id());
    }

    @Test
    void anObligationIsDueFifteenWorkingDaysAfterItsTriggerAndClosesWhenTheUpdateIsPublished() {
        Editor editor = newEditor("自然资源局");
        long id = published(editor, content("不动产登记信息" + unique())).id();
        // Yantai (YT10): 15 working days from Fri 25 Sep 2026, skipping 1–7 Oct, counting make-up Sat 10 Oct → Thu 22 Oct
        Api.Response recorded = editor.api().post("/api/v1/catalog/obligations", Map.of("entryId", id,
                "trigger", "LAW_CHANGED", "triggerDate", "2026-09-25", "description", "《不动产登记暂行条例》修订"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        assertThat(recorded.text("dueDate")).isEqualTo("2026-10-22");
        assertThat(recorded.text("status")).isEqualTo("OPEN");
        boolean pastDue = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).isAfter(LocalDate.of(2026, 10, 22));
        assertThat(recorded.json().get("overdue").asBoolean()).isEqualTo(pastDue);
        JsonNode regionWide = reviewer.get("/api/v1/catalog/obligations?openOnly=true").json();
        assertThat(find(regionWide, "id", recorded.id())).isNotNull();

        Map<String, Object> updated = content(editor.api().get("/api/v1/catalog/entries/" + id).json().get("latest")
                .get("content").get("name").asString());
        updated.put("summary", "依修订后的条例调整登记范围");
        editor.api().put("/api/v1/catalog/entries/" + id,
                Map.of("content", updated, "revision", CatalogLifecycleApiTest.revisionOf(editor.api(), id)));
        editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of());
        assertThat(obligation(editor, recorded.id()).get("status").asString()).isEqualTo("SUBMITTED");
        reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of());
        JsonNode fulfilled = obligation(editor, recorded.id());
        assertThat(fulfilled.get("status").asString()).isEqualTo("FULFILLED");
        assertThat(fulfilled.get("fulfilledVersion").asInt()).isEqualTo(2);
        assertThat(fulfilled.get("late").asBoolean()).isEqualTo(pastDue);
        assertThat(fulfilled.get("overdue").asBoolean()).isFalse();

        Api.Response future = editor.api().post("/api/v1/catalog/obligations", Map.of("trigger", "OTHER",
                "triggerDate", "2999-01-01", "description", "x"));
        assertThat(future.code()).isEqualTo("CATALOG_ENTRY_INVALID");
        Editor stranger = newEditor("教育局");
        assertThat(stranger.api().get("/api/v1/catalog/obligations?departmentId=" + editor.department().id()).status())
                .isEqualTo(403);
        assertThat(stranger.api().post("/api/v1/catalog/obligations", Map.of("departmentId", editor.department().id(),
                "trigger", "OTHER", "triggerDate", "2020-01-01", "description", "x")).status()).isEqualTo(403);
    }

    @Test
    void aCountyEntryLinksToTheCitysOrIsKeptLocalWithConsent() {
        long city = homeRegionId(admin);
        long county = countyRegion(city, "370613");
        Api.Response authority = admin.post("/api/v1/departments", Map.of("regionId", county, "name", "莱山区大数据局" + unique(),
                "creditCode", randomCreditCode(), "type", "ADMINISTRATIVE_ORGAN", "authority", true));
        long countyAuthority = authority.status() == 201 ? authority.id() : admin.get("/api/v1/regions/" + county).json()
                .get("authorityDepartmentId").asLong();
        Api countyReviewer = newUser(admin, countyAuthority, Role.CATALOG_REVIEWER).api();
        Api.Response department = admin.post("/api/v1/departments", Map.of("regionId", county, "name", "莱山区民政局" + unique(),
                "creditCode", randomCreditCode(), "type", "ADMINISTRATIVE_ORGAN"));
        Api countyEditor = newUser(admin, department.id(), Role.CATALOG_EDITOR).api();

        String cityCode = published(newEditor("民政局"), content("低保对象信息" + unique())).text("resourceCode");
        long linked = countyEditor.post("/api/v1/catalog/entries", Map.of("content", content("莱山区低保对象信息" + unique()),
                "parentCode", cityCode)).id();
        assertThat(countyEditor.post("/api/v1/catalog/entries/" + linked + "/submit", Map.of()).status()).isEqualTo(200);
        Api.Response linkedPublished = countyReviewer.post("/api/v1/catalog/entries/" + linked + "/publish", Map.of());
        assertThat(linkedPublished.status()).as(linkedPublished.body()).isEqualTo(200);
        assertThat(linkedPublished.text("parentCode")).isEqualTo(cityCode);
        // the city's reviewer does not review the county's catalog
        long local = draft(countyEditor, content("莱山区特色农产品信息" + unique())).id();
        countyEditor.post("/api/v1/catalog/entries/" + local + "/submit", Map.of());
        assertThat(reviewer.post("/api/v1/catalog/entries/" + local + "/publish", Map.of()).status()).isEqualTo(403);
        Api.Response withoutConsent = countyReviewer.post("/api/v1/catalog/entries/" + local + "/publish", Map.of());
        assertThat(withoutConsent.status()).isEqualTo(409);
        assertThat(withoutConsent.code()).isEqualTo("LOCAL_ENTRY_NEEDS_CONSENT");
        Api.Response withConsent = countyReviewer.post("/api/v1/catalog/entries/" + local + "/publish",
                Map.of("consentToLocalEntry", true));
        assertThat(withConsent.status()).as(withConsent.body()).isEqualTo(200);
        assertThat(withConsent.json().get("localConsent").asBoolean()).isTrue();

        long dangling = countyEditor.post("/api/v1/catalog/entries", Map.of("content", content("错误关联" + unique()),
                "parentCode", "301001/999999")).id();
        Api.Response refused = countyEditor.post("/api/v1/catalog/entries/" + dangling + "/submit", Map.of());
        assertThat(refused.code()).isEqualTo("CATALOG_ENTRY_INVALID");
        assertThat(Api.texts(refused.json().get("errors"), "code")).containsExactly("UNKNOWN_RESOURCE_CODE");
    }

    @Test
    void ruleRefusalsListEveryBrokenRuleInTheCallersLanguage() {
        Editor editor = newEditor("住建局");
        Map<String, Object> content = content("公积金缴存信息" + unique());
        content.put("shareType", "CONDITIONAL");
        long id = draft(editor.api(), content).id();
        Api.Response chinese = editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of());
        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.code()).isEqualTo("CATALOG_ENTRY_INVALID");
        assertThat(Api.texts(chinese.json().get("errors"), "location"))
                .containsExactlyInAnyOrder("shareBasis", "shareCondition", "applicantMaterials");
        assertThat(chinese.json().get("errors").toString()).contains("类型为 有条件共享 的条目必须注明法律依据", "共享条件为必填项");
        Api.Response english = editor.api().inLanguage("en").post("/api/v1/catalog/entries/" + id + "/submit", Map.of());
        assertThat(english.json().get("errors").toString())
                .contains("An entry of type Conditional sharing must cite its legal basis", "share condition is required");
        assertThat(editor.api().get("/api/v1/catalog/entries/" + id).json().get("latest").get("state").asString())
                .isEqualTo("DRAFT");

        content.put("classified", true);
        Api.Response classified = draft(editor.api(), content);
        assertThat(classified.status()).isEqualTo(400);
        assertThat(Api.texts(classified.json().get("errors"), "code")).containsExactly("CLASSIFIED_DATA_REFUSED");
    }

    private long countyRegion(long city, String divisionCode) {
        for (JsonNode region : admin.get("/api/v1/regions").json()) {
            if (divisionCode.equals(region.get("divisionCode").asString())) {
                return region.get("id").asLong();
            }
        }
        Api.Response created = admin.post("/api/v1/regions", Map.of("divisionCode", divisionCode, "parentId", city));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.id();
    }

    private static Map<String, Object> withItems(Map<String, Object> content, String name, String chineseName) {
        content.put("dataItems", List.of(item(name, chineseName, "CHARACTER", 100, true, true, null, "NONE")));
        return content;
    }

    private static JsonNode obligation(Editor editor, long id) {
        return find(editor.api().get("/api/v1/catalog/obligations").json(), "id", id);
    }

    private static JsonNode find(JsonNode array, String field, long value) {
        for (JsonNode node : array) {
            if (node.get(field).asLong() == value) {
                return node;
            }
        }
        return null;
    }
}
