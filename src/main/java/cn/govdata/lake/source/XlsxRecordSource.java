package cn.govdata.lake.source;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OLE2NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import cn.govdata.shared.SpreadsheetCsv;

/**
 * An Excel 2007+ workbook, read with POI's event API ({@link XSSFReader} and
 * {@link XSSFSheetXMLHandler}): the sheet's XML is parsed as a stream, so rows are never held in memory,
 * but the shared-string table is (POI has no streaming one), which bounds a workbook by its distinct
 * texts; a sheet has at most 1,048,576 rows anyway. The file is opened as a zip file rather than a
 * stream, so it is not copied into memory, and POI's zip-bomb limits apply.
 *
 * <p>The first sheet is read; its first non-empty row is the header; empty rows are skipped. Row numbers
 * are the sheet's. Values are what the lake needs rather than what the sheet displays: a number as its
 * stored value in plain notation ({@code 13812345678}, not {@code 1.38E+10}; {@code 0.125}, not
 * {@code 12.5%}), a date-formatted number as {@code yyyy-MM-dd} or {@code yyyy-MM-dd HH:mm:ss}, TRUE or
 * FALSE for booleans, text as it is. Workbooks using the 1904 date system are read as 1900 ones.
 */
final class XlsxRecordSource implements RecordSource {

    private static final int MAX_COLUMNS = 16_384;

    private final Path file;
    private final ItemNames names;
    private List<FileColumn> columns = List.of();

    XlsxRecordSource(Path file, ItemNames names) {
        this.file = file;
        this.names = names;
    }

    @Override
    public List<FileColumn> columns() {
        return columns;
    }

    @Override
    public void read(Consumer<SourceRecord> consumer) {
        Rows rows = new Rows(consumer);
        OPCPackage workbook = null;
        try {
            workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw RecordSourceException.unreadable(SourceFormat.XLSX, SourceFault.NO_SHEET, null);
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(workbook, false), rows, new LakeValues(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
            if (rows.failure != null) {
                throw rows.failure;
            }
            if (rows.itemOfColumn == null) {
                throw RecordSourceException.unreadable(SourceFormat.XLSX, SourceFault.NO_HEADER, null);
            }
        } catch (RecordSourceException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            if (rows.failure != null) {
                throw rows.failure; // the consumer's or the header's, passed through the XML parser
            }
            throw classify(e, rows.lastRow);
        } finally {
            if (workbook != null) {
                workbook.revert(); // closes without saving
            }
        }
    }

    @Override
    public void close() {
        // read() opens and releases the workbook itself
    }

    /** The damage: where it struck inside the sheet, or the whole file when it could not be opened. */
    private static RecordSourceException classify(Exception e, int lastRow) {
        SourceFault fault = SourceFault.NOT_XLSX;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OLE2NotOfficeXmlFileException) {
                fault = SourceFault.XLS_OR_ENCRYPTED;
            } else if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                fault = SourceFault.ZIP_BOMB;
            }
        }
        return lastRow >= 0 && fault == SourceFault.NOT_XLSX
                ? RecordSourceException.malformed(SourceFormat.XLSX, lastRow + 2L, fault, e)
                : RecordSourceException.unreadable(SourceFormat.XLSX, fault, e);
    }

    /** Collects a row's cells; the first non-empty row maps the columns, the others go to the consumer. */
    private final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Consumer<SourceRecord> consumer;
        private String[] cells = new String[32];
        private int width;
        private int nextColumn;
        private int lastRow = -1;
        private String[] itemOfColumn;
        /** Whether the file is rejected rows the platform wrote, sent back: its cells were defused. */
        private boolean returned;
        private RuntimeException failure;

        Rows(Consumer<SourceRecord> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, 0, width, null);
            width = 0;
            nextColumn = 0;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : column(reference);
            nextColumn = column + 1;
            if (column >= MAX_COLUMNS) {
                return;
            }
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            cells[column] = value;
            width = Math.max(width, column + 1);
        }

        @Override
        public void endRow(int rowNum) {
            if (failure != null) {
                return;
            }
            try {
                if (!blank()) {
                    if (itemOfColumn == null) {
                        List<String> header = new ArrayList<>(Arrays.asList(cells).subList(0, width));
                        itemOfColumn = names.columns(header);
                        columns = ItemNames.fileColumns(header, itemOfColumn);
                        returned = ItemNames.hasNote(itemOfColumn);
                    } else {
                        consumer.accept(new SourceRecord(rowNum + 1L, values(rowNum + 1L)));
                    }
                }
                lastRow = rowNum;
            } catch (RuntimeException e) {
                // stop the parse; read() rethrows it as it was
                failure = e;
                throw e;
            }
        }

        private boolean blank() {
            for (int i = 0; i < width; i++) {
                if (cells[i] != null && !cells[i].isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private Map<String, String> values(long row) {
            Map<String, String> values = HashMap.newHashMap(names.size());
            for (int i = 0; i < width; i++) {
                String value = cells[i];
                if (value == null) {
                    continue;
                }
                String item = i < itemOfColumn.length ? itemOfColumn[i] : null;
                if (ItemNames.NOTE.equals(item)) {
                    continue;
                }
                if (item != null) {
                    values.put(item, returned ? SpreadsheetCsv.restored(value) : value);
                } else if (!value.isBlank()) {
                    throw RecordSourceException.malformed(SourceFormat.XLSX, row, SourceFault.EXTRA_VALUES, null);
                }
            }
            return values;
        }

        /** The zero-based column of a reference such as {@code AB12}. */
        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }

    /**
     * Renders numeric cells for the lake: dates in ISO form, other numbers as their plain stored value,
     * whatever display format (thousands separators, percent, a locale's date order) the sheet uses.
     */
    private static final class LakeValues extends DataFormatter {

        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDateTime dateTime = DateUtil.getLocalDateTime(value).withNano(0);
                if (value < 1) {
                    return dateTime.format(TIME);
                }
                return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString()
                        : dateTime.format(DATE_TIME);
            }
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
