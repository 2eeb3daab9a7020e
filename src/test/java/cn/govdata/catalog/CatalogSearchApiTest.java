package cn.govdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * Searching the published catalog through the HTTP API (CAT-9). Tests share the database, so each one works in
 * departments of its own and filters by them where it counts.
 */
class CatalogSearchApiTest extends CatalogFixtures {

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    static Api.Response search(Api api, String... parameters) {
        StringBuilder path = new StringBuilder("/api/v1/catalog/search");
        for (int i = 0; i + 1 < parameters.length; i += 2) {
            path.append(i == 0 ? '?' : '&').append(parameters[i]).append('=')
                    .append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
        }
        return api.get(path.toString());
    }

    static List<String> codesOf(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return Api.texts(response.json().get("items"), "resourceCode");
    }

    static Map<String, Long> facet(Api.Response response, String dimension) {
        Map<String, Long> counts = new LinkedHashMap<>();
        response.json().get("facets").get(dimension).forEach(v -> counts.put(v.get("value").asString(), v.get("count").asLong()));
        return counts;
    }

    private static Map<String, Object> withItem(Map<String, Object> content, String chineseName) {
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) content.get("dataItems");
        items.add(item("extra_item", chineseName, "CHARACTER", 50, false, false, null, "NONE"));
        return content;
    }

    @Test
    void aChineseWordFindsThePublishedEntryByItsNameSummaryOrDataItem() {
        Editor editor = newEditor("自然资源局");
        Map<String, Object> content = withItem(content("不动产权属登记信息" + unique()), "宗地面积");
        content.put("summary", "记录房屋抵押和查封状况。");
        Api.Response entry = published(editor, content);
        String code = entry.text("resourceCode");
        String dept = Long.toString(editor.department().id());

        for (String word : List.of("权属", "抵押", "面积", "不动产登记", "房屋查封")) {
            assertThat(codesOf(search(editor.api(), "q", word, "departmentId", dept))).as(word).containsExactly(code);
        }
        assertThat(codesOf(search(editor.api(), "q", "婚姻", "departmentId", dept))).isEmpty();
        // by its resource code, and by a word without the department filter
        assertThat(codesOf(search(editor.api(), "q", code))).first().isEqualTo(code);
        assertThat(codesOf(search(editor.api(), "q", "权属 抵押", "size", "100"))).contains(code);

        JsonNode hit = search(editor.api(), "q", "权属", "departmentId", dept).json().get("items").get(0);
        assertThat(hit.get("id").asLong()).isEqualTo(entry.id());
        assertThat(hit.get("departmentName").asString()).isEqualTo(editor.department().name());
        assertThat(hit.get("shareType").asString()).isEqualTo("UNCONDITIONAL");
        assertThat(hit.get("shareTypeName").asString()).isEqualTo("无条件共享");
        assertThat(hit.get("openTypeName").asString()).isEqualTo("无条件开放");
        assertThat(hit.get("formatName").asString()).isEqualTo("数据库");
        assertThat(hit.get("updateCycleName").asString()).isEqualTo("每日");
        assertThat(hit.get("score").asDouble()).isPositive();
        assertThat(hit.get("highlights").get("name").asString()).startsWith("不动产<em>权属</em>登记信息");
        assertThat(search(editor.api(), "q", "抵押", "departmentId", dept).json().get("items").get(0).get("highlights")
                .get("summary").asString()).isEqualTo("记录房屋<em>抵押</em>和查封状况。");
    }

    @Test
    void draftsSubmissionsAndRetiredEntriesAreNotFound() {
        Editor editor = newEditor("林业局");
        String dept = Long.toString(editor.department().id());
        String publishedCode = published(editor, content("森林防火巡查记录" + unique())).text("resourceCode");
        draft(editor.api(), content("森林防火巡查草稿" + unique()));
        long submitted = draft(editor.api(), content("森林防火巡查待审" + unique())).id();
        assertThat(editor.api().post("/api/v1/catalog/entries/" + submitted + "/submit", Map.of()).status()).isEqualTo(200);
        Api.Response retired = published(editor, content("森林防火巡查旧表" + unique()));
        assertThat(codesOf(search(editor.api(), "q", "巡查", "departmentId", dept))).hasSize(2);

        assertThat(editor.api().post("/api/v1/catalog/entries/" + retired.id() + "/retire",
                Map.of("reason", "并入森林防火巡查记录")).status()).isEqualTo(200);
        assertThat(codesOf(search(editor.api(), "q", "巡查", "departmentId", dept))).containsExactly(publishedCode);
        assertThat(codesOf(search(editor.api(), "q", "", "departmentId", dept))).containsExactly(publishedCode);
    }

    @Test
    void aNewPublishedVersionIsFoundByItsNewWordsAndNoLongerByItsOldOnes() {
        Editor editor = newEditor("农业农村局");
        String dept = Long.toString(editor.department().id());
        Api.Response entry = published(editor, content("水产养殖登记" + unique()));
        long id = entry.id();
        String code = entry.text("resourceCode");
        assertThat(codesOf(search(editor.api(), "q", "养殖", "departmentId", dept))).containsExactly(code);

        Map<String, Object> changed = content("渔业捕捞许可" + unique());
        int revision = editor.api().get("/api/v1/catalog/entries/" + id).json().get("latest").get("revision").asInt();
        Api.Response v2 = editor.api().put("/api/v1/catalog/entries/" + id, Map.of("content", changed, "revision", revision));
        assertThat(v2.status()).as(v2.body()).isEqualTo(200);
        assertThat(editor.api().post("/api/v1/catalog/entries/" + id + "/submit", Map.of()).status()).isEqualTo(200);
        // until the new version is published, the one in force is what is found
        assertThat(codesOf(search(editor.api(), "q", "养殖", "departmentId", dept))).containsExactly(code);
        assertThat(codesOf(search(editor.api(), "q", "捕捞", "departmentId", dept))).isEmpty();

        assertThat(reviewer.post("/api/v1/catalog/entries/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        assertThat(codesOf(search(editor.api(), "q", "捕捞", "departmentId", dept))).containsExactly(code);
        assertThat(codesOf(search(editor.api(), "q", "养殖", "departmentId", dept))).isEmpty();
        assertThat(search(editor.api(), "q", "捕捞", "departmentId", dept).json().get("items").get(0).get("version")
                .asInt()).isEqualTo(2);
    }

    @Test
    void facetsCountTheQueryWithEveryFilterApplied() {
        Editor editor = newEditor("应急管理局");
        String dept = Long.toString(editor.department().id());
        published(editor, content("危险化学品经营许可" + unique()));
        Map<String, Object> conditional = content("危险化学品储存备案" + unique());
        conditional.put("shareType", "CONDITIONAL");
        conditional.put("shareCondition", "用于安全生产监管");
        conditional.put("applicantMaterials", List.of("用途说明"));
        conditional.put("shareBasis", basis("中华人民共和国安全生产法", "第三十九条"));
        conditional.put("format", "SPREADSHEET");
        conditional.put("subFormat", "XLSX");
        conditional.put("updateCycle", "MONTHLY");
        published(editor, conditional);
        Map<String, Object> other = content("危险化学品运输车辆" + unique());
        other.put("classification", Map.of("category", "DEPARTMENT", "item", "02", "target", "001"));
        other.put("updateCycle", "MONTHLY");
        published(editor, other);
        published(editor, content("烟花爆竹经营许可" + unique()));

        Api.Response all = search(editor.api(), "q", "化学品", "departmentId", dept);
        assertThat(all.json().get("total").asLong()).isEqualTo(3);
        assertThat(facet(all, "departmentId")).containsExactly(Map.entry(dept, 3L));
        assertThat(all.json().get("facets").get("departmentId").get(0).get("label").asString())
                .isEqualTo(editor.department().name());
        assertThat(facet(all, "shareType")).containsOnly(Map.entry("UNCONDITIONAL", 2L), Map.entry("CONDITIONAL", 1L));
        assertThat(facet(all, "format")).containsOnly(Map.entry("DATABASE", 2L), Map.entry("SPREADSHEET", 1L));
        assertThat(facet(all, "updateCycle")).containsOnly(Map.entry("MONTHLY", 2L), Map.entry("DAILY", 1L));
        assertThat(facet(all, "category")).containsOnly(Map.entry("3", 3L));
        assertThat(facet(all, "subject")).containsOnly(Map.entry("301", 2L), Map.entry("302", 1L));
        assertThat(facet(all, "openType")).containsOnly(Map.entry("OPEN", 3L));
        JsonNode shareLabels = all.json().get("facets").get("shareType");
        shareLabels.forEach(v -> assertThat(v.get("label").asString()).isIn("无条件共享", "有条件共享"));
        assertThat(all.json().get("facets").get("category").get(0).get("label").asString()).isEqualTo("部门信息资源");

        Api.Response monthly = search(editor.api(), "q", "化学品", "departmentId", dept, "updateCycle", "MONTHLY");
        assertThat(monthly.json().get("total").asLong()).isEqualTo(2);
        assertThat(facet(monthly, "shareType")).containsOnly(Map.entry("UNCONDITIONAL", 1L), Map.entry("CONDITIONAL", 1L));
        assertThat(facet(monthly, "updateCycle")).containsOnly(Map.entry("MONTHLY", 2L));

        Api.Response narrow = search(editor.api(), "q", "化学品", "departmentId", dept, "updateCycle", "monthly",
                "subject", "301", "category", "DEPARTMENT");
        assertThat(narrow.json().get("total").asLong()).isEqualTo(1);
        assertThat(facet(narrow, "format")).containsOnly(Map.entry("SPREADSHEET", 1L));
        // several values of one filter are alternatives
        assertThat(search(editor.api(), "q", "化学品", "departmentId", dept, "format", "SPREADSHEET,DATABASE")
                .json().get("total").asLong()).isEqualTo(3);

        // without words: everything of the department, by resource code, with facets
        Api.Response everything = search(editor.api(), "departmentId", dept);
        assertThat(everything.json().get("total").asLong()).isEqualTo(4);
        assertThat(everything.json().get("sort").asString()).isEqualTo("resourceCode");
        List<String> codes = codesOf(everything);
        assertThat(codes).isSorted();
        assertThat(everything.json().get("items").get(0).has("score")).isFalse();
        assertThat(facet(everything, "shareType")).containsOnly(Map.entry("UNCONDITIONAL", 3L), Map.entry("CONDITIONAL", 1L));

        // paging
        Api.Response second = search(editor.api(), "departmentId", dept, "page", "1", "size", "3");
        assertThat(codesOf(second)).containsExactly(codes.get(3));
        assertThat(second.json().get("total").asLong()).isEqualTo(4);
    }

    @Test
    void everyActorOfTheRegionSeesThePublishedCatalogIncludingConnectedSystems() {
        Editor editor = newEditor("市场监管局");
        String dept = Long.toString(editor.department().id());
        String code = published(editor, content("食品经营许可证" + unique())).text("resourceCode");

        Editor otherDepartment = newEditor("卫健委");
        assertThat(codesOf(search(otherDepartment.api(), "q", "食品经营", "departmentId", dept))).containsExactly(code);
        Api plainUser = newUser(admin, otherDepartment.department().id(), Role.DATA_USER).api();
        assertThat(codesOf(search(plainUser, "q", "许可证", "departmentId", dept))).containsExactly(code);
        assertThat(codesOf(search(reviewer, "q", "食品", "departmentId", dept))).containsExactly(code);

        Api.Response registered = admin.post("/api/v1/systems", Map.of("departmentId", otherDepartment.department().id(),
                "name", "食品安全监管系统" + unique(), "evaluation",
                Map.of("level", 3, "agency", "某测评机构", "reportNumber", "DJCP-2026-" + unique())));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String basic = Base64.getEncoder().encodeToString((registered.text("clientId") + ":"
                + registered.text("clientSecret")).getBytes(StandardCharsets.UTF_8));
        Api.Response token = anonymous.postForm("/oauth2/token", "grant_type=client_credentials", "Authorization",
                "Basic " + basic);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        Api system = anonymous.withToken(token.text("access_token"));
        assertThat(codesOf(search(system, "q", "食品经营许可", "departmentId", dept))).containsExactly(code);

        assertThat(search(anonymous, "q", "食品").status()).isEqualTo(401);
    }

    @Test
    void userInputNeverBreaksTheQueryAndBadFiltersAreExplained() {
        Editor editor = newEditor("教育局");
        for (String q : List.of("C++ (", "\"", "*:?~^[]{}\\/", "AND OR NOT", "（）！", "title:x AND -y", "\u3000")) {
            Api.Response response = search(editor.api(), "q", q);
            assertThat(response.status()).as(q + ": " + response.body()).isEqualTo(200);
        }
        Api.Response unknown = search(editor.api(), "q", "学籍", "shareType", "SOMETIMES");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("INVALID_VALUE");
        assertThat(unknown.json().get("detail").asString()).contains("shareType").contains("SOMETIMES");
        for (String[] bad : List.of(new String[] { "format", "PAPER" }, new String[] { "openType", "x" },
                new String[] { "updateCycle", "HOURLY" }, new String[] { "category", "4" },
                new String[] { "subject", "1a" }, new String[] { "departmentId", "abc" }, new String[] { "size", "0" },
                new String[] { "size", "101" }, new String[] { "page", "-1" }, new String[] { "page", "5000" })) {
            Api.Response response = search(editor.api(), bad[0], bad[1]);
            assertThat(response.status()).as(bad[0] + "=" + bad[1]).isEqualTo(400);
            assertThat(response.code()).as(bad[0] + "=" + bad[1]).isEqualTo("INVALID_VALUE");
        }
        assertThat(search(editor.api(), "page", "x").status()).isEqualTo(400);
        assertThat(search(editor.api(), "q", "长".repeat(201)).code()).isEqualTo("FIELD_TOO_LONG");
    }

    @Test
    void operatorsSeeTheIndexStateAndCanRebuildItWhileItStaysSearchable() throws InterruptedException {
        Editor editor = newEditor("统计局");
        String dept = Long.toString(editor.department().id());
        String code = published(editor, content("统计调查单位名录" + unique())).text("resourceCode");
        assertThat(editor.api().post("/api/v1/catalog/search/rebuild", Map.of()).status()).isEqualTo(403);
        assertThat(editor.api().get("/api/v1/catalog/search/status").status()).isEqualTo(403);

        Api.Response started = admin.post("/api/v1/catalog/search/rebuild", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(codesOf(search(editor.api(), "q", "名录", "departmentId", dept))).containsExactly(code);
        Api.Response status = admin.get("/api/v1/catalog/search/status");
        for (int i = 0; i < 100 && status.json().get("rebuilding").asBoolean(); i++) {
            Thread.sleep(100);
            status = admin.get("/api/v1/catalog/search/status");
        }
        assertThat(status.json().get("rebuilding").asBoolean()).isFalse();
        assertThat(status.json().get("lastRebuild").get("reason").asString()).isEqualTo("requested");
        assertThat(status.json().get("lastRebuild").has("error")).isFalse();
        assertThat(status.json().get("documents").asLong()).isPositive();
        assertThat(codesOf(search(editor.api(), "q", "名录", "departmentId", dept))).containsExactly(code);
        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        List<String> actions = new ArrayList<>(Api.texts(
                auditor.get("/api/v1/audit?objectType=catalog-index&size=5").json().get("items"), "action"));
        assertThat(actions).contains("catalog.reindex");
    }
}
