package cn.govdata.catalog;

import static cn.govdata.catalog.CatalogWorkbooks.XLSX;
import static cn.govdata.catalog.CatalogWorkbooks.entryRow;
import static cn.govdata.catalog.CatalogWorkbooks.itemRow;
import static cn.govdata.catalog.CatalogWorkbooks.row;
import static cn.govdata.catalog.CatalogWorkbooks.workbook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.govdata.shared.Role;
import cn.govdata.support.Api;
import tools.jackson.databind.JsonNode;

/** The catalog's Excel template, import and export through the HTTP API (CAT-1, CAT-9). */
class CatalogSpreadsheetApiTest extends CatalogFixtures {

    private static final String IMPORT = "/api/v1/catalog/import";

    @BeforeEach
    void setUp() {
        setUpCatalog();
    }

    @Test
    void aValidFileBecomesDraftsWithTheirDataItems() {
        Editor editor = newEditor("市场监管局");
        String first = "企业登记信息" + unique();
        String second = "个体工商户登记信息" + unique();
        byte[] file = workbook(List.of(entryRow(1, first), entryRow("B2", second)), List.of(
                itemRow(1, "credit_code", "统一社会信用代码", "C", 18),
                itemRow("B2", "shop_name", "字号名称", "字符型", "100"),
                itemRow(1, "founded_on", "成立日期", "日期型", null)));

        Api.Response imported = editor.api().upload(IMPORT, "file", "目录.xlsx", XLSX, file);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
        JsonNode entries = imported.json().get("entries");
        assertThat(Api.texts(entries, "name")).containsExactly(first, second);
        assertThat(entries.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(entries.get(0).get("resourceCode").asString()).matches("301001/\\d{6}");
        assertThat(entries.get(0).get("state").asString()).isEqualTo("DRAFT");

        JsonNode content = editor.api().get("/api/v1/catalog/entries/" + entries.get(0).get("id").asLong()).json()
                .get("latest").get("content");
        assertThat(Api.texts(content.get("dataItems"), "name")).containsExactly("credit_code", "founded_on");
        assertThat(content.get("dataItems").get(0).get("type").asString()).isEqualTo("CHARACTER");
        assertThat(content.get("dataItems").get(0).get("length").asInt()).isEqualTo(18);
        assertThat(content.get("dataItems").get(1).get("type").asString()).isEqualTo("DATE");
        assertThat(content.get("classification").get("target").asString()).isEqualTo("001");
        assertThat(content.get("releaseDate").asString()).isEqualTo("2026-01-15");
        assertThat(content.get("shareType").asString()).isEqualTo("UNCONDITIONAL");
        assertThat(content.get("shareMethod").asString()).isEqualTo("PLATFORM_INTERFACE");
        assertThat(content.get("openType").asString()).isEqualTo("OPEN");
        assertThat(content.get("updateCycle").asString()).isEqualTo("DAILY");
        JsonNode secondContent = editor.api().get("/api/v1/catalog/entries/" + entries.get(1).get("id").asLong())
                .json().get("latest").get("content");
        assertThat(Api.texts(secondContent.get("dataItems"), "name")).containsExactly("shop_name");
        assertThat(secondContent.get("dataItems").get(0).get("length").asInt()).isEqualTo(100);

        Api auditor = newUser(admin, authorityDepartmentId(admin), Role.AUDIT_ADMIN).api();
        Api.Response audit = auditor.get("/api/v1/audit?action=catalog.import&actor=" + editor.username() + "&size=10");
        assertThat(audit.json().get("items").size()).as(audit.body()).isEqualTo(1);
        assertThat(audit.json().get("items").get(0).get("detail").asString()).contains("目录.xlsx").contains("2 entries");
    }

    @Test
    void withSubmitEveryEntryIsAlsoSubmittedForReview() {
        Editor editor = newEditor("税务局");
        byte[] file = workbook(List.of(entryRow(1, "纳税信用等级" + unique())),
                List.of(itemRow(1, "credit_code", "统一社会信用代码", "C", 18)));

        Api.Response imported = editor.api().upload(IMPORT + "?submit=true", "file", "a.xlsx", XLSX, file);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("entries").get(0).get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(Api.texts(reviewer.get("/api/v1/catalog/review-queue").json(), "resourceCode"))
                .contains(imported.json().get("entries").get(0).get("resourceCode").asString());
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEveryRowColumnAndRule() {
        Editor editor = newEditor("民政局");
        Map<String, Object> conditional = entryRow(3, "婚姻登记信息" + unique());
        conditional.putAll(row("共享类型", "有条件共享", "共享条件", "仅用于婚姻状况核验", "申请材料", "公函；使用承诺书"));
        Map<String, Object> nameless = entryRow(2, null);
        byte[] file = workbook(List.of(entryRow(1, "社会组织登记" + unique()), nameless, conditional), List.of(
                itemRow(1, "org_name", "组织名称", "文本型", 100),
                itemRow(2, "person_name", "姓名", "C", 50),
                itemRow(3, "person_name", "姓名", "C", 50)));

        Api.Response refused = editor.api().upload(IMPORT + "?submit=true", "file", "a.xlsx", XLSX, file);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("SPREADSHEET_INVALID");
        List<JsonNode> errors = new ArrayList<>();
        refused.json().get("errors").forEach(errors::add);
        assertThat(errors).extracting(e -> e.get("location").asString(), e -> e.get("code").asString())
                .containsExactly(
                        tuple("信息资源!3 信息资源名称", "FIELD_REQUIRED"),
                        tuple("信息资源!4 共享依据类别", "LEGAL_BASIS_REQUIRED"),
                        tuple("信息项!2 数据类型", "INVALID_VALUE"));
        assertThat(errors.get(0).get("message").asString()).isEqualTo("信息资源名称为必填项。");
        assertThat(errors.get(1).get("message").asString()).contains("有条件共享");
        assertThat(refused.json().get("detail").asString()).contains("3");
        assertThat(editor.api().get("/api/v1/catalog/entries").json().size()).isZero();

        Api.Response inEnglish = editor.api().inLanguage("en").upload(IMPORT + "?submit=true", "file", "a.xlsx", XLSX,
                file);
        assertThat(inEnglish.json().get("errors").get(2).get("message").asString()).startsWith("数据类型 has an invalid value");
    }

    @Test
    void aFailureOnlyTheDatabaseFindsRollsBackTheRowsSavedBeforeIt() {
        Editor editor = newEditor("交通局");
        Map<String, Object> last = entryRow(3, "道路运输许可" + unique());
        last.put("关联资源代码", "301001/999999");
        byte[] file = workbook(List.of(entryRow(1, "公路养护" + unique()), entryRow(2, "客运班线" + unique()), last), List.of(
                itemRow(1, "road_no", "路线编号", "C", 20), itemRow(2, "line_no", "班线编号", "C", 20),
                itemRow(3, "permit_no", "许可证号", "C", 30)));

        Api.Response refused = editor.api().upload(IMPORT + "?submit=true", "file", "a.xlsx", XLSX, file);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("SPREADSHEET_INVALID");
        assertThat(refused.json().get("errors").get(0).get("location").asString()).isEqualTo("信息资源!4 关联资源代码");
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("UNKNOWN_RESOURCE_CODE");
        assertThat(editor.api().get("/api/v1/catalog/entries").json().size()).isZero();
    }

    @Test
    void baseResourcesAreImportedOnlyByTheirLeadDepartment() {
        Editor editor = newEditor("教育局");
        Map<String, Object> population = entryRow(1, "人口基础信息" + unique());
        population.put("资源分类代码", "101001");
        Api.Response refused = editor.api().upload(IMPORT, "file", "a.xlsx", XLSX,
                workbook(List.of(population), List.of()));
        assertThat(refused.code()).as(refused.body()).isEqualTo("SPREADSHEET_INVALID");
        assertThat(refused.json().get("errors").get(0).get("location").asString()).isEqualTo("信息资源!2 资源分类代码");
        assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("NOT_LEAD_DEPARTMENT");
    }

    @Test
    void filesOutsideTheTemplateLayoutAreUnreadable() {
        Editor editor = newEditor("文旅局");
        Api.Response csv = editor.api().upload(IMPORT, "file", "目录.csv", "text/csv", "序号,信息资源名称\n1,甲\n".getBytes());
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.code()).isEqualTo("SPREADSHEET_UNREADABLE");
        Api.Response fake = editor.api().upload(IMPORT, "file", "目录.xlsx", XLSX, "not a workbook".getBytes());
        assertThat(fake.code()).isEqualTo("SPREADSHEET_UNREADABLE");

        byte[] oneSheet;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CatalogWorkbooks.sheet(workbook, "信息资源", CatalogWorkbooks.ENTRY_HEADERS, List.of(entryRow(1, "甲")), null);
            oneSheet = CatalogWorkbooks.bytes(workbook);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Api.Response missingSheet = editor.api().upload(IMPORT, "file", "a.xlsx", XLSX, oneSheet);
        assertThat(missingSheet.code()).isEqualTo("SPREADSHEET_UNREADABLE");
        assertThat(missingSheet.json().get("detail").asString()).contains("缺少工作表“信息项”");
        assertThat(editor.api().inLanguage("en").upload(IMPORT, "file", "a.xlsx", XLSX, oneSheet).json().get("detail")
                .asString()).endsWith("the sheet 信息项 is missing.");

        byte[] missingColumn = CatalogWorkbooks.bytes(renameHeader(workbook(List.of(entryRow(1, "甲")), List.of()),
                "信息资源", "更新周期", "频率"));
        Api.Response column = editor.api().upload(IMPORT, "file", "a.xlsx", XLSX, missingColumn);
        assertThat(column.code()).isEqualTo("SPREADSHEET_UNREADABLE");
        assertThat(column.json().get("detail").asString()).contains("信息资源").contains("更新周期");

        assertThat(editor.api().post(IMPORT, Map.of("file", "x")).status()).isEqualTo(415);
        assertThat(reviewer.upload(IMPORT, "file", "a.xlsx", XLSX, workbook(List.of(entryRow(1, "甲")), List.of()))
                .status()).isEqualTo(403);
    }

    @Test
    void aFileWithMoreRowsThanOneImportTakesIsRefused() {
        Editor editor = newEditor("统计局");
        Api.Response refused = editor.api().upload(IMPORT, "file", "big.xlsx", XLSX, CatalogWorkbooks.manyEntries(10_001));
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("SPREADSHEET_TOO_LARGE");
        assertThat(refused.json().get("detail").asString()).contains("信息资源").contains("10,000");
        assertThat(editor.api().get("/api/v1/catalog/entries").json().size()).isZero();
    }

    @Test
    void anExportedFileImportsBackToEqualContent() {
        Editor editor = newEditor("卫健委");
        Map<String, Object> plain = content("医疗机构执业登记" + unique());
        Api.Response a = draft(editor.api(), plain);
        Map<String, Object> rich = content("出生医学证明" + unique());
        rich.put("classification", Map.of("category", "DEPARTMENT", "item", "01", "target", "001", "detail", "002"));
        rich.put("relatedCodes", List.of(a.text("resourceCode")));
        rich.put("shareType", "CONDITIONAL");
        rich.put("shareCondition", "仅用于户籍登记核验");
        rich.put("shareMethod", "PLATFORM_TABLE");
        rich.put("applicantMaterials", List.of("公函", "数据安全承诺书"));
        rich.put("shareBasis", basis("中华人民共和国个人信息保护法", "第十三条"));
        rich.put("openType", "NOT_OPEN");
        rich.put("openBasis", Map.of("kind", "REGULATION", "title", "某某条例", "article", "第五条"));
        rich.put("updateCycle", "REALTIME");
        @SuppressWarnings("unchecked")
        List<Object> items = (List<Object>) rich.get("dataItems");
        items.add(item("mother_name", "母亲姓名", "CHARACTER", 50, false, false, null, "PERSONAL_INFORMATION"));
        items.add(item("weight", "体重", "DOUBLE", 6, false, false, "克", "NONE"));
        Api.Response b = draft(editor.api(), rich);

        Api.Download export = editor.api().download("/api/v1/catalog/export.xlsx?ids=" + a.id() + "," + b.id());

        assertThat(export.status()).as(export.text()).isEqualTo(200);
        assertThat(export.contentType()).startsWith(XLSX);
        assertThat(export.contentDisposition()).startsWith("attachment").contains("filename*=UTF-8''");
        byte[] reimport;
        try (XSSFWorkbook workbook = CatalogWorkbooks.open(export.body())) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
                    .containsExactly("信息资源", "信息项", "填写说明");
            Sheet entries = workbook.getSheet("信息资源");
            assertThat(column(entries, "资源代码")).containsExactly(a.text("resourceCode"), b.text("resourceCode"));
            assertThat(column(entries, "共享类型")).containsExactly("无条件共享", "有条件共享");
            assertThat(column(workbook.getSheet("信息项"), "序号")).hasSize(4 + 6);
            int code = CatalogWorkbooks.ENTRY_HEADERS.indexOf("资源代码");
            for (int r = 1; r <= entries.getLastRowNum(); r++) {
                entries.getRow(r).getCell(code).setBlank();
            }
            reimport = CatalogWorkbooks.bytes(workbook);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        Api.Response imported = editor.api().upload(IMPORT, "file", "export.xlsx", XLSX, reimport);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        for (int i = 0; i < 2; i++) {
            long original = (i == 0 ? a : b).id();
            long copy = imported.json().get("entries").get(i).get("id").asLong();
            assertThat(contentOf(editor.api(), copy)).isEqualTo(contentOf(editor.api(), original));
        }

        Api.Download whole = editor.api().download("/api/v1/catalog/export.xlsx?departmentId=" + editor.department().id());
        assertThat(whole.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = CatalogWorkbooks.open(whole.body())) {
            assertThat(column(workbook.getSheet("信息资源"), "资源代码")).hasSize(4).contains(b.text("resourceCode"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void othersExportOnlyWhatTheyMaySee() {
        Editor editor = newEditor("自然资源局");
        String publishedCode = published(editor, content("不动产登记" + unique())).text("resourceCode");
        Api.Response draft = draft(editor.api(), content("地籍调查" + unique()));
        Editor stranger = newEditor("水利局");

        Api.Download catalog = stranger.api().download("/api/v1/catalog/export.xlsx?published=true");
        assertThat(catalog.status()).isEqualTo(200);
        try (XSSFWorkbook workbook = CatalogWorkbooks.open(catalog.body())) {
            List<String> codes = column(workbook.getSheet("信息资源"), "资源代码");
            assertThat(codes).contains(publishedCode).doesNotContain(draft.text("resourceCode"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(stranger.api().download("/api/v1/catalog/export.xlsx?ids=" + draft.id()).status()).isEqualTo(404);
        assertThat(stranger.api().download("/api/v1/catalog/export.xlsx?departmentId=" + editor.department().id())
                .status()).isEqualTo(403);
        assertThat(reviewer.download("/api/v1/catalog/export.xlsx?departmentId=" + editor.department().id()).status())
                .isEqualTo(200);
        Api.Download none = stranger.api().download("/api/v1/catalog/export.xlsx");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.text()).contains("INVALID_VALUE");
    }

    @Test
    void theTemplateExplainsItselfAndItsExampleImports() {
        Editor editor = newEditor("司法局");
        Api.Download template = editor.api().download("/api/v1/catalog/template.xlsx");

        assertThat(template.status()).isEqualTo(200);
        assertThat(template.contentDisposition()).contains("filename*=UTF-8''");
        try (XSSFWorkbook workbook = CatalogWorkbooks.open(template.body())) {
            assertThat(workbook.getSheet("填写说明")).isNotNull();
            Sheet entries = workbook.getSheet("信息资源");
            assertThat(header(entries)).containsExactlyElementsOf(CatalogWorkbooks.ENTRY_HEADERS);
            assertThat(header(workbook.getSheet("信息项"))).containsExactlyElementsOf(CatalogWorkbooks.ITEM_HEADERS);
            assertThat(entries.getLastRowNum()).isEqualTo(1);
            assertThat(column(entries, "资源代码")).isEmpty();
            assertThat(workbook.getSheet("信息资源").getDataValidations()).isNotEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        Api.Response imported = editor.api().upload(IMPORT + "?submit=true", "file", "模板.xlsx", XLSX, template.body());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
        assertThat(imported.json().get("entries").get(0).get("state").asString()).isEqualTo("SUBMITTED");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static JsonNode contentOf(Api api, long id) {
        return api.get("/api/v1/catalog/entries/" + id).json().get("latest").get("content");
    }

    private static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> names.add(cell.getStringCellValue()));
        return names;
    }

    /** The non-blank values of a column below the header, as Excel shows them. */
    private static List<String> column(Sheet sheet, String header) {
        int index = header(sheet).indexOf(header);
        DataFormatter formatter = new DataFormatter();
        List<String> values = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String value = row == null ? "" : formatter.formatCellValue(row.getCell(index));
            if (!value.isBlank()) {
                values.add(value);
            }
        }
        return values;
    }

    private static XSSFWorkbook renameHeader(byte[] file, String sheet, String from, String to) {
        XSSFWorkbook workbook = CatalogWorkbooks.open(file);
        workbook.getSheet(sheet).getRow(0).forEach(cell -> {
            if (cell.getStringCellValue().equals(from)) {
                cell.setCellValue(to);
            }
        });
        return workbook;
    }
}
