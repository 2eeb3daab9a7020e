package cn.govdata.lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.govdata.shared.ProblemCode;

class JsonLinesRecordSourceTest {

    private static List<SourceRecord> read(byte[] bytes) {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordSource source = new JsonLinesRecordSource(new ByteArrayInputStream(bytes),
                new ItemNames(CsvRecordSourceTest.ITEMS))) {
            source.read(records::add);
        }
        return records;
    }

    private static List<SourceRecord> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RecordSourceException failure(String text) {
        return catchThrowableOfType(RecordSourceException.class, () -> read(text));
    }

    @Test
    void readsOneObjectPerLineWithValuesAsWritten() {
        List<SourceRecord> records = read("""
                {"姓名": "张三", "GMSFHM": "37060219800517123X", "jtrks": 3, "sjhm": null}

                {"xm": "李四", "gmsfhm": "1", "jtrks": 12.50, "csrq": "1990-01-01"}\r
                {"xm": "王五", "gmsfhm": "2", "jtrks": true}
                """);
        assertThat(records).containsExactly(
                new SourceRecord(1, Map.of("xm", "张三", "gmsfhm", "37060219800517123X", "jtrks", "3")),
                new SourceRecord(3, Map.of("xm", "李四", "gmsfhm", "1", "jtrks", "12.50", "csrq", "1990-01-01")),
                new SourceRecord(4, Map.of("xm", "王五", "gmsfhm", "2", "jtrks", "true")));
    }

    @Test
    void skipsAByteOrderMark() {
        byte[] text = "{\"xm\":\"张三\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[text.length + 3];
        marked[0] = (byte) 0xEF;
        marked[1] = (byte) 0xBB;
        marked[2] = (byte) 0xBF;
        System.arraycopy(text, 0, marked, 3, text.length);
        assertThat(read(marked)).extracting(SourceRecord::values).containsExactly(Map.of("xm", "张三"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"xm\": \"张三\"|INVALID_JSON",
            "{\"xm\": \"张三\"} {\"xm\": \"李四\"}|INVALID_JSON",
            "{\"xm\": 张三}|INVALID_JSON",
            "[\"张三\"]|NOT_A_FLAT_OBJECT",
            "\"张三\"|NOT_A_FLAT_OBJECT",
            "{\"xm\": {\"given\": \"三\"}}|NOT_A_FLAT_OBJECT",
            "{\"xm\": [\"张三\"]}|NOT_A_FLAT_OBJECT",
            "{\"xm\": \"张三\", \"姓名\": \"张三\"}|DUPLICATE_FIELD" })
    void aBrokenLineIsReportedWithItsNumber(String line, SourceFault fault) {
        RecordSourceException e = failure("{\"xm\": \"ok\"}\n{\"xm\": \"ok\"}\n" + line + "\n{\"xm\": \"ok\"}\n");
        assertThat(e.code()).isEqualTo(ProblemCode.DATA_FILE_MALFORMED);
        assertThat(e.fault()).isEqualTo(fault);
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void aKeyThatNamesNoItemIsRefusedWithTheExpectedNames() {
        RecordSourceException e = failure("{\"xm\": \"张三\", \"婚姻状况\": \"未婚\"}\n");
        assertThat(e.code()).isEqualTo(ProblemCode.DATA_FILE_COLUMNS);
        assertThat(e.arguments()[0]).isEqualTo("婚姻状况");
        assertThat((String) e.arguments()[3]).startsWith("xm (姓名), gmsfhm (公民身份号码)");
    }

    @Test
    void bytesThatAreNotUtf8AreReportedWithTheirLine() {
        byte[] good = "{\"xm\": \"a\"}\n{\"xm\": \"b\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "{\"xm\": \"张三\"}\n".getBytes(TextEncodingTest.GBK);
        byte[] mixed = new byte[good.length + gbk.length];
        System.arraycopy(good, 0, mixed, 0, good.length);
        System.arraycopy(gbk, 0, mixed, good.length, gbk.length);
        RecordSourceException e = catchThrowableOfType(RecordSourceException.class, () -> read(mixed));
        assertThat(e.fault()).isEqualTo(SourceFault.ENCODING);
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void aLineLongerThanOneMebibyteIsRefusedBeforeItIsHeldWhole() {
        RecordSourceException e = failure("{\"xm\": \"a\"}\n{\"xm\": \"" + "a".repeat(JsonLinesRecordSource.MAX_LINE) + "\"}\n");
        assertThat(e.fault()).isEqualTo(SourceFault.LINE_TOO_LONG);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void aFileCutOffInsideItsLastObjectIsMalformedAtThatLine() {
        RecordSourceException e = failure("{\"xm\": \"a\"}\n{\"xm\": \"b\"}\n{\"xm\": \"张");
        assertThat(e.fault()).isEqualTo(SourceFault.INVALID_JSON);
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void aFileCutOffInsideACharacterIsAnEncodingFault() {
        byte[] whole = "{\"xm\": \"a\"}\n{\"xm\": \"张\"}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3); // inside 张
        RecordSourceException e = catchThrowableOfType(RecordSourceException.class, () -> read(cut));
        assertThat(e.fault()).isEqualTo(SourceFault.ENCODING);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void anEmptyFileHasNoRecords() {
        assertThat(read("")).isEmpty();
        assertThat(read("\n\n")).isEmpty();
    }
}
