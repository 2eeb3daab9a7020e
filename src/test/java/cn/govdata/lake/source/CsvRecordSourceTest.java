package cn.govdata.lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.govdata.catalog.DataItem;
import cn.govdata.lake.LakeFixtures;
import cn.govdata.shared.ProblemCode;

class CsvRecordSourceTest {

    static final List<DataItem> ITEMS = List.of(LakeFixtures.NAME, LakeFixtures.ID_NUMBER, LakeFixtures.BIRTH_DATE,
            LakeFixtures.MOBILE, LakeFixtures.HOUSEHOLD);

    private static List<SourceRecord> read(byte[] bytes, Charset encoding) {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordSource source = new CsvRecordSource(new ByteArrayInputStream(bytes), new ItemNames(ITEMS), encoding)) {
            source.read(records::add);
        }
        return records;
    }

    private static List<SourceRecord> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8), null);
    }

    private static RecordSourceException failure(String text) {
        return catchThrowableOfType(RecordSourceException.class, () -> read(text));
    }

    @Test
    void readsRowsUnderChineseOrIdentifierHeaders() {
        List<SourceRecord> records = read("姓名,GMSFHM, 出生日期 ,sjhm\n张三,37060219800517123X,1980-05-17,13812345678\n"
                + "李四,37060219900101002X,,\n");
        assertThat(records).containsExactly(
                new SourceRecord(2, Map.of("xm", "张三", "gmsfhm", "37060219800517123X", "csrq", "1980-05-17",
                        "sjhm", "13812345678")),
                new SourceRecord(3, Map.of("xm", "李四", "gmsfhm", "37060219900101002X", "csrq", "", "sjhm", "")));
    }

    @Test
    void rejectedRowsSentBackHaveTheirReasonColumnIgnoredAndTheirCellsAsFirstSent() {
        List<SourceRecord> returned = read("姓名,公民身份号码,未入库原因\n\"'-张三\",37060219800517123X,第2行：姓名：…\n");
        assertThat(returned).containsExactly(new SourceRecord(2, Map.of("xm", "-张三", "gmsfhm", "37060219800517123X")));
        assertThat(read("姓名,公民身份号码,Why it was not loaded\n李四,1,Row 2: …\n").get(0).values())
                .containsOnlyKeys("xm", "gmsfhm");
        // any other file keeps a leading quote: only the platform's own files were defused
        assertThat(read("姓名,公民身份号码\n'-张三,1\n").get(0).values()).containsEntry("xm", "'-张三");
    }

    @Test
    void valuesAreRawAndQuotedFieldsMaySpanLines() {
        List<SourceRecord> records = read("xm,gmsfhm,jtrks\r\n\" 张三 \",\"3706,02\",3\r\n\r\n\"王\n五\",x,\"\"\"4\"\"\"\r\n");
        assertThat(records).as("the empty line is row 3, as a spreadsheet shows the file")
                .extracting(SourceRecord::row).containsExactly(2L, 4L);
        assertThat(records.get(0).values()).containsEntry("xm", " 张三 ").containsEntry("gmsfhm", "3706,02");
        assertThat(records.get(1).values()).containsEntry("xm", "王\n五").containsEntry("jtrks", "\"4\"");
    }

    @Test
    void readsGbkFilesFromChineseWindows() {
        String text = "姓名,公民身份号码,手机号码\n张三,37060219800517123X,13812345678\n欧阳娜娜,110105194912310021,\n";
        List<SourceRecord> records = read(text.getBytes(TextEncodingTest.GBK), null);
        assertThat(records).extracting(r -> r.values().get("xm")).containsExactly("张三", "欧阳娜娜");
    }

    @Test
    void skipsTheByteOrderMarkOfExcelsUtf8() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        bytes.write("姓名,公民身份号码\n张三,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(read(bytes.toByteArray(), null)).extracting(r -> r.values().get("xm")).containsExactly("张三");
    }

    @Test
    void theCallerMayNameTheEncoding() {
        byte[] gbk = "姓名,公民身份号码\n张三,1\n".getBytes(TextEncodingTest.GBK);
        assertThat(read(gbk, TextEncodingTest.GBK)).extracting(r -> r.values().get("xm")).containsExactly("张三");
        RecordSourceException wrong = catchThrowableOfType(RecordSourceException.class,
                () -> read(gbk, StandardCharsets.UTF_8));
        assertThat(wrong.fault()).isEqualTo(SourceFault.ENCODING);
        assertThat(wrong.line()).isEqualTo(1);
    }

    @Test
    void aBadByteAfterTheDetectedPrefixIsReportedWithItsLine() {
        StringBuilder text = new StringBuilder("xm,gmsfhm\n");
        int lines = 1;
        while (text.length() < 100_000) {
            text.append("张三,37060219800517123X\n");
            lines++;
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] gbkTail = "李四,1\n".getBytes(TextEncodingTest.GBK);
        byte[] mixed = new byte[utf8.length + gbkTail.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(gbkTail, 0, mixed, utf8.length, gbkTail.length);
        RecordSourceException e = catchThrowableOfType(RecordSourceException.class, () -> read(mixed, null));
        assertThat(e.code()).isEqualTo(ProblemCode.DATA_FILE_MALFORMED);
        assertThat(e.fault()).isEqualTo(SourceFault.ENCODING);
        assertThat(e.line()).isEqualTo(lines + 1);
    }

    @Test
    void unknownColumnsAreRefusedWithTheExpectedNames() {
        RecordSourceException e = failure("姓名,公民身份号码,婚姻状况,备注\n张三,1,未婚,\n");
        assertThat(e.code()).isEqualTo(ProblemCode.DATA_FILE_COLUMNS);
        assertThat(e.arguments()).containsExactly("婚姻状况, 备注", "—", "—",
                "xm (姓名), gmsfhm (公民身份号码), csrq (出生日期), sjhm (手机号码), jtrks (家庭人口数)");
    }

    @Test
    void missingRequiredItemsAndRepeatedColumnsAreRefused() {
        RecordSourceException e = failure("姓名,xm,手机号码\n张三,张三,1\n");
        assertThat(e.arguments()).as("unknown, repeated, missing").startsWith("—", "xm", "gmsfhm (公民身份号码)");
    }

    @Test
    void aFileWithoutAHeaderDoesNotQuoteItsFirstRow() {
        RecordSourceException e = failure("张三丰,37060219800517123X\n");
        assertThat(e.arguments()[0]).isEqualTo("张**, 3706**********123X");
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItsRecordStarts() {
        RecordSourceException e = failure("xm,gmsfhm\n张三,1\n李四,2\n\"王五,3\n赵六,4\n");
        assertThat(e.code()).isEqualTo(ProblemCode.DATA_FILE_MALFORMED);
        assertThat(e.fault()).isEqualTo(SourceFault.CSV_SYNTAX);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getCause()).as("kept for the log").isNotNull();
    }

    @Test
    void valuesBeyondTheHeaderAreMalformedButShortRowsAreNot() {
        assertThat(read("xm,gmsfhm,jtrks\n张三,1\n张三,1,2,,\n")).extracting(SourceRecord::values)
                .containsExactly(Map.of("xm", "张三", "gmsfhm", "1"), Map.of("xm", "张三", "gmsfhm", "1", "jtrks", "2"));
        RecordSourceException e = failure("xm,gmsfhm\n张三,1\n张三,1,note\n");
        assertThat(e.fault()).isEqualTo(SourceFault.EXTRA_VALUES);
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void rowsOfEmptyFieldsAreSkippedAsSpreadsheetsWriteThem() {
        assertThat(read("xm,gmsfhm\n张三,1\n,\n , \n李四,2\n")).extracting(SourceRecord::row).containsExactly(2L, 5L);
    }

    @Test
    void anEmptyFileHasNoHeader() {
        RecordSourceException e = failure("");
        assertThat(e.code()).isEqualTo(ProblemCode.DATA_FILE_UNREADABLE);
        assertThat(e.fault()).isEqualTo(SourceFault.NO_HEADER);
    }

    @Test
    void theConsumersExceptionComesOutUnchangedAndTheStreamIsClosed() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream("xm,gmsfhm\n张三,1\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        IllegalStateException stop = new IllegalStateException("stop");
        try (RecordSource source = new CsvRecordSource(in, new ItemNames(ITEMS), null)) {
            assertThatThrownBy(() -> source.read(r -> {
                throw stop;
            })).isSameAs(stop);
        }
        assertThat(closed).isTrue();
    }

    @Test
    void opensFilesByFormat(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("people.csv");
        Files.writeString(file, "xm,gmsfhm\n张三,1\n");
        List<SourceRecord> records = new ArrayList<>();
        try (RecordSource source = RecordSource.open(file, SourceFormat.CSV, ITEMS, null)) {
            source.read(records::add);
        }
        assertThat(records).hasSize(1);
        assertThat(catchThrowableOfType(RecordSourceException.class,
                () -> RecordSource.open(dir.resolve("missing.csv"), SourceFormat.CSV, ITEMS, null)).fault())
                .isEqualTo(SourceFault.IO);
    }
}
