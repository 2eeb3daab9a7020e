package cn.govdata.catalog.sheet;

import static cn.govdata.catalog.CatalogWorkbooks.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.govdata.catalog.CatalogWorkbooks;
import cn.govdata.catalog.DataGrade;
import cn.govdata.catalog.DataItem.Sensitivity;
import cn.govdata.catalog.EntryContent;
import cn.govdata.catalog.sheet.CatalogSheetParser.SheetRow;
import cn.govdata.shared.ProblemCode;

/** The grade columns of the Excel template (SEC-4): read by their Chinese names, blank as derived. */
class GradeColumnsTest {

    private final CatalogSheetParser parser = new CatalogSheetParser(new CatalogVocabulary(CatalogSheetParserTest.PROFILE));

    private static SheetRow sheetRow(int number, Map<String, Object> cells) {
        Map<String, String> text = new HashMap<>();
        cells.forEach((k, v) -> text.put(k, v == null ? null : v.toString()));
        return new SheetRow(number, text);
    }

    private static SheetRow entry(String key, String grade) {
        return sheetRow(Integer.parseInt(key) + 1, row("序号", key, "信息资源名称", "储备物资" + key, "资源分类代码", "301001",
                "数据分级", grade));
    }

    private static SheetRow item(int number, String key, String name, String sensitivity, String grade) {
        return sheetRow(number, row("序号", key, "信息项名称", name, "中文名称", name, "数据类型", "字符型", "数据长度", "10",
                "敏感属性", sensitivity, "数据分级", grade));
    }

    @Test
    void gradesAndSensitivePersonalInformationAreReadAndABlankGradeIsDerived() {
        CatalogSheetParser.Result result = parser.parse(List.of(entry("1", "核心数据"), entry("2", null)),
                List.of(item(2, "1", "a", "敏感个人信息", "重要"), item(3, "2", "b", null, "重要数据"),
                        item(4, "2", "c", null, null)));

        assertThat(result.problems().isEmpty()).as(result.problems().sorted().toString()).isTrue();
        EntryContent core = result.entries().get(0).content();
        assertThat(core.grade()).isEqualTo(DataGrade.CORE);
        assertThat(core.dataItems().getFirst().sensitivity()).isEqualTo(Sensitivity.SENSITIVE_PERSONAL_INFORMATION);
        assertThat(core.dataItems().getFirst().grade()).isEqualTo(DataGrade.IMPORTANT);
        EntryContent derived = result.entries().get(1).content();
        assertThat(derived.grade()).isEqualTo(DataGrade.IMPORTANT);
        assertThat(derived.dataItems().get(1).grade()).isEqualTo(DataGrade.GENERAL);
    }

    @Test
    void aFileFromTheTemplateBeforeGradingStillReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("older.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CatalogWorkbooks.sheet(workbook, "信息资源", without(CatalogWorkbooks.ENTRY_HEADERS),
                    List.of(row("序号", "1", "信息资源名称", "储备物资", "资源分类代码", "301001")), null);
            CatalogWorkbooks.sheet(workbook, "信息项", without(CatalogWorkbooks.ITEM_HEADERS),
                    List.of(row("序号", "1", "信息项名称", "a", "中文名称", "甲")), null);
            Files.write(file, CatalogWorkbooks.bytes(workbook));
        }

        CatalogWorkbookReader.Sheets sheets = CatalogWorkbookReader.read(file, 10, 10);

        CatalogSheetParser.Result result = parser.parse(sheets.entries(), sheets.items());
        assertThat(result.entries().getFirst().content().grade()).isEqualTo(DataGrade.GENERAL);
    }

    private static List<String> without(List<String> headers) {
        assertThat(headers).contains("数据分级");
        return headers.stream().filter(h -> !h.equals("数据分级")).toList();
    }

    @Test
    void anUnknownGradeIsReportedWithTheNamesAllowed() {
        CatalogSheetParser.Result result = parser.parse(List.of(entry("1", "绝密")), List.of(item(2, "1", "a", null, null)));

        assertThat(result.problems().sorted()).singleElement().satisfies(problem -> {
            assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_VALUE);
            assertThat(problem.arguments().toString()).contains("一般数据/重要数据/核心数据");
        });
    }
}
