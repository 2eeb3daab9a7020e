package cn.govdata.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** CSV injection (OWASP): no cell of a CSV the platform writes opens as a formula in a spreadsheet. */
class SpreadsheetCsvTest {

    @Test
    void cellsThatStartLikeAFormulaAreQuotedBehindASingleQuote() throws IOException {
        StringWriter out = new StringWriter();
        SpreadsheetCsv csv = SpreadsheetCsv.on(out, "a", "b");
        csv.printRow("=HYPERLINK(\"http://evil.example\",\"点我\")", "+1", "-12.5", "@SUM(A1)", "\tx", "\rx");
        csv.printRow(-3, 4.5, null, "", "a=b", "'quoted");
        csv.flush();
        assertThat(out.toString()).isEqualTo("a,b\r\n"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\",\"'+1\",\"'-12.5\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\"\r\n"
                + "\"'-3\",4.5,,,a=b,'quoted\r\n");
    }

    @Test
    void aParserReadsTheDefusedTextAndEverythingElseAsItWas() throws IOException {
        StringWriter out = new StringWriter();
        SpreadsheetCsv csv = SpreadsheetCsv.on(out, "=header");
        csv.printRow(List.of("含逗号, 和 \"引号\"", "=1+1", "多行\n说明", 12));
        csv.flush();
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords();
        assertThat(records.get(0).values()).containsExactly("'=header");
        assertThat(records.get(1).values()).containsExactly("含逗号, 和 \"引号\"", "'=1+1", "多行\n说明", "12");
    }

    @Test
    void aFileForExcelStartsWithAByteOrderMarkInUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SpreadsheetCsv csv = SpreadsheetCsv.withByteOrderMark(bytes, "名称", "条件");
        csv.printRow("共享目录", "-依法申请");
        csv.flush();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF名称,条件\r\n共享目录,\"'-依法申请\"\r\n");
    }

    @Test
    void aCellForAWriterOfItsOwnIsDefusedTheSameWay() {
        assertThat(SpreadsheetCsv.defused("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SpreadsheetCsv.defused("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SpreadsheetCsv.defused("-12.5")).isEqualTo("'-12.5");
        assertThat(SpreadsheetCsv.defused("芝罘区=福山区")).isEqualTo("芝罘区=福山区");
        assertThat(SpreadsheetCsv.defused(null)).isNull();
    }
}
