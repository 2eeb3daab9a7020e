package cn.govdata.catalog.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

import cn.govdata.catalog.sheet.CatalogSheetLayout.Column;
import cn.govdata.catalog.sheet.CatalogSheetLayout.EntryColumn;
import cn.govdata.catalog.sheet.CatalogSheetLayout.ItemColumn;
import cn.govdata.catalog.sheet.CatalogSheetParser.SheetRow;
import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

/**
 * Reads the two data sheets of an uploaded .xlsx workbook row by row with POI's streaming (SAX) reader, so
 * that a large file is never held as a whole workbook: only the rows' text is kept, and reading stops as
 * soon as a sheet has more rows than one import takes. Cells are read as Excel shows them (POI's
 * DataFormatter): a number typed where text is expected reads as its digits, a date cell as yyyy-MM-dd.
 * POI's secure XML parser and its zip-bomb limits ({@code ZipSecureFile}) stay at their defaults.
 */
final class CatalogWorkbookReader {

    /** The rows of the two data sheets below their headers; blank rows are left out. */
    record Sheets(List<SheetRow> entries, List<SheetRow> items) {
    }

    /** How many header rows are looked at for the header before giving up. */
    private static final int HEADER_SEARCH_ROWS = 10;
    private static final Pattern HEADER_NOISE = Pattern.compile("[\\s\\u3000*＊]|[（(]必填[)）]");

    private CatalogWorkbookReader() {
    }

    static Sheets read(Path file, int maxEntryRows, int maxItemRows) {
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(file.toFile());
        } catch (IOException e) {
            throw unreadable("spreadsheet.not-xlsx");
        }
        if (magic == FileMagic.OLE2) {
            throw unreadable("spreadsheet.xls-or-encrypted");
        }
        if (magic != FileMagic.OOXML) {
            throw unreadable("spreadsheet.not-xlsx");
        }
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (Exception e) {
            throw unreadable(isZipBomb(e) ? "spreadsheet.zip-bomb" : "spreadsheet.not-xlsx");
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            if (styles == null) {
                styles = new StylesTable();
            }
            List<SheetRow> entries = null;
            List<SheetRow> items = null;
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName() == null ? "" : sheets.getSheetName().strip();
                    if (entries == null && CatalogSheetLayout.ENTRY_SHEET.equals(name)) {
                        entries = readSheet(sheet, styles, strings, name, EntryColumn.values(), EntryColumn.NAME,
                                maxEntryRows);
                    } else if (items == null && CatalogSheetLayout.ITEM_SHEET.equals(name)) {
                        items = readSheet(sheet, styles, strings, name, ItemColumn.values(), ItemColumn.NAME,
                                maxItemRows);
                    }
                }
            }
            if (entries == null) {
                throw unreadable("spreadsheet.missing-sheet", CatalogSheetLayout.ENTRY_SHEET);
            }
            if (items == null) {
                throw unreadable("spreadsheet.missing-sheet", CatalogSheetLayout.ITEM_SHEET);
            }
            return new Sheets(entries, items);
        } catch (IOException | OpenXML4JException | SAXException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            if (e instanceof SAXException sax && sax.getException() instanceof DomainException domain) {
                throw domain;
            }
            throw unreadable(isZipBomb(e) ? "spreadsheet.zip-bomb" : "spreadsheet.not-xlsx");
        } finally {
            pkg.revert();
        }
    }

    private static List<SheetRow> readSheet(InputStream sheet, StylesTable styles, ReadOnlySharedStringsTable strings,
            String name, Column[] columns, Column anchor, int maxRows) throws IOException, SAXException {
        Rows rows = new Rows(name, anchor, maxRows);
        XMLReader parser;
        try {
            parser = XMLHelper.newXMLReader();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new IsoDateFormatter(), false));
        parser.parse(new InputSource(sheet));
        if (rows.headers == null) {
            throw unreadable("spreadsheet.missing-header", name, anchor.header());
        }
        List<String> missing = new ArrayList<>();
        for (Column column : columns) {
            if (!rows.headers.containsValue(column.header()) && !CatalogSheetLayout.MAY_BE_ABSENT.contains(column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            throw unreadable("spreadsheet.missing-columns", name, String.join("、", missing));
        }
        return rows.rows;
    }

    /** Collects the rows below the header, each as its cells by header. */
    private static final class Rows implements SheetContentsHandler {

        private final String sheet;
        private final Column anchor;
        private final int maxRows;
        private final List<SheetRow> rows = new ArrayList<>();
        private Map<Integer, String> headers;
        private Map<Integer, String> current = new HashMap<>();
        private int lastColumn;

        Rows(String sheet, Column anchor, int maxRows) {
            this.sheet = sheet;
            this.anchor = anchor;
            this.maxRows = maxRows;
        }

        @Override
        public void startRow(int rowNum) {
            current = new HashMap<>();
            lastColumn = -1;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? lastColumn + 1 : new CellReference(reference).getCol();
            lastColumn = column;
            if (value != null && !value.isBlank()) {
                current.put(column, value);
            }
        }

        @Override
        public void endRow(int rowNum) {
            if (current.isEmpty()) {
                return;
            }
            if (headers == null) {
                Map<Integer, String> names = new HashMap<>();
                current.forEach((column, text) -> names.put(column, HEADER_NOISE.matcher(text).replaceAll("")));
                if (names.containsValue(anchor.header())) {
                    headers = names;
                } else if (rowNum >= HEADER_SEARCH_ROWS) {
                    throw unreadable("spreadsheet.missing-header", sheet, anchor.header());
                }
                return;
            }
            if (rows.size() >= maxRows) {
                throw new DomainException(ProblemCode.SPREADSHEET_TOO_LARGE, sheet, maxRows);
            }
            Map<String, String> cells = new LinkedHashMap<>();
            current.forEach((column, text) -> {
                String header = headers.get(column);
                if (header != null) {
                    cells.putIfAbsent(header, text);
                }
            });
            if (!cells.isEmpty()) {
                rows.add(new SheetRow(rowNum + 1, cells));
            }
        }
    }

    /** Formats date cells as ISO dates whatever their display format; everything else as Excel shows it. */
    private static final class IsoDateFormatter extends DataFormatter {

        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("zip bomb")) {
                return true;
            }
        }
        return false;
    }

    /** A refusal naming, in the caller's language, what is wrong with the file. */
    static DomainException unreadable(String reason, Object... arguments) {
        MessageSourceResolvable why = new DefaultMessageSourceResolvable(new String[] { reason }, arguments, reason);
        return new DomainException(ProblemCode.SPREADSHEET_UNREADABLE, why);
    }
}
