package cn.govdata.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/** The published share and open lists (CAT-9), as JSON and as CSV. */
class CatalogListsApiTest extends CatalogFixtures {

    private Editor editor;
    private String unconditional;
    private String conditional;
    private String notShared;
    private long dept;

    @BeforeEach
    void setUp() {
        setUpCatalog();
        editor = newEditor("住建局");
        dept = editor.department().id();
        unconditional = published(editor, content("建筑施工许可" + unique())).text("resourceCode");

        Map<String, Object> c = content("住房公积金缴存" + unique());
        c.put("shareType", "CONDITIONAL");
        c.put("shareCondition", "仅用于住房保障资格审核");
        c.put("applicantMaterials", List.of("用途说明", "授权书"));
        c.put("shareBasis", basis("住房公积金管理条例", "第七条"));
        c.put("openType", "CONDITIONAL_OPEN");
        c.put("openCondition", "经本人授权");
        conditional = published(editor, c).text("resourceCode");

        Map<String, Object> n = content("保障性住房申请人收入" + unique());
        n.put("shareType", "NOT_SHARED");
        n.put("shareBasis", basis("中华人民共和国个人信息保护法", "第十三条"));
        n.put("openType", "NOT_OPEN");
        n.put("openBasis", basis("中华人民共和国个人信息保护法", "第十三条"));
        notShared = published(editor, n).text("resourceCode");
        // neither a draft nor a retired entry is listed
        draft(editor.api(), content("建筑施工许可草稿" + unique()));
        long retired = published(editor, content("建筑施工许可旧表" + unique())).id();
        assertThat(editor.api().post("/api/v1/catalog/entries/" + retired + "/retire", Map.of("reason", "已合并"))
                .status()).isEqualTo(200);
    }

    private Api.Response list(Api api, String path) {
        return api.get("/api/v1/catalog/lists/" + path + (path.contains("?") ? "&" : "?") + "departmentId=" + dept);
    }

    @Test
    void theShareListListsEachTypeWithTheProfilesNames() {
        Api.Response all = list(editor.api(), "share");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(all.json().get("total").asLong()).isEqualTo(3);
        assertThat(Api.texts(all.json().get("items"), "resourceCode")).containsExactly(unconditional, conditional,
                notShared);
        assertThat(Api.texts(all.json().get("types"), "name")).containsExactly("无条件共享", "有条件共享", "不予共享");

        Api.Response conditionalList = list(editor.api(), "share?type=CONDITIONAL");
        assertThat(conditionalList.json().get("total").asLong()).isEqualTo(1);
        JsonNode item = conditionalList.json().get("items").get(0);
        assertThat(item.get("resourceCode").asString()).isEqualTo(conditional);
        assertThat(item.get("typeName").asString()).isEqualTo("有条件共享");
        assertThat(item.get("condition").asString()).isEqualTo("仅用于住房保障资格审核");
        assertThat(item.get("basis").asString()).isEqualTo("住房公积金管理条例 第七条");
        assertThat(item.get("applicantMaterials").size()).isEqualTo(2);
        assertThat(item.get("applicantMaterials").get(1).asString()).isEqualTo("授权书");
        assertThat(item.get("departmentName").asString()).isEqualTo(editor.department().name());
        assertThat(item.get("shareMethodName").asString()).isEqualTo("共享平台（接口）");

        assertThat(Api.texts(list(editor.api(), "share?type=NOT_SHARED").json().get("items"), "resourceCode"))
                .containsExactly(notShared);
        assertThat(Api.texts(list(editor.api(), "share?type=UNCONDITIONAL,NOT_SHARED").json().get("items"),
                "resourceCode")).containsExactly(unconditional, notShared);
        Api.Response paged = list(editor.api(), "share?size=2&page=1");
        assertThat(Api.texts(paged.json().get("items"), "resourceCode")).containsExactly(notShared);
        assertThat(paged.json().get("total").asLong()).isEqualTo(3);
    }

    @Test
    void theOpenListHoldsTheOpenAndTheConditionallyOpenEntries() {
        Api plainUser = newUser(admin, newEditor("统计局").department().id(), Role.DATA_USER).api();
        Api.Response open = list(plainUser, "open");
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(Api.texts(open.json().get("items"), "resourceCode")).containsExactly(unconditional, conditional);
        assertThat(Api.texts(open.json().get("types"), "code")).containsExactly("OPEN", "CONDITIONAL_OPEN");

        Api.Response onApplication = list(plainUser, "open?type=CONDITIONAL_OPEN");
        JsonNode item = onApplication.json().get("items").get(0);
        assertThat(onApplication.json().get("total").asLong()).isEqualTo(1);
        assertThat(item.get("resourceCode").asString()).isEqualTo(conditional);
        assertThat(item.get("typeName").asString()).isEqualTo("依申请开放");
        assertThat(item.get("condition").asString()).isEqualTo("经本人授权");
        assertThat(Api.texts(list(plainUser, "open?type=OPEN").json().get("items"), "resourceCode"))
                .containsExactly(unconditional);

        assertThat(list(plainUser, "open?type=NOT_OPEN").code()).isEqualTo("TYPE_NOT_IN_PROFILE");
        assertThat(list(plainUser, "open?type=SOMETIMES").code()).isEqualTo("INVALID_VALUE");
        assertThat(list(plainUser, "share?type=SOMETIMES").code()).isEqualTo("INVALID_VALUE");
        assertThat(list(plainUser, "share?format=xml").code()).isEqualTo("INVALID_VALUE");
        assertThat(list(plainUser, "share?size=0").code()).isEqualTo("INVALID_VALUE");
        assertThat(anonymous.get("/api/v1/catalog/lists/open").status()).isEqualTo(401);
    }

    @Test
    void theListsExportAsCsvWithAByteOrderMarkAndChineseHeaders() throws Exception {
        Api.Response csv = list(editor.api(), "share?format=csv");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().substring(1))).getRecords();
        assertThat(records.get(0).getParser().getHeaderNames()).startsWith("信息资源代码", "信息资源名称", "信息资源提供方")
                .contains("共享类型", "共享条件", "更新周期");
        assertThat(records).extracting(r -> r.get("信息资源代码")).containsExactly(unconditional, conditional, notShared);
        CSVRecord second = records.get(1);
        assertThat(second.get("共享类型")).isEqualTo("有条件共享");
        assertThat(second.get("申请材料")).isEqualTo("用途说明；授权书");
        assertThat(second.get("信息资源格式")).isEqualTo("数据库（PostgreSQL）");
        assertThat(second.get("更新周期")).isEqualTo("每日");

        Api.Response open = list(editor.api(), "open?format=csv&type=CONDITIONAL_OPEN");
        assertThat(open.body()).startsWith("\uFEFF信息资源代码,");
        List<CSVRecord> openRecords = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(open.body().substring(1))).getRecords();
        assertThat(openRecords).extracting(r -> r.get("开放类型")).containsExactly("依申请开放");
        assertThat(openRecords.get(0).get("开放条件")).isEqualTo("经本人授权");
    }

    @Test
    void noCellOfTheListsCsvOpensAsAFormulaInASpreadsheet() throws Exception {
        Editor other = newEditor("公积金中心");
        Map<String, Object> c = content("=HYPERLINK(\"http://evil.example\",\"公积金\")" + unique());
        c.put("shareType", "CONDITIONAL");
        c.put("shareCondition", "+cmd|' /C calc'!A0");
        c.put("applicantMaterials", List.of("@SUM(1+1)"));
        c.put("shareBasis", basis("-2+3", "第一条"));
        published(other, c);
        Api.Response csv = other.api().get("/api/v1/catalog/lists/share?format=csv&departmentId=" + other.department().id());
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body()).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\"");
        CSVRecord record = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body().substring(1))).getRecords().get(0);
        assertThat(record.get("信息资源名称")).startsWith("'=HYPERLINK(");
        assertThat(record.get("信息资源摘要")).startsWith("'=HYPERLINK(");
        assertThat(record.get("共享条件")).isEqualTo("'+cmd|' /C calc'!A0");
        assertThat(record.get("不予共享或有条件共享依据")).isEqualTo("'-2+3 第一条");
        assertThat(record.get("申请材料")).isEqualTo("'@SUM(1+1)");
    }
}
