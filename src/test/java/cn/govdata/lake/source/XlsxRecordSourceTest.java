package cn.govdata.lake.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.govdata.shared.ProblemCode;

class XlsxRecordSourceTest {

    @TempDir
    Path dir;

    private Path workbook(Workbook book, String name, Object[]... rows) throws IOException {
        Sheet sheet = book.createSheet("人口");
        CellStyle date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy年m月d日"));
        CellStyle dateTime = book.createCellStyle();
        dateTime.setDataFormat(book.createDataFormat().getFormat("m/d/yy h:mm"));
        CellStyle thousands = book.createCellStyle();
        thousands.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null) {
                continue;
            }
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object value = rows[r][c];
                switch (value) {
                    case null -> { }
                    case String s -> row.createCell(c).setCellValue(s);
                    case Boolean b -> row.createCell(c).setCellValue(b);
                    case LocalDate d -> {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    }
                    case LocalDateTime d -> {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(dateTime);
                    }
                    case Double d -> {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(thousands);
                    }
                    case Number n -> row.createCell(c).setCellValue(n.doubleValue());
                    default -> throw new IllegalArgumentException(value.toString());
                }
            }
        }
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); book) {
            book.write(out);
        }
        return file;
    }

    private static List<SourceRecord> read(Path file) {
        List<SourceRecord> records = new ArrayList<>();
        try (RecordSource source = RecordSource.open(file, SourceFormat.XLSX, CsvRecordSourceTest.ITEMS, null)) {
            source.read(records::add);
        }
        return records;
    }

    @Test
    void readsTheFirstSheetWithItsFirstNonEmptyRowAsHeader() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "people.xlsx",
                null,
                new Object[] { "姓名", "公民身份号码", "出生日期", "手机号码", "家庭人口数" },
                new Object[] { "张三", "37060219800517123X", LocalDate.of(1980, 5, 17), 13812345678L, 3 },
                new Object[] { "", null, null, null, null },
                new Object[] { "李四", "37060219900101002X", LocalDateTime.of(1990, 1, 1, 8, 30), null, 2.5 });
        assertThat(read(file)).containsExactly(
                new SourceRecord(3, Map.of("xm", "张三", "gmsfhm", "37060219800517123X", "csrq", "1980-05-17",
                        "sjhm", "13812345678", "jtrks", "3")),
                new SourceRecord(5, Map.of("xm", "李四", "gmsfhm", "37060219900101002X",
                        "csrq", "1990-01-01 08:30:00", "jtrks", "2.5")));
    }

    @Test
    void numbersAreTheirStoredValueWhateverTheirDisplayFormat() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "numbers.xlsx", new Object[] { "xm", "gmsfhm", "jtrks" },
                new Object[] { "a", "1", 1234567.5 }, new Object[] { "b", "2", 0.125 });
        assertThat(read(file)).extracting(r -> r.values().get("jtrks")).containsExactly("1234567.5", "0.125");
    }

    @Test
    void unknownColumnsAreRefused() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "unknown.xlsx", new Object[] { "姓名", "公民身份号码", "户籍地址" },
                new Object[] { "张三", "1", "烟台" });
        RecordSourceException e = catchThrowableOfType(RecordSourceException.class, () -> read(file));
        assertThat(e.code()).isEqualTo(ProblemCode.DATA_FILE_COLUMNS);
        assertThat(e.arguments()[0]).isEqualTo("户籍地址");
    }

    @Test
    void valuesWithoutAHeaderAreMalformedAtTheirRow() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "extra.xlsx", new Object[] { "姓名", "公民身份号码" },
                new Object[] { "张三", "1" }, new Object[] { "李四", "2", "note" });
        RecordSourceException e = catchThrowableOfType(RecordSourceException.class, () -> read(file));
        assertThat(e.fault()).isEqualTo(SourceFault.EXTRA_VALUES);
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void aTruncatedWorkbookIsUnreadable() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "whole.xlsx", new Object[] { "姓名", "公民身份号码" },
                new Object[] { "张三", "1" });
        byte[] bytes = Files.readAllBytes(file);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), Arrays.copyOf(bytes, bytes.length / 2));
        RecordSourceException e = catchThrowableOfType(RecordSourceException.class, () -> read(truncated));
        assertThat(e.code()).isEqualTo(ProblemCode.DATA_FILE_UNREADABLE);
        assertThat(e.fault()).isEqualTo(SourceFault.NOT_XLSX);
        assertThat(e.getMessage()).doesNotContain("Exception");
    }

    @Test
    void textAndEmptyFilesAreNoWorkbooks() throws IOException {
        Path text = Files.writeString(dir.resolve("text.xlsx"), "xm,gmsfhm\n张三,1\n");
        assertThat(catchThrowableOfType(RecordSourceException.class, () -> read(text)).fault())
                .isEqualTo(SourceFault.NOT_XLSX);
        Path empty = Files.write(dir.resolve("empty.xlsx"), new byte[0]);
        assertThat(catchThrowableOfType(RecordSourceException.class, () -> read(empty)).fault())
                .isEqualTo(SourceFault.NOT_XLSX);
    }

    @Test
    void anOldXlsFileIsToldToBeSavedAsXlsx() throws IOException {
        Path file = workbook(new HSSFWorkbook(), "old.xls", new Object[] { "姓名", "公民身份号码" });
        assertThat(catchThrowableOfType(RecordSourceException.class, () -> read(file)).fault())
                .isEqualTo(SourceFault.XLS_OR_ENCRYPTED);
    }

    @Test
    void anEmptySheetHasNoHeader() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "blank.xlsx");
        assertThat(catchThrowableOfType(RecordSourceException.class, () -> read(file)).fault())
                .isEqualTo(SourceFault.NO_HEADER);
    }

    @Test
    void theConsumersExceptionComesOutUnchangedAndTheFileIsReleased() throws IOException {
        Path file = workbook(new XSSFWorkbook(), "stop.xlsx", new Object[] { "姓名", "公民身份号码" },
                new Object[] { "张三", "1" }, new Object[] { "李四", "2" });
        IllegalStateException stop = new IllegalStateException("stop");
        try (RecordSource source = RecordSource.open(file, SourceFormat.XLSX, CsvRecordSourceTest.ITEMS, null)) {
            assertThatThrownBy(() -> source.read(r -> {
                throw stop;
            })).isSameAs(stop);
        }
        Files.delete(file);
    }
}
