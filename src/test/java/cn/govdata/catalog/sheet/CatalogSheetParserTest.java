package cn.govdata.catalog.sheet;

import static cn.govdata.catalog.CatalogWorkbooks.entryRow;
import static cn.govdata.catalog.CatalogWorkbooks.itemRow;
import static cn.govdata.catalog.CatalogWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.govdata.catalog.CatalogWorkbooks;
import cn.govdata.catalog.Classification;
import cn.govdata.catalog.DataItem;
import cn.govdata.catalog.DataItem.DataType;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.EntryContent.ShareMethod;
import cn.govdata.catalog.EntryContent.UpdateCycle;
import cn.govdata.catalog.LegalBasis;
import cn.govdata.catalog.ResourceFormat;
import cn.govdata.catalog.entry.CatalogRules;
import cn.govdata.catalog.sheet.CatalogSheetParser.ParsedEntry;
import cn.govdata.catalog.sheet.CatalogSheetParser.SheetRow;
import cn.govdata.policy.PolicyProfile;
import cn.govdata.policy.PolicyProfile.OpenType;
import cn.govdata.policy.PolicyProfile.ShareType;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.LocalizedText;
import cn.govdata.shared.ProblemCode;
import cn.govdata.shared.Violation;

/** Reading template rows into entry content, and where the problems of a sheet are reported. */
class CatalogSheetParserTest {

    static final PolicyProfile PROFILE = new PolicyProfile("test", new PolicyProfile.Text("测试市", "Test"),
            new PolicyProfile.Text("测试办法", "Test rules"), new PolicyProfile.CatalogUpdate(10, null, null),
            new PolicyProfile.ShareApplication(PolicyProfile.Approver.PROVIDER, 10, null),
            Map.of(ShareType.UNCONDITIONAL, new PolicyProfile.Text("无条件共享", "Unconditional"),
                    ShareType.CONDITIONAL, new PolicyProfile.Text("有条件共享", "Conditional"),
                    ShareType.NOT_SHARED, new PolicyProfile.Text("不予共享", "Not shared")),
            new PolicyProfile.OpenData(Map.of(OpenType.OPEN, new PolicyProfile.Text("无条件开放", "Open"),
                    OpenType.CONDITIONAL_OPEN, new PolicyProfile.Text("依申请开放", "On application"),
                    OpenType.NOT_OPEN, new PolicyProfile.Text("不予开放", "Not open")), null,
                    PolicyProfile.OpenApplicants.ANYONE, null, null, false),
            new PolicyProfile.Objection(PolicyProfile.ObjectionRoute.PROVIDER, null, null, null), null, null);

    private final CatalogSheetParser parser = new CatalogSheetParser(new CatalogVocabulary(PROFILE));

    @Test
    void readsChineseNamesLettersApiNamesNumbersAndSeparators() {
        SheetRow entryRow = sheetRow(2, row("序号", "1", "信息资源名称", " 企业登记信息 ", "资源分类代码", "301001001",
                "信息资源摘要", "全部企业", "信息资源格式", "数据库", "格式细类", "postgresql", "发布日期", "2026/1/5",
                "关联资源代码", "301001/000001；301001/000002; ", "共享类型", "有条件共享", "共享条件", "仅用于监管",
                "共享方式", "共享平台－接口", "申请材料", "公函;承诺书", "共享依据类别", "法律", "共享依据名称", "某某法",
                "共享依据条款", "第十条", "开放类型", "NOT_OPEN", "不予开放依据类别", "行政法规", "不予开放依据名称", "某某条例",
                "不予开放依据条款", "第三条", "更新周期", "每月", "是否涉密", "否"));
        List<SheetRow> items = List.of(
                sheetRow(2, row("序号", "1", "信息项名称", "credit_code", "中文名称", "统一社会信用代码", "数据类型", "c",
                        "数据长度", "18", "是否必填", "是", "是否主键", "Y", "值域标准", "GB 32100", "敏感属性", "无")),
                sheetRow(3, row("序号", "1", "信息项名称", "legal_person", "中文名称", "法定代表人", "数据类型", "字符型",
                        "数据长度", "50", "敏感属性", "个人信息")),
                sheetRow(4, row("序号", "1", "信息项名称", "founded_on", "中文名称", "成立日期", "数据类型", "日期型")));

        CatalogSheetParser.Result result = parser.parse(List.of(entryRow), items);

        assertThat(result.problems().isEmpty()).as(result.problems().sorted().toString()).isTrue();
        ParsedEntry parsed = result.entries().getFirst();
        EntryContent content = parsed.content();
        assertThat(content.name()).isEqualTo("企业登记信息");
        assertThat(content.classification()).isEqualTo(Classification.parse("301001001"));
        assertThat(content.format()).isEqualTo(ResourceFormat.DATABASE);
        assertThat(content.subFormat()).isEqualTo("PostgreSQL");
        assertThat(content.releaseDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(content.relatedCodes()).containsExactly("301001/000001", "301001/000002");
        assertThat(content.shareType()).isEqualTo(ShareType.CONDITIONAL);
        assertThat(content.shareMethod()).isEqualTo(ShareMethod.PLATFORM_INTERFACE);
        assertThat(content.applicantMaterials()).containsExactly("公函", "承诺书");
        assertThat(content.shareBasis()).isEqualTo(new LegalBasis(LegalBasis.Kind.LAW, "某某法", "第十条"));
        assertThat(content.openType()).isEqualTo(OpenType.NOT_OPEN);
        assertThat(content.openBasis().kind()).isEqualTo(LegalBasis.Kind.REGULATION);
        assertThat(content.updateCycle()).isEqualTo(UpdateCycle.MONTHLY);
        assertThat(content.classified()).isFalse();
        assertThat(content.dataItems()).containsExactly(
                new DataItem("credit_code", "统一社会信用代码", DataType.CHARACTER, 18, true, true, "GB 32100", Sensitivity.NONE),
                new DataItem("legal_person", "法定代表人", DataType.CHARACTER, 50, false, false, null,
                        Sensitivity.PERSONAL_INFORMATION),
                new DataItem("founded_on", "成立日期", DataType.DATE, null, false, false, null, Sensitivity.NONE));
        assertThat(parsed.itemRows()).containsExactly(2, 3, 4);
        assertThat(CatalogRules.checkForSubmission(content, PROFILE)).isEmpty();
    }

    @Test
    void reportsEveryValueItCannotReadBySheetRowAndColumn() {
        List<SheetRow> entries = List.of(
                sheetRow(2, row("序号", "1", "资源代码", "301001/000007", "信息资源名称", "甲", "资源分类代码", "999",
                        "发布日期", "2026-13-01", "共享类型", "随便共享", "是否涉密", "也许")),
                sheetRow(3, row("序号", "1", "信息资源名称", "乙", "资源分类代码", "301001")),
                sheetRow(4, row("信息资源名称", "丙", "资源分类代码", "301001")));
        List<SheetRow> items = List.of(
                sheetRow(2, row("序号", "1", "信息项名称", "a", "数据类型", "文本型", "数据长度", "3.5")),
                sheetRow(3, row("序号", "9", "信息项名称", "b")));

        List<Violation> problems = parser.parse(entries, items).problems().sorted();

        assertThat(problems).extracting(Violation::location, Violation::code).containsExactly(
                tuple("信息资源!2 资源代码", ProblemCode.SPREADSHEET_CODE_ASSIGNED),
                tuple("信息资源!2 资源分类代码", ProblemCode.INVALID_CLASSIFICATION),
                tuple("信息资源!2 发布日期", ProblemCode.INVALID_DATE),
                tuple("信息资源!2 共享类型", ProblemCode.INVALID_VALUE),
                tuple("信息资源!2 是否涉密", ProblemCode.INVALID_VALUE),
                tuple("信息资源!3 序号", ProblemCode.SPREADSHEET_DUPLICATE_KEY),
                tuple("信息资源!4 序号", ProblemCode.FIELD_REQUIRED),
                tuple("信息项!2 数据类型", ProblemCode.INVALID_VALUE),
                tuple("信息项!2 数据长度", ProblemCode.INVALID_VALUE),
                tuple("信息项!3 序号", ProblemCode.SPREADSHEET_UNKNOWN_KEY));
        assertThat(problems.get(3).arguments()).containsExactly("共享类型", "无条件共享/有条件共享/不予共享");
    }

    @Test
    void placesTheRulesViolationsAtTheirCellsAndNamesTheColumn() {
        SheetRow entryRow = sheetRow(5, row("序号", "A", "信息资源名称", "企业信息", "资源分类代码", "301001", "信息资源摘要", "摘要",
                "信息资源格式", "数据库", "格式细类", "PostgreSQL", "共享类型", "有条件共享", "共享条件", "监管", "共享方式", "邮件",
                "申请材料", "公函", "共享依据类别", "法律", "开放类型", "无条件开放", "更新周期", "每日"));
        List<SheetRow> items = List.of(sheetRow(7, row("序号", "A", "信息项名称", "name", "中文名称", "名称", "数据类型", "C",
                "数据长度", "10")), sheetRow(8, row("序号", "A", "信息项名称", "amount", "中文名称", "金额", "数据类型", "N")));
        ParsedEntry parsed = parser.parse(List.of(entryRow), items).entries().getFirst();

        List<Violation> located = CatalogRules.checkForSubmission(parsed.content(), PROFILE).stream()
                .map(v -> parser.locate(parsed, v)).toList();

        assertThat(located).extracting(Violation::location, Violation::code).containsExactlyInAnyOrder(
                tuple("信息项!8 数据长度", ProblemCode.FIELD_REQUIRED),
                tuple("信息资源!5 共享依据名称", ProblemCode.LEGAL_BASIS_REQUIRED));
        assertThat(located).filteredOn(v -> v.code() == ProblemCode.FIELD_REQUIRED).first()
                .extracting(Violation::arguments).isEqualTo(List.of("数据长度"));
        assertThat(located).filteredOn(v -> v.code() == ProblemCode.LEGAL_BASIS_REQUIRED).first()
                .extracting(v -> ((LocalizedText) v.arguments().getFirst()).zh()).isEqualTo("有条件共享");
    }

    @Test
    void readsAWorkbookWhoseNumbersAndDatesAreTypedAsSuch(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalog.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            // a title row above the header, as departments often add, and a header marked required with *
            var entries = workbook.createSheet("信息资源");
            entries.createRow(0).createCell(0).setCellValue("某某局政务数据资源目录");
            var header = entries.createRow(1);
            for (int c = 0; c < CatalogWorkbooks.ENTRY_HEADERS.size(); c++) {
                String name = CatalogWorkbooks.ENTRY_HEADERS.get(c);
                header.createCell(c).setCellValue(name.equals("信息资源名称") ? "*信息资源名称" : name);
            }
            var row = entries.createRow(2);
            row.createCell(0).setCellValue(1);
            row.createCell(2).setCellValue("企业登记信息");
            row.createCell(3).setCellValue(301001);
            row.createCell(7).setCellValue(LocalDate.of(2026, 1, 15));
            row.getCell(7).setCellStyle(date);
            row.createCell(22).setCellValue(false);
            entries.createRow(3); // blank rows are skipped
            CatalogWorkbooks.sheet(workbook, "信息项", CatalogWorkbooks.ITEM_HEADERS,
                    List.of(itemRow(1, "org_name", "单位名称", "C", 200)), date);
            workbook.createSheet("填写说明").createRow(0).createCell(0).setCellValue("说明");
            Files.write(file, CatalogWorkbooks.bytes(workbook));
        }

        CatalogWorkbookReader.Sheets sheets = CatalogWorkbookReader.read(file, 10, 10);
        assertThat(sheets.entries()).hasSize(1);
        assertThat(sheets.entries().getFirst().number()).isEqualTo(3);
        CatalogSheetParser.Result result = parser.parse(sheets.entries(), sheets.items());

        assertThat(result.problems().sorted()).isEmpty();
        EntryContent content = result.entries().getFirst().content();
        assertThat(content.classification().code()).isEqualTo("301001");
        assertThat(content.releaseDate()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(content.dataItems().getFirst().length()).isEqualTo(200);
        assertThat(content.dataItems().getFirst().type()).isEqualTo(DataType.CHARACTER);
    }

    @Test
    void refusesWorkbooksOutsideTheLayoutAndStopsAtTheRowLimit(@TempDir Path dir) throws IOException {
        Path notXlsx = Files.writeString(dir.resolve("a.xlsx"), "序号,信息资源名称\n1,甲\n");
        assertThatThrownBy(() -> CatalogWorkbookReader.read(notXlsx, 10, 10))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.SPREADSHEET_UNREADABLE));

        Path oneSheet = dir.resolve("b.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CatalogWorkbooks.sheet(workbook, "信息资源", CatalogWorkbooks.ENTRY_HEADERS, List.of(entryRow(1, "甲")), null);
            Files.write(oneSheet, CatalogWorkbooks.bytes(workbook));
        }
        assertThatThrownBy(() -> CatalogWorkbookReader.read(oneSheet, 10, 10))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ProblemCode.SPREADSHEET_UNREADABLE);
                    assertThat(e.getMessage()).contains("spreadsheet.missing-sheet").contains("信息项");
                });

        Path many = Files.write(dir.resolve("c.xlsx"), CatalogWorkbooks.manyEntries(4));
        assertThat(CatalogWorkbookReader.read(many, 4, 10).entries()).hasSize(4);
        assertThatThrownBy(() -> CatalogWorkbookReader.read(many, 3, 10))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.SPREADSHEET_TOO_LARGE));
    }

    private static SheetRow sheetRow(int number, Map<String, Object> cells) {
        Map<String, String> text = new HashMap<>();
        cells.forEach((k, v) -> text.put(k, v == null ? null : v.toString()));
        return new SheetRow(number, text);
    }
}
